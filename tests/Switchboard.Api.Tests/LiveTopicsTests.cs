using System.Net;
using Switchboard.Api.Live;
using Switchboard.Api.Tests.Support;

namespace Switchboard.Api.Tests;

/// <summary>The directory, alerts and platform topics: who sees what, snapshot then events.</summary>
public sealed class LiveTopicsTests(SwitchboardApiFactory factory)
{
    [Fact]
    public async Task The_directory_shows_an_agent_its_own_group_and_a_supervisor_everyone()
    {
        var tenant = await factory.CreateTenantAsync();
        await tenant.CreateAgentAsync("a1", "Ada", "sales");
        await tenant.CreateAgentAsync("a2", "Grace", "sales");
        await tenant.CreateAgentAsync("a3", "Linus", "support");
        var (_, agentKey) = await tenant.IssueKeyAsync("agent", "a1");
        var (_, supervisorKey) = await tenant.IssueKeyAsync("supervisor");
        await using var agent = await LiveTestClient.ConnectAsync(factory, agentKey);
        await using var supervisor = await LiveTestClient.ConnectAsync(factory, supervisorKey);
        await agent.SubscribeAsync("directory");
        await supervisor.SubscribeAsync("directory");

        var own = await agent.NextOfTypeAsync("snapshot", "directory");
        Assert.Equal(["a1", "a2"], own["data"]!["agents"]!.AsArray().Select(a => a!.Text("agentId")).Order());
        Assert.All(own["data"]!["agents"]!.AsArray(), a => Assert.Equal("logged-out", a!.Text("icon")));
        var all = await supervisor.NextOfTypeAsync("snapshot", "directory");
        Assert.Equal(["a1", "a2", "a3"], all["data"]!["agents"]!.AsArray().Select(a => a!.Text("agentId")).Order());
        await agent.NextOfTypeAsync("subscribed");
        await supervisor.NextOfTypeAsync("subscribed");

        await tenant.SetStateAsync("a3", "Available"); // another group: the agent does not see it
        await tenant.SetStateAsync("a2", "Available");
        var changed = await agent.NextOfTypeAsync(LiveEventTypes.DirectoryAgentChanged, "directory");
        Assert.Equal(("a2", "available", "sales"), (changed["data"]!.Text("agentId"), changed["data"]!.Text("icon"), changed["data"]!.Text("group")));
        var seenBySupervisor = new[]
        {
            await supervisor.NextOfTypeAsync(LiveEventTypes.DirectoryAgentChanged, "directory"),
            await supervisor.NextOfTypeAsync(LiveEventTypes.DirectoryAgentChanged, "directory"),
        };
        Assert.Equal(["a2", "a3"], seenBySupervisor.Select(m => m["data"]!.Text("agentId")).Order());
        await agent.SendAsync("""{"op":"ping"}""");
        await agent.NextOfTypeAsync("pong");
        Assert.DoesNotContain(agent.Received, m => m["data"]?["agentId"]?.GetValue<string>() == "a3");

        // An agent moved to another group leaves this group's directory; supervisors see the new group.
        using (var moved = await tenant.Admin().SendJsonAsync(HttpMethod.Patch, "/v1/agents/a3", """{"group":"sales"}"""))
        {
            Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        }

        var joined = await agent.NextOfTypeAsync(LiveEventTypes.DirectoryAgentChanged, "directory");
        Assert.Equal(("a3", "sales"), (joined["data"]!.Text("agentId"), joined["data"]!.Text("group")));
        using (var movedBack = await tenant.Admin().SendJsonAsync(HttpMethod.Patch, "/v1/agents/a3", """{"group":"support"}"""))
        {
            Assert.Equal(HttpStatusCode.OK, movedBack.StatusCode);
        }

        Assert.Equal("a3", (await agent.NextOfTypeAsync(LiveEventTypes.DirectoryAgentRemoved, "directory"))["data"]!.Text("agentId"));

        // A deleted agent leaves the directory.
        using (var deleted = await tenant.Admin().DeleteResponseAsync("/v1/agents/a2"))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        Assert.Equal("a2", (await agent.NextOfTypeAsync(LiveEventTypes.DirectoryAgentRemoved, "directory"))["data"]!.Text("agentId"));
    }

