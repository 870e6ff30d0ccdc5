using Switchboard.Contracts.Interactions;
using Switchboard.Domain.Agents;
using Switchboard.Domain.Interactions;
using Switchboard.Domain.Queues;
using Switchboard.Domain.Routing;

namespace Switchboard.Grains.Tests;

/// <summary>Every offer a queue makes says why that agent, from what the router knows of its members.</summary>
[Collection(ClusterCollection.Name)]
public sealed class OfferExplanationTests(ClusterFixture fixture)
{
    private readonly IClusterClient client = fixture.Client;

    [Fact]
    public async Task A_routed_call_tells_the_strategy_the_agents_facts_and_why_each_other_member_was_passed_over()
    {
        var tenant = TestIds.Tenant();
        await client.AvailableAgent(tenant, "a1");
        fixture.Time.Advance(TimeSpan.FromSeconds(30));
        await client.AvailableAgent(tenant, "a2");
        await (await client.CreateAgent(tenant, "a3")).SetState(AgentState.Break);
        await client.CreateAgent(tenant, "a4");
        await (await client.CreateAgent(tenant, "a5")).SetState(AgentState.Offline);

        // The queue comes after its members' states: it learns why each cannot take work when it first asks them.
        await client.CreateQueue(tenant, "support", RoutingTestHelpers.Queue(), ("a1", 6), ("a2", 8), ("a3", 5), ("a4", 5), ("a5", 5));
        fixture.Time.Advance(TimeSpan.FromSeconds(12));
        var call = await client.InboundCall(tenant, "i1", "support");
        var offered = await call.OfferedTo("a1");

        var routing = offered.Offer!.Routing!;
        Assert.Equal(new RoutingExplanationView(RoutingStrategy.LongestIdle, 2, 42, 6, 0, null, false, routing.Skipped, 0), routing);
        Assert.Equal([new("a3", SkipReason.Break), new("a4", SkipReason.LoggedOut), new("a5", SkipReason.Offline)], routing.Skipped);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["agent"] = "a1", ["queue"] = "support", ["strategy"] = "longest-idle", ["eligible"] = "2", ["idleSeconds"] = "42", ["skillLevel"] = "6",
                ["load"] = "0", ["skipped"] = "a3:break,a4:logged-out,a5:offline",
            },
            offered.Timeline.Single(e => e.Type == "offered").Details);

        // Kept with the offer in the interaction's stored record.
        await fixture.DeactivateAllAsync(call);
        var stored = (await call.Get())!.Offer!.Routing!;
        Assert.Equal(routing with { Skipped = [] }, stored with { Skipped = [] });
        Assert.Equal(routing.Skipped, stored.Skipped);
    }

    [Fact]
    public async Task Round_robin_tells_the_agents_place_and_a_member_holding_an_offer_is_passed_over_for_it()
    {
        var tenant = TestIds.Tenant();
        foreach (var id in new[] { "a1", "a2", "a3" })
        {
            await client.AvailableAgent(tenant, id);
        }

        await (await client.CreateAgent(tenant, "a0")).SetState(AgentState.Break);
        await client.CreateQueue(tenant, "support", RoutingTestHelpers.Queue(RoutingStrategy.RoundRobin), ("a0", 5), ("a1", 5), ("a2", 7), ("a3", 5));

        var first = await (await client.InboundCall(tenant, "i1", "support")).OfferedTo("a1");
        var second = await (await client.InboundCall(tenant, "i2", "support")).OfferedTo("a2");

        // a0, a1, a2, a3 in turn: a0 is on a break, and a1 holds the first call's offer when the second is routed.
        var before = first.Offer!.Routing!;
        Assert.Equal((3, (int?)2, 5), (before.Eligible, before.Position, before.SkillLevel));
        Assert.Equal([new SkippedMemberView("a0", SkipReason.Break)], before.Skipped);
        var routing = second.Offer!.Routing!;
        Assert.Equal((RoutingStrategy.RoundRobin, 2, (int?)3, 7), (routing.Strategy, routing.Eligible, routing.Position, routing.SkillLevel));
        Assert.Equal([new("a0", SkipReason.Break), new("a1", SkipReason.HasOffer)], routing.Skipped);
        var details = second.Timeline.Single(e => e.Type == "offered").Details;
        Assert.Equal(("round-robin", "3", "a0:break,a1:has-offer"), (details["strategy"], details["position"], details["skipped"]));
    }

    [Fact]
    public async Task A_direct_call_has_no_explanation()
    {
        var tenant = TestIds.Tenant();
        await client.AvailableAgent(tenant, "a1");

        var created = await client.Interaction(tenant, "d1").Create(new CreateInteraction(MediaType.Voice, InteractionDirection.Inbound, null, "a1", "+390212345678", null, 5, "test"));

        Assert.Null(created.Interaction!.Offer!.Routing);
        Assert.Equal(["agent"], created.Interaction.Timeline.Single(e => e.Type == "offered").Details.Keys);
    }
}
