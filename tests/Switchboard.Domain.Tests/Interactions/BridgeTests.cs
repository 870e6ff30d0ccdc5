using Switchboard.Domain.Interactions;
using Switchboard.Domain.Queues;
using static Switchboard.Domain.Tests.Interactions.InteractionScenario;

namespace Switchboard.Domain.Tests.Interactions;

/// <summary>Who hears whom: a bridge of exactly the connected legs is asked each time that set changes, and only then.</summary>
public sealed class BridgeTests
{
    [Fact]
    public void A_lone_caller_waiting_in_a_queue_is_not_bridged_and_accepting_bridges_it_with_the_agent()
    {
        var call = Inbound();
        Assert.DoesNotContain(call.Effects, e => e is BridgeLegs);
        call.Applied(new OfferToAgent("a1", "support", SupportPolicy));
        Assert.DoesNotContain(call.Effects, e => e is BridgeLegs);

        call.Applied(new AcceptOffer("a1"));

        Assert.Equal(new BridgeLegs(["L1", "L2"], call.Record.Timeline.Count), Assert.Single(call.Effects.OfType<BridgeLegs>()));
    }

    [Fact]
    public void Hold_leaves_the_agent_alone_and_each_resume_is_a_bridge_of_its_own()
    {
        var call = Connected();

        call.Applied(new HoldCall("a1"));
        var held = Assert.Single(call.Effects.OfType<BridgeLegs>());
        Assert.Equal(["L2"], held.LegIds);
        call.Applied(new ResumeCall("a1"));
        var resumed = Assert.Single(call.Effects.OfType<BridgeLegs>());
        call.Applied(new HoldCall("a1"));
        call.Applied(new ResumeCall("a1"));
        var resumedAgain = Assert.Single(call.Effects.OfType<BridgeLegs>());

        Assert.Equal(["L1", "L2"], resumed.LegIds);
        Assert.Equal(resumed.LegIds, resumedAgain.LegIds);
        Assert.NotEqual(resumed, resumedAgain); // same legs, later command: a gateway must not take it for a repeat
        Assert.True(resumedAgain.Sequence > resumed.Sequence);
    }

    [Fact]
    public void A_dialled_party_answering_is_bridged_to_the_customer()
    {
        var call = Connected();
        call.Applied(new Transfer("a1", new TransferTarget(TargetKind.External, "+390633333333")));
        Assert.Equal(["L1"], Assert.Single(call.Effects.OfType<BridgeLegs>()).LegIds);

        call.Applied(new LegEvent("L3", LegEventKind.Answered));

        Assert.Equal(["L1", "L3"], Assert.Single(call.Effects.OfType<BridgeLegs>()).LegIds);
    }

    [Fact]
    public void Ending_the_call_only_hangs_up()
    {
        var call = Connected();

        call.Applied(new EndCall("a1"));

        Assert.DoesNotContain(call.Effects, e => e is BridgeLegs);
    }

    [Fact]
    public void Chats_have_no_legs_to_bridge()
    {
        var created = InteractionMachine.Create(
            new NewInteraction("c1", MediaType.Chat, InteractionDirection.Inbound, "support", null, "maria@example.com", null, 5, "api"), T0);
        var offered = InteractionMachine.Decide(created.Record, new OfferToAgent("a1", "support", SupportPolicy), T0);

        var accepted = InteractionMachine.Decide(offered.Record, new AcceptOffer("a1"), T0);

        Assert.True(accepted.Applied);
        Assert.DoesNotContain(accepted.Effects, e => e is BridgeLegs);
    }

    [Fact]
    public void A_bridge_is_equal_by_its_legs_and_sequence()
    {
        Assert.Equal(new BridgeLegs(["L1", "L2"], 4), new BridgeLegs(new List<string> { "L1", "L2" }, 4));
        Assert.Equal(new BridgeLegs(["L1", "L2"], 4).GetHashCode(), new BridgeLegs(new List<string> { "L1", "L2" }, 4).GetHashCode());
        Assert.NotEqual(new BridgeLegs(["L1", "L2"], 4), new BridgeLegs(["L1", "L3"], 4));
    }
}