    [Fact]
    public async Task A_new_name_right_after_a_snapshot_is_not_taken_for_a_change_already_seen()
    {
        var tenant = await factory.CreateTenantAsync();
        await tenant.CreateAgentAsync("a1", "Ada", "sales");
        await using var live = await LiveTestClient.ConnectAsync(factory, tenant.AdminKey);
        await live.SubscribeAsync("agent:a1", "directory");
        await live.NextOfTypeAsync("subscribed");

        // Same state version as the snapshots: only the profile changed.
        using (var renamed = await tenant.Admin().SendJsonAsync(HttpMethod.Patch, "/v1/agents/a1", """{"displayName":"Ada L."}"""))
        {
            Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        }

        var agent = await live.NextAsync(m => m.TextOrNull("type") == LiveEventTypes.AgentStateChanged && m["data"]!.Text("displayName") == "Ada L.", "the new name on agent:a1");
        Assert.Equal(0, agent["data"]!.Number("version"));
        await live.NextAsync(m => m.TextOrNull("type") == LiveEventTypes.DirectoryAgentChanged && m["data"]!.Text("displayName") == "Ada L.", "the new name in the directory");
    }

    [Fact]
    public async Task A_broadcast_reaches_its_audience_live_and_supervisors_see_it_go_out()
    {
        var tenant = await factory.CreateTenantAsync();
        await tenant.CreateAgentAsync("a1", "Ada", "sales");
        await tenant.CreateAgentAsync("a3", "Linus", "support");
        var (_, salesKey) = await tenant.IssueKeyAsync("agent", "a1");
        var (_, supportKey) = await tenant.IssueKeyAsync("agent", "a3");
        var (_, supervisorKey) = await tenant.IssueKeyAsync("supervisor");
        await using var sales = await LiveTestClient.ConnectAsync(factory, salesKey);
        await using var support = await LiveTestClient.ConnectAsync(factory, supportKey);
        await using var supervisor = await LiveTestClient.ConnectAsync(factory, supervisorKey);
        foreach (var live in new[] { sales, support, supervisor })
        {
            await live.SubscribeAsync("alerts");
            await live.NextOfTypeAsync("subscribed");
        }

        Assert.Empty(sales.Received.Single(m => m.TextOrNull("type") == "snapshot")["data"]!["alerts"]!.AsArray());

        using var client = factory.ClientWith(supervisorKey);
        using var sent = await client.SendJsonAsync(HttpMethod.Post, "/v1/broadcasts", """{"text":"Team meeting at 11","audience":{"group":"sales"}}""");
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        var id = (await sent.ReadJsonAsync()).Text("id");

        var received = await sales.NextOfTypeAsync(LiveEventTypes.AlertReceived, "alerts");
        Assert.Equal((id, "Team meeting at 11"), (received["data"]!.Text("id"), received["data"]!.Text("text")));
        Assert.Equal(id, (await supervisor.NextOfTypeAsync(LiveEventTypes.AlertReceived, "alerts"))["data"]!.Text("id"));
        await support.SendAsync("""{"op":"ping"}""");
        await support.NextOfTypeAsync("pong");
        Assert.DoesNotContain(support.Received, m => m.TextOrNull("type") == LiveEventTypes.AlertReceived);

        // A console that connects later finds it in its snapshot.
        await using var later = await LiveTestClient.ConnectAsync(factory, salesKey);
        await later.SubscribeAsync("alerts");
        var snapshot = await later.NextOfTypeAsync("snapshot", "alerts");
        Assert.Equal(id, Assert.Single(snapshot["data"]!["alerts"]!.AsArray())!.Text("id"));
    }

    [Fact]
    public async Task Platform_notices_go_out_live_and_are_in_the_snapshot_while_the_change_is_in_progress()
    {
        var tenant = await factory.CreateTenantAsync();
        await tenant.CreateAgentAsync("a1");
        var (_, agentKey) = await tenant.IssueKeyAsync("agent", "a1");
        await using var live = await LiveTestClient.ConnectAsync(factory, agentKey);
        await live.SubscribeAsync("platform");
        var empty = await live.NextOfTypeAsync("snapshot", "platform");
        Assert.Empty(empty["data"]!["notices"]!.AsArray());

        using var admin = tenant.Admin();
        using var created = await admin.SendJsonAsync(HttpMethod.Post, "/v1/platform-changes", """{"message":"New platform tonight at 20:00"}""");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var notice = await live.NextOfTypeAsync(LiveEventTypes.PlatformNotice, "platform");
        Assert.Equal(("New platform tonight at 20:00", false), (notice["data"]!.Text("message"), notice["data"]!["final"]!.GetValue<bool>()));

        await using var later = await LiveTestClient.ConnectAsync(factory, agentKey);
        await later.SubscribeAsync("platform");
        var snapshot = await later.NextOfTypeAsync("snapshot", "platform");
        Assert.Equal("New platform tonight at 20:00", Assert.Single(snapshot["data"]!["notices"]!.AsArray())!.Text("message"));
    }
}
