using System.Net;
using Switchboard.Api.Tests.Support;

namespace Switchboard.Api.Tests;

/// <summary>An agent key acts on its own agent and nothing else.</summary>
public sealed class AgentKeyTests(SwitchboardApiFactory factory)
{
    [Fact]
    public async Task Admin_issues_an_agent_key_shown_once_and_bound_to_the_agent()
    {
        var tenant = await factory.CreateTenantAsync();
        await tenant.CreateAgentAsync("a1");
        using var admin = tenant.Admin();

        using var response = await admin.SendJsonAsync(HttpMethod.Post, "/v1/api-keys", """{"role":"agent","agentId":"a1"}""");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var issued = await response.ReadJsonAsync();
        Assert.StartsWith("sb.", issued.Text("key"), StringComparison.Ordinal);
        Assert.StartsWith($"sb.{tenant.Id}.", issued.Text("key"), StringComparison.Ordinal);
        Assert.Equal("agent", issued.Text("role"));
        Assert.Equal("a1", issued.Text("agentId"));
        Assert.Equal($"/v1/api-keys/{issued.Text("id")}", response.Headers.Location?.OriginalString);

        var listed = (await admin.GetOkJsonAsync("/v1/api-keys")).Items().Single(k => k!.Text("id") == issued.Text("id"))!;
        Assert.Equal("agent", listed.Text("role"));
        Assert.Null(listed["key"]);
    }

    [Fact]
    public async Task A_key_reads_whose_it_is_and_no_key_reads_nothing()
    {
        var tenant = await factory.CreateTenantAsync();
        await tenant.CreateAgentAsync("a1");
        var (agentKeyId, agentKey) = await tenant.IssueKeyAsync("agent", "a1");
        var (supervisorKeyId, supervisorKey) = await tenant.IssueKeyAsync("supervisor");
        using var agent = factory.ClientWith(agentKey);
        using var supervisor = factory.ClientWith(supervisorKey);
        using var nobody = factory.CreateClient();

        var asAgent = await agent.GetOkJsonAsync("/v1/me");
        var asSupervisor = await supervisor.GetOkJsonAsync("/v1/me");
        using var anonymous = await nobody.GetAsync(new Uri("/v1/me", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal((tenant.Id, agentKeyId, "agent", "a1"), (asAgent.Text("tenantId"), asAgent.Text("keyId"), asAgent.Text("role"), asAgent.Text("agentId")));
        Assert.Equal((supervisorKeyId, "supervisor", null), (asSupervisor.Text("keyId"), asSupervisor.Text("role"), asSupervisor.TextOrNull("agentId")));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task Agent_key_changes_and_reads_its_own_state_as_the_agent()
    {
        var tenant = await factory.CreateTenantAsync();
        await tenant.CreateAgentAsync("a1");
        var (_, key) = await tenant.IssueKeyAsync("agent", "a1");
        using var agent = factory.ClientWith(key);

        using (var response = await agent.SendJsonAsync(HttpMethod.Put, "/v1/agents/a1/state", """{"state":"Available"}"""))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("Available", (await response.ReadJsonAsync()).Text("state"));
        }

        var state = await agent.GetOkJsonAsync("/v1/agents/a1/state");
        Assert.Equal("Available", state.Text("state"));
        Assert.Equal(1, state.Number("version"));
        Assert.Equal("a1", (await agent.GetOkJsonAsync("/v1/agents/a1")).Text("id"));

        var entry = (await agent.GetOkJsonAsync("/v1/agents/a1/state-history")).Items().Single()!;
        Assert.Equal("Agent", entry.Text("actor"));
        Assert.Equal("a1", entry.Text("actorId"));
        Assert.Equal("Available", entry.Text("to"));
    }

    [Theory]
    [InlineData("PUT", "/v1/agents/a2/state", """{"state":"Available"}""")]
    [InlineData("GET", "/v1/agents/a2/state", null)]
    [InlineData("GET", "/v1/agents/a2/state-history", null)]
    [InlineData("GET", "/v1/agents/a2", null)]
    public async Task Agent_key_acting_on_another_agent_is_forbidden(string method, string path, string? body)
    {
        var tenant = await factory.CreateTenantAsync();
        await tenant.CreateAgentAsync("a1");
        await tenant.CreateAgentAsync("a2");
        var (_, key) = await tenant.IssueKeyAsync("agent", "a1");
        using var agent = factory.ClientWith(key);

        using var response = await agent.SendJsonAsync(new HttpMethod(method), path, body);

        var problem = await Problem.AssertAsync(response, HttpStatusCode.Forbidden);
        Assert.Contains("'a2'", Problem.Detail(problem), StringComparison.Ordinal);
        var other = await tenant.GetStateAsync("a2");
        Assert.Equal("LoggedOut", other.Text("state"));
        Assert.Equal(0, other.Number("version"));
    }

    [Theory]
    [InlineData("GET", "/v1/agents", null)]
    [InlineData("POST", "/v1/agents", """{"id":"a9","displayName":"Nine"}""")]
    [InlineData("PATCH", "/v1/agents/a1", """{"displayName":"Changed"}""")]
    [InlineData("DELETE", "/v1/agents/a1", null)]
    [InlineData("PUT", "/v1/status-codes", """{"items":[{"code":"lunch","label":"Lunch","states":["Break"]}]}""")]
    [InlineData("PUT", "/v1/transaction-codes", """{"items":[{"code":"sale","label":"Sale"}]}""")]
    [InlineData("POST", "/v1/api-keys", """{"role":"admin"}""")]
    [InlineData("GET", "/v1/api-keys", null)]
    public async Task Agent_key_on_admin_endpoints_is_forbidden(string method, string path, string? body)
    {
        var tenant = await factory.CreateTenantAsync();
        await tenant.CreateAgentAsync("a1", "One");
        var (_, key) = await tenant.IssueKeyAsync("agent", "a1");
        using var agent = factory.ClientWith(key);

        using var response = await agent.SendJsonAsync(new HttpMethod(method), path, body);

        await Problem.AssertAsync(response, HttpStatusCode.Forbidden);
        using var admin = tenant.Admin();
        var agents = (await admin.GetOkJsonAsync("/v1/agents")).Items();
        Assert.Equal("One", agents.Single()!.Text("displayName"));
        Assert.Empty((await admin.GetOkJsonAsync("/v1/status-codes")).Items());
        Assert.Empty((await admin.GetOkJsonAsync("/v1/transaction-codes")).Items());
        Assert.Equal(2, (await admin.GetOkJsonAsync("/v1/api-keys")).Items().Count);
    }
}
