using Switchboard.Domain.Interactions;
using Switchboard.Domain.Queues;
using static Switchboard.Domain.Tests.Interactions.InteractionScenario;

namespace Switchboard.Domain.Tests.Interactions;

/// <summary>Merge lines: the party of the agent's other call joins this one in conference, and the other call ends without hanging that party up.</summary>
public sealed class MergeLinesTests
{
    private static readonly MergeLines FromOther = new("a1", "o1", "L2", "+390611111111");

    [Fact]
    public void The_other_calls_party_joins_as_a_live_conferenced_leg_and_a_held_call_is_connected_again()
    {
        var call = Connected();
        call.Applied(new HoldCall("a1"));

        call.Applied(FromOther);

        var joined = call.Leg("L3");
        Assert.Equal((1, PartyKind.External, "+390611111111", LegState.Connected), (joined.Line, joined.Party, joined.Address, joined.State));
        Assert.Equal(new LegOrigin("o1", "L2"), joined.MovedFrom);
        Assert.Equal(InteractionState.Connected, call.State);
        Assert.True(call.Record.Conference);
        Assert.Equal(LegState.Connected, call.Leg("L1").State);
        Assert.DoesNotContain(call.Effects, e => e is DialLeg); // already live: moved, not dialled
        Assert.Equal(["L1", "L2", "L3"], Assert.Single(call.Effects.OfType<BridgeLegs>()).LegIds);
        Assert.Equal("lines-merged", call.EventTypes.Last());
    }

    [Fact]
    public void The_call_that_goes_ends_hanging_up_only_its_agent_and_owes_its_wrap_up()
    {
        var other = Outbound("a1");
        other.Applied(new LegEvent("L1", LegEventKind.Answered));
        other.Applied(new LegEvent("L2", LegEventKind.Answered));

        other.Applied(new HandOverLine("a1", "i1"));

        Assert.True(other.Record.IsOver, other.State.ToString()); // an outbound call owes no codes: its wrap-up settles at once
        Assert.Equal(LegState.Ended, other.Leg("L2").State);
        Assert.Equal([new HangUpLeg("L1")], other.Effects.OfType<HangUpLeg>());
        Assert.Contains(new EndAgentWork("a1"), other.Effects);
        Assert.Single(other.Record.WrapUps, w => w.AgentId == "a1");
        Assert.Equal(["merged-into", "ended"], other.EventTypes.SkipWhile(e => e != "merged-into").Take(2));
    }

    [Fact]
    public void The_merged_party_hanging_up_later_leaves_the_call_going_on()
    {
        var call = Connected();
        call.Applied(FromOther);

        call.Applied(new LegEvent("L3", LegEventKind.Ended));

        Assert.Equal(InteractionState.Connected, call.State);
        Assert.False(call.Record.Conference);
        Assert.Equal(["L1", "L2"], Assert.Single(call.Effects.OfType<BridgeLegs>()).LegIds);
    }

    [Fact]
    public void Only_the_handler_merges_and_never_during_a_consult_or_with_itself()
    {
        var call = Connected();
        call.Refused(FromOther with { AgentId = "a2" }, DecisionKind.NotParticipant);
        call.Refused(FromOther with { FromInteractionId = "i1" }, DecisionKind.Invalid, "itself");

        call.Applied(new StartConsult("a1", new TransferTarget(TargetKind.External, "+390633333333")));
        call.Refused(FromOther, DecisionKind.NotAllowed, "consult");
        call.Refused(new HandOverLine("a1", "o1"), DecisionKind.NotAllowed, "consult");
    }

    [Fact]
    public void A_conference_takes_another_party_but_does_not_hand_its_own_over()
    {
        var call = Connected();
        call.Applied(FromOther);

        call.Refused(new HandOverLine("a1", "o2"), DecisionKind.NotAllowed, "conference");
        call.Applied(FromOther with { FromInteractionId = "o2", Address = "+390622222222" });
        Assert.Equal(4, call.Record.Legs.Count(l => l.IsActive));
    }

    [Fact]
    public void A_call_still_ringing_or_a_chat_cannot_be_merged()
    {
        var dialing = Outbound("a1");
        dialing.Refused(new HandOverLine("a1", "i1"), DecisionKind.NotAllowed, "Dialing");

        var created = InteractionMachine.Create(
            new NewInteraction("c1", MediaType.Chat, InteractionDirection.Inbound, "support", null, "maria@example.com", null, 5, "api"), T0);
        var merged = InteractionMachine.Decide(created.Record, FromOther, T0);
        Assert.Equal(DecisionKind.NotAllowed, merged.Kind);
        Assert.Contains("calls only", merged.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Holding_tells_the_agent_its_line_is_free_and_resuming_does_not()
    {
        var call = Connected();

        call.Applied(new HoldCall("a1"));
        Assert.Contains(new HoldAgentLine("a1"), call.Effects);
        call.Applied(new ResumeCall("a1"));
        Assert.DoesNotContain(call.Effects, e => e is HoldAgentLine);
    }
}
