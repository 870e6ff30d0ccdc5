using System.Net;
using Switchboard.Api.Tests.Support;

namespace Switchboard.Api.Tests;

/// <summary>Admin CRUD of agents.</summary>
public sealed class AgentCrudTests(SwitchboardApiFactory factory)
{
    [Fact]
    public async Task Patch_changes_name_and_group_and_get_shows_it()
    {
        var tenant = await factory.CreateTenantAsync();
        await tenant.CreateAgentAsync("a1", "Ada", "sales");
        using var admin = tenant.Admin();

        using (var patched = await admin.SendJsonAsync(HttpMethod.Patch, "/v1/agents/a1", """{"displayName":"Ada Lovelace","group":"support"}"""))
        {
            Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
            var body = await patched.ReadJsonAsync();
            Assert.Equal("Ada Lovelace", body.Text("displayName"));
            Assert.Equal("support", body.Text("group"));
        }

        var agent = await admin.GetOkJsonAsync("/v1/agents/a1");
        Assert.Equal("a1", agent.Text("id"));
        Assert.Equal("Ada Lovelace", agent.Text("displayName"));
        Assert.Equal("support", agent.Text("group"));
        var listed = (await admin.GetOkJsonAsync("/v1/agents")).Items().Single()!;
        Assert.Equal("Ada Lovelace", listed.Text("displayName"));
        Assert.Equal("support", listed.Text("group"));

        using (var nameOnly = await admin.SendJsonAsync(HttpMethod.Patch, "/v1/agents/a1", """{"displayName":"Ada L."}"""))
        {
            Assert.Equal(HttpStatusCode.OK, nameOnly.StatusCode);
        }

        agent = await admin.GetOkJsonAsync("/v1/agents/a1");
        Assert.Equal("Ada L.", agent.Text("displayName"));
        Assert.Equal("support", agent.Text("group"));

        using (var noGroup = await admin.SendJsonAsync(HttpMethod.Patch, "/v1/agents/a1", """{"group":""}"""))
        {
            Assert.Equal(HttpStatusCode.OK, noGroup.StatusCode);
        }

        agent = await admin.GetOkJsonAsync("/v1/agents/a1");
        Assert.Equal("Ada L.", agent.Text("displayName"));
        Assert.Null(agent.TextOrNull("group"));
    }

    [Fact]
    public async Task Delete_removes_the_agent_from_get_state_and_list()
    {
        var tenant = await factory.CreateTenantAsync();
        await tenant.CreateAgentAsync("a1");
        await tenant.CreateAgentAsync("a2");
        await tenant.SetStateAsync("a1", "Available");
        using var admin = tenant.Admin();

        using (var deleted = await admin.DeleteResponseAsync("/v1/agents/a1"))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        using (var get = await admin.GetResponseAsync("/v1/agents/a1"))
        {
            await Problem.AssertAsync(get, HttpStatusCode.NotFound);
        }

        using (var state = await admin.GetResponseAsync("/v1/agents/a1/state"))
        {
            await Problem.AssertAsync(state, HttpStatusCode.NotFound);
        }

        using (var again = await admin.DeleteResponseAsync("/v1/agents/a1"))
        {
            await Problem.AssertAsync(again, HttpStatusCode.NotFound);
        }

        Assert.Equal(["a2"], (await admin.GetOkJsonAsync("/v1/agents")).Items().Select(i => i!.Text("id")));
    }

    [Fact]
    public async Task Same_create_twice_is_201_then_200_and_a_different_profile_is_409()
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = tenant.Admin();
        const string body = """{"id":"a1","displayName":"Ada","group":"sales"}""";

        using (var first = await admin.SendJsonAsync(HttpMethod.Post, "/v1/agents", body))
        {
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        }

        using (var second = await admin.SendJsonAsync(HttpMethod.Post, "/v1/agents", body))
        {
            Assert.Equal(HttpStatusCode.OK, second.StatusCode);
            var agent = await second.ReadJsonAsync();
            Assert.Equal("a1", agent.Text("id"));
            Assert.Equal("Ada", agent.Text("displayName"));
        }

        using (var conflict = await admin.SendJsonAsync(HttpMethod.Post, "/v1/agents", """{"id":"a1","displayName":"Bob","group":"sales"}"""))
        {
            var problem = await Problem.AssertAsync(conflict, HttpStatusCode.Conflict);
            Assert.Contains("'a1'", Problem.Detail(problem), StringComparison.Ordinal);
        }

        var stored = await admin.GetOkJsonAsync("/v1/agents/a1");
        Assert.Equal("Ada", stored.Text("displayName"));
        Assert.Single((await admin.GetOkJsonAsync("/v1/agents")).Items());
    }

    [Fact]
    public async Task New_agent_starts_logged_out_at_version_zero()
    {
        var tenant = await factory.CreateTenantAsync();
        await tenant.CreateAgentAsync("a1");

        var state = await tenant.GetStateAsync("a1");

        Assert.Equal("LoggedOut", state.Text("state"));
        Assert.Equal(0, state.Number("version"));
        Assert.Null(state.TextOrNull("reasonCode"));
        using var admin = tenant.Admin();
        Assert.Empty((await admin.GetOkJsonAsync("/v1/agents/a1/state-history")).Items());
    }
}
