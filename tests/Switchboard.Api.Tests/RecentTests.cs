using System.Net;
using System.Text.Json.Nodes;
using Switchboard.Api.Tests.Support;

namespace Switchboard.Api.Tests;

/// <summary><c>/v1/agents/{agentId}/recents</c>: recorded by real transfers and consults, newest first, each once.</summary>
public sealed class RecentTests(SwitchboardApiFactory factory)
{
    [Fact]
    public async Task A_consult_to_an_agent_and_a_transfer_to_a_queue_show_in_the_recents_of_both_agents()
    {
        var center = await factory.CallCenterWithAgentKeysAsync();
        using var a1 = factory.ClientWith(center.Keys["a1"]);
        using var a2 = factory.ClientWith(center.Keys["a2"]);
        var id = await ConnectedCallAsync(center);
        Assert.Empty((await a1.GetOkJsonAsync("/v1/agents/a1/recents"))["agents"]!.AsArray());

        await a1.ActOkAsync(id, "consult", """{"target":{"type":"agent","id":"a2"}}""");
        await a1.ActOkAsync(id, "consult/cancel");
        await a1.ActOkAsync(id, "transfer", """{"target":{"type":"queue","id":"empty"}}""");

        var mine = await a1.WaitForJsonAsync("/v1/agents/a1/recents", r => r["queues"]!.AsArray().Count == 1 && r["agents"]!.AsArray().Count == 1, "a queue and an agent");
        var queue = mine["queues"]![0]!;
        Assert.Equal("empty", queue.Text("id"));
        Assert.Equal(factory.Clock.GetUtcNow(), queue.Time("at"));
        Assert.Equal(1, queue["queue"]!["stats"]!.Number("waiting"));
        var agent = mine["agents"]![0]!;
        Assert.Equal("a2", agent.Text("id"));
        Assert.Equal(("Available", "available"), (agent["agent"]!.Text("state"), agent["agent"]!.Text("icon")));

        // The other end records the first agent; a queue transfer is nobody's agent.
        var theirs = await a2.WaitForJsonAsync("/v1/agents/a2/recents", r => r["agents"]!.AsArray().Count == 1, "a1");
        Assert.Equal(["a1"], theirs["agents"]!.AsArray().Ids("id"));
        Assert.Empty(theirs["queues"]!.AsArray());
    }

    [Fact]
    public async Task An_agent_seen_again_moves_to_the_front_and_is_listed_once()
    {
        var center = await factory.CallCenterWithAgentKeysAsync();
        using var a1 = factory.ClientWith(center.Keys["a1"]);
        var id = await ConnectedCallAsync(center);

        foreach (var target in new[] { "a2", "a3", "a2" })
        {
            await a1.ActOkAsync(id, "consult", $$$"""{"target":{"type":"agent","id":"{{{target}}}"}}""");
            await a1.ActOkAsync(id, "consult/cancel");
            await a1.WaitForJsonAsync("/v1/agents/a1/recents", r => Agents(r).FirstOrDefault() == target, target + " first");
        }

        // A blind transfer to an agent counts too.
        await a1.ActOkAsync(id, "transfer", """{"target":{"type":"agent","id":"a3"}}""");

        var recents = await a1.WaitForJsonAsync("/v1/agents/a1/recents", r => Agents(r).FirstOrDefault() == "a3", "a3 first");
        Assert.Equal(["a3", "a2"], Agents(recents));
        using var a3 = factory.ClientWith(center.Keys["a3"]);
        Assert.Equal(["a1"], Agents(await a3.GetOkJsonAsync("/v1/agents/a3/recents")));
    }

    [Fact]
    public async Task Agent_keys_read_only_their_own_recents_other_keys_any()
    {
        var center = await factory.CallCenterWithAgentKeysAsync();
        using var a2 = factory.ClientWith(center.Keys["a2"]);
        using (var other = await a2.GetResponseAsync("/v1/agents/a1/recents"))
        {
            await Problem.AssertAsync(other, HttpStatusCode.Forbidden);
        }

        foreach (var role in new[] { "admin", "supervisor", "integration" })
        {
            using var client = factory.ClientWith((await center.Tenant.IssueKeyAsync(role)).Key);
            var recents = await client.GetOkJsonAsync("/v1/agents/a1/recents");
            Assert.Empty(recents["queues"]!.AsArray());
            Assert.Empty(recents["agents"]!.AsArray());
        }

        using var admin = center.Tenant.Admin();
        using (var unknown = await admin.GetResponseAsync("/v1/agents/ghost/recents"))
        {
            await Problem.AssertAsync(unknown, HttpStatusCode.NotFound);
        }

        using var bad = await admin.GetResponseAsync("/v1/agents/bad%20id/recents");
        await Problem.AssertAsync(bad, HttpStatusCode.BadRequest);
    }

    /// <summary>A call in support offered to and accepted by a1.</summary>
    private static async Task<string> ConnectedCallAsync(CallCenter center)
    {
        using var admin = center.Tenant.Admin();
        var id = (await admin.CreateInteractionAsync(InteractionTestExtensions.Inbound("support"))).Text("id");
        await admin.WaitForOfferAsync(id, "a1");
        await admin.ActAsAsync("a1", id, "accept");
        return id;
    }

    private static List<string> Agents(JsonNode recents) => recents["agents"]!.AsArray().Ids("id");
}
