using System.Net;
using Switchboard.Api.Tests.Support;

namespace Switchboard.Api.Tests;

/// <summary>Who may send and read broadcasts, read and mark alerts, and run platform changes.</summary>
public sealed class AlertsAuthorizationTests(SwitchboardApiFactory factory)
{
    private const string Broadcast = """{"text":"Hi","audience":{"all":true}}""";
    private const string Notice = """{"message":"Tonight"}""";

    [Theory]
    [InlineData("admin", HttpStatusCode.Created)]
    [InlineData("supervisor", HttpStatusCode.Created)]
    [InlineData("agent", HttpStatusCode.Forbidden)]
    [InlineData("integration", HttpStatusCode.Forbidden)]
    public async Task Only_admins_and_supervisors_broadcast(string role, HttpStatusCode expected)
    {
        var (tenant, client) = await KeyAsync(role);
        using (client)
        {
            using var response = await client.SendJsonAsync(HttpMethod.Post, "/v1/broadcasts", Broadcast);
            await AssertStatusAsync(response, expected);
            using var list = await client.GetResponseAsync("/v1/broadcasts");
            await AssertStatusAsync(list, expected == HttpStatusCode.Created ? HttpStatusCode.OK : HttpStatusCode.Forbidden);
        }

        using var admin = tenant.Admin();
        Assert.Equal(expected == HttpStatusCode.Created ? 1 : 0, (await admin.GetOkJsonAsync("/v1/broadcasts")).Items().Count);
    }

    [Fact]
    public async Task An_agent_key_reads_and_marks_only_its_own_alerts()
    {
        var (tenant, a1) = await KeyAsync("agent");
        using (a1)
        {
            await tenant.CreateAgentAsync("a2");
            using var admin = tenant.Admin();
            var id = (await admin.BroadcastAsync(Broadcast)).Text("id");
            using var supervisor = factory.ClientWith((await tenant.IssueKeyAsync("supervisor")).Key);
            using var integration = factory.ClientWith((await tenant.IssueKeyAsync("integration")).Key);

            Assert.Equal([id], await a1.AlertIdsAsync("a1"));
            Assert.Equal([id], await supervisor.AlertIdsAsync("a1"));
            Assert.Equal([id], await admin.AlertIdsAsync("a2"));
            await AssertStatusAsync(await a1.GetResponseAsync("/v1/agents/a2/alerts"), HttpStatusCode.Forbidden);
            await AssertStatusAsync(await integration.GetResponseAsync("/v1/agents/a1/alerts"), HttpStatusCode.Forbidden);

            // Only the agent itself gives a read receipt.
            foreach (var other in new[] { admin, supervisor, integration })
            {
                await AssertStatusAsync(await other.SendJsonAsync(HttpMethod.Post, $"/v1/agents/a1/alerts/{id}/read", null), HttpStatusCode.Forbidden);
            }

            await AssertStatusAsync(await a1.SendJsonAsync(HttpMethod.Post, $"/v1/agents/a2/alerts/{id}/read", null), HttpStatusCode.Forbidden);
            await AssertStatusAsync(await a1.GetResponseAsync($"/v1/broadcasts/{id}"), HttpStatusCode.Forbidden);
            Assert.Equal(0, (await admin.GetOkJsonAsync($"/v1/broadcasts/{id}")).Number("readCount"));
            Assert.All((await admin.GetOkJsonAsync("/v1/agents/a2/alerts")).Items(), a => Assert.False(a!["read"]!.GetValue<bool>()));
        }
    }

    [Theory]
    [InlineData("admin", HttpStatusCode.Created, HttpStatusCode.OK)]
    [InlineData("supervisor", HttpStatusCode.Forbidden, HttpStatusCode.OK)]
    [InlineData("agent", HttpStatusCode.Forbidden, HttpStatusCode.Forbidden)]
    [InlineData("integration", HttpStatusCode.Forbidden, HttpStatusCode.Forbidden)]
    public async Task Only_admins_run_platform_changes_and_supervisors_watch_them(string role, HttpStatusCode create, HttpStatusCode read)
    {
        var (tenant, client) = await KeyAsync(role);
        using var admin = tenant.Admin();
        var existing = (await admin.CreateChangeAsync("Next week")).Text("id");
        using (client)
        {
            await AssertStatusAsync(await client.SendJsonAsync(HttpMethod.Post, "/v1/platform-changes", Notice), create);
            await AssertStatusAsync(await client.NoticeAsync(existing, "Tomorrow", final: true), create);
            await AssertStatusAsync(await client.GetResponseAsync("/v1/platform-changes"), read);
            await AssertStatusAsync(await client.GetResponseAsync($"/v1/platform-changes/{existing}"), read);
        }

        var changes = (await admin.GetOkJsonAsync("/v1/platform-changes")).Items();
        Assert.Equal(create == HttpStatusCode.Created ? 2 : 1, changes.Count);
        var notices = (await admin.GetOkJsonAsync($"/v1/platform-changes/{existing}"))["notices"]!.AsArray();
        Assert.Equal(create == HttpStatusCode.Created ? 2 : 1, notices.Count);
    }

    [Fact]
    public async Task Without_a_key_nothing_is_served()
    {
        using var anonymous = factory.ClientWith(null);
        foreach (var (method, url) in new[]
        {
            (HttpMethod.Post, "/v1/broadcasts"), (HttpMethod.Get, "/v1/broadcasts"), (HttpMethod.Get, "/v1/broadcasts/b_1"),
            (HttpMethod.Get, "/v1/agents/a1/alerts"), (HttpMethod.Post, "/v1/agents/a1/alerts/b_1/read"),
            (HttpMethod.Post, "/v1/platform-changes"), (HttpMethod.Get, "/v1/platform-changes"), (HttpMethod.Get, "/v1/platform-changes/pc_1"),
            (HttpMethod.Post, "/v1/platform-changes/pc_1/notices"),
        })
        {
            using var response = await anonymous.SendJsonAsync(method, url, method == HttpMethod.Post ? Notice : null);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {url}: {response.StatusCode}");
        }
    }

    /// <summary>A tenant with agent a1 and a client with a key of <paramref name="role"/> (an agent key is a1's).</summary>
    private async Task<(TestTenant Tenant, HttpClient Client)> KeyAsync(string role)
    {
        var tenant = await factory.CreateTenantAsync();
        await tenant.CreateAgentAsync("a1");
        if (role == "admin")
        {
            return (tenant, tenant.Admin());
        }

        var (_, key) = await tenant.IssueKeyAsync(role, role == "agent" ? "a1" : null);
        return (tenant, factory.ClientWith(key));
    }

    private static async Task AssertStatusAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        using (response)
        {
            if (expected is HttpStatusCode.OK or HttpStatusCode.Created)
            {
                Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
            }
            else
            {
                await Problem.AssertAsync(response, expected);
            }
        }
    }
}
