using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Switchboard.Api.Tests.Support;
using Switchboard.TestSupport.Azurite;

using Switchboard.TestSupport;

namespace Switchboard.Api.Tests;

/// <summary>
/// Hosts on Azure Tables (Azurite here): everything acknowledged survives the whole host stopping and starting again
/// (tenants, agents, states with their audit trail, status codes, API keys and revocations), and a client-mode API host
/// finds its silos through the membership table.
/// </summary>
public sealed class DurableRestartTests
{
    [Fact]
    public async Task A_host_on_azure_tables_stopped_and_started_again_keeps_everything_it_acknowledged()
    {
        await using var azurite = await AzuriteInstance.StartAsync(TestContext.Current.CancellationToken);
        (string, string)[] durable =
        [
            ("Storage:Provider", "AzureTables"),
            ("ConnectionStrings:AzureStorage", azurite.ConnectionString),
            ("Auth:OperatorKey", SwitchboardApiFactory.OperatorKey),
            ("Auth:DevAdminKey", SwitchboardApiFactory.DevAdminKey),
        ];

        string adminKey, agentKey, revokedKey, etag;
        await using (var first = IsolatedApi.Create("Development", durable))
        {
            using var operatorClient = first.CreateClient();
            operatorClient.DefaultRequestHeaders.Authorization = new("Bearer", SwitchboardApiFactory.OperatorKey);
            using (var tenant = await operatorClient.SendJsonAsync(HttpMethod.Post, "/v1/tenants", """{"id":"acme","name":"Acme"}"""))
            {
                Assert.Equal(HttpStatusCode.Created, tenant.StatusCode);
                adminKey = (await tenant.ReadJsonAsync())["adminKey"]!.Text("key");
            }

            using var admin = first.CreateClient();
            admin.DefaultRequestHeaders.Authorization = new("Bearer", adminKey);
            await Ok(admin, HttpMethod.Post, "/v1/agents", """{"id":"a1","displayName":"Ada","group":"sales"}""", HttpStatusCode.Created);
            await Ok(admin, HttpMethod.Put, "/v1/status-codes", """{"items":[{"code":"lunch","label":"Lunch","states":["Break"]}]}""");
            await Ok(admin, HttpMethod.Put, "/v1/transaction-codes", """{"items":[{"code":"sale","label":"Sale"}]}""");
            await Ok(admin, HttpMethod.Put, "/v1/agents/a1/state", """{"state":"Available"}""");
            await Ok(admin, HttpMethod.Put, "/v1/agents/a1/state", """{"state":"Break","reasonCode":"lunch"}""");
            agentKey = await IssueAsync(admin, """{"role":"agent","agentId":"a1"}""");
            revokedKey = await IssueAsync(admin, """{"role":"integration"}""");
            var revokedId = (await admin.GetOkJsonAsync("/v1/api-keys")).Items().Single(k => k!.Text("role") == "integration")!.Text("id");
            using (var revoke = await admin.DeleteResponseAsync($"/v1/api-keys/{revokedId}"))
            {
                Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
            }

            using var read = await admin.GetResponseAsync("/v1/agents/a1/state");
            etag = read.Headers.ETag!.ToString();
        }

        await using var second = IsolatedApi.Create("Development", durable);
        using var again = second.CreateClient();
        again.DefaultRequestHeaders.Authorization = new("Bearer", adminKey);

        var state = await again.GetOkJsonAsync("/v1/agents/a1/state");
        Assert.Equal("Break", state.Text("state"));
        Assert.Equal("lunch", state.Text("reasonCode"));
        Assert.Equal(2, state.Number("version"));
        Assert.Equal("\"2\"", etag);
        var history = (await again.GetOkJsonAsync("/v1/agents/a1/state-history")).Items();
        Assert.Equal([2L, 1L], history.Select(e => e!.Number("sequence")));
        Assert.Equal("Ada", (await again.GetOkJsonAsync("/v1/agents/a1")).Text("displayName"));
        Assert.Equal(["a1"], (await again.GetOkJsonAsync("/v1/agents")).Items().Select(a => a!.Text("id")));
        Assert.Equal("lunch", (await again.GetOkJsonAsync("/v1/status-codes")).Items().Single()!.Text("code"));
        Assert.Equal("sale", (await again.GetOkJsonAsync("/v1/transaction-codes")).Items().Single()!.Text("code"));

        using var agent = second.CreateClient();
        agent.DefaultRequestHeaders.Authorization = new("Bearer", agentKey);
        Assert.Equal("Break", (await agent.GetOkJsonAsync("/v1/agents/a1/state")).Text("state"));

        using var revoked = second.CreateClient();
        revoked.DefaultRequestHeaders.Authorization = new("Bearer", revokedKey);
        using var refused = await revoked.GetResponseAsync("/v1/agents/a1/state");
        await Problem.AssertAsync(refused, HttpStatusCode.Unauthorized);

        // Rules still hold after the restart: Break without a code is refused, a stale If-Match too.
        using var noCode = await again.SendJsonAsync(HttpMethod.Put, "/v1/agents/a1/state", """{"state":"Break"}""");
        await Problem.AssertAsync(noCode, HttpStatusCode.UnprocessableEntity);
        using var stale = await again.SendJsonAsync(HttpMethod.Put, "/v1/agents/a1/state", """{"state":"Available"}""",
            r => r.Headers.TryAddWithoutValidation("If-Match", "\"1\""));
        await Problem.AssertAsync(stale, HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task An_api_host_in_client_mode_finds_a_separate_silo_through_the_membership_table()
    {
        await using var azurite = await AzuriteInstance.StartAsync(TestContext.Current.CancellationToken);
        var siloBuilder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        siloBuilder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "AzureTables",
            ["ConnectionStrings:AzureStorage"] = azurite.ConnectionString,
            ["Orleans:SiloPort"] = FreePorts.NextText(),
            ["Orleans:GatewayPort"] = FreePorts.NextText(),
        });
        siloBuilder.UseOrleans(silo => Switchboard.Hosting.SiloBuilderExtensions.AddSwitchboardSilo(silo, siloBuilder.Configuration));
        using var silo = siloBuilder.Build();
        await silo.StartAsync(TestContext.Current.CancellationToken);

        // No gateway port given to the API: it reads the gateways from the membership table.
        await using var api = new IsolatedApiFactory(web =>
        {
            Microsoft.AspNetCore.Hosting.HostingAbstractionsWebHostBuilderExtensions.UseEnvironment(web, "Development");
            web.UseSetting("Orleans:Mode", "Client");
            web.UseSetting("Orleans:GatewayPort", "1"); // deliberately wrong: must not be used on Azure Tables
            web.UseSetting("Storage:Provider", "AzureTables");
            web.UseSetting("ConnectionStrings:AzureStorage", azurite.ConnectionString);
            web.UseSetting("Auth:DevAdminKey", SwitchboardApiFactory.DevAdminKey);
        });
        using var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", SwitchboardApiFactory.DevAdminKey);

        await Ok(client, HttpMethod.Post, "/v1/agents", """{"id":"a1","displayName":"Ada"}""", HttpStatusCode.Created);
        await Ok(client, HttpMethod.Put, "/v1/agents/a1/state", """{"state":"Available"}""");
        Assert.Equal("Available", (await client.GetOkJsonAsync("/v1/agents/a1/state")).Text("state"));
        await silo.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task With_live_events_on_Azure_queues_a_state_change_reaches_a_socket_through_the_queue()
    {
        await using var azurite = await AzuriteInstance.StartAsync(TestContext.Current.CancellationToken);
        await using var api = IsolatedApi.Create(
            "Development",
            ("Storage:Provider", "AzureTables"),
            ("Storage:LiveEventsOnAzureQueues", "true"),
            ("Storage:LiveQueueCount", "2"),
            ("ConnectionStrings:AzureStorage", azurite.ConnectionString),
            ("Auth:DevAdminKey", SwitchboardApiFactory.DevAdminKey));
        using var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", SwitchboardApiFactory.DevAdminKey);
        await Ok(client, HttpMethod.Post, "/v1/agents", """{"id":"a1","displayName":"Ada"}""", HttpStatusCode.Created);

        await using var live = await LiveTestClient.ConnectAsync(api, SwitchboardApiFactory.DevAdminKey);
        await live.SubscribeAsync("agent:a1");
        await live.NextAsync(m => m.Text("type") == "snapshot", "the agent's snapshot");
        await Ok(client, HttpMethod.Put, "/v1/agents/a1/state", """{"state":"Available"}""");

        var changed = await live.NextAsync(m => m.Text("type") == "agent.state_changed", "the change, through the queue");
        Assert.Equal("Available", changed["data"]!.Text("state"));

        // The host made the service's live queues, as only the Azure Queue stream provider does (memory streams make none).
        var queues = new Azure.Storage.Queues.QueueServiceClient(azurite.ConnectionString);
        var names = new List<string>();
        await foreach (var queue in queues.GetQueuesAsync(cancellationToken: TestContext.Current.CancellationToken))
        {
            names.Add(queue.Name);
        }

        Assert.Equal(["switchboard-live-0", "switchboard-live-1"], names.Order());
    }

    private static async Task Ok(HttpClient client, HttpMethod method, string url, string body, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await client.SendJsonAsync(method, url, body);
        Assert.Equal(expected, response.StatusCode);
    }

    private static async Task<string> IssueAsync(HttpClient admin, string body)
    {
        using var response = await admin.SendJsonAsync(HttpMethod.Post, "/v1/api-keys", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadJsonAsync()).Text("key");
    }
}
