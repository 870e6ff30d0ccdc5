using Switchboard.Domain.Interactions;
using static Switchboard.Domain.Tests.Interactions.InteractionScenario;

namespace Switchboard.Domain.Tests.Interactions;

public sealed class CallControlAndWrapUpTests
{
    [Fact]
    public void Hold_and_resume_move_the_customer_leg_and_only_the_handler_may()
    {
        var call = Connected();
        call.Refused(new HoldCall("a9"), DecisionKind.NotParticipant);
        call.Refused(new ResumeCall("a1"), DecisionKind.NotAllowed);

        call.Applied(new HoldCall("a1"));
        Assert.Equal(InteractionState.OnHold, call.State);
        Assert.Equal(LegState.OnHold, call.Leg("L1").State);
        call.Refused(new HoldCall("a1"), DecisionKind.NotAllowed);

        call.Applied(new ResumeCall("a1"));
        Assert.Equal(InteractionState.Connected, call.State);
        Assert.Equal(LegState.Connected, call.Leg("L1").State);
        Assert.Equal(["created", "queued", "offered", "accepted", "held", "resumed"], call.EventTypes);
    }

    [Fact]
    public void Ending_hangs_up_every_leg_and_sends_the_agent_to_a_required_wrap_up()
    {
        var call = Connected();
        call.Advance(TimeSpan.FromSeconds(90));

        call.Applied(new EndCall("a1"));

        Assert.Equal(InteractionState.Ended, call.State);
        Assert.Equal([new HangUpLeg("L2"), new HangUpLeg("L1"), new EndAgentWork("a1")], call.Effects);
        Assert.All(call.Record.Legs, leg => Assert.Equal(LegState.Ended, leg.State));
        var wrapUp = Assert.Single(call.Record.WrapUps);
        Assert.True(wrapUp.IsOpen);
        Assert.True(wrapUp.CodeRequired);
        Assert.Equal(call.Now + SupportPolicy.MaxWrapUp, wrapUp.Deadline);
        Assert.Equal(wrapUp.Deadline, call.Record.NextDeadline);
        Assert.Empty(call.Record.Participants);
        call.Refused(new HoldCall("a1"), DecisionKind.NotAllowed, "Ended");
        call.Refused(new EndCall("a1"), DecisionKind.NotAllowed);
    }

    [Fact]
    public void Wrap_up_needs_a_code_of_the_queue_when_required_then_completes_the_interaction()
    {
        var call = Connected();
        call.Applied(new EndCall("a1"));

        call.Refused(new SaveWrapUp("a1", [], "called back later"), DecisionKind.Invalid, "requires a transaction code");
        call.Refused(new SaveWrapUp("a1", ["refund"], null), DecisionKind.Invalid, "refund");
        call.Refused(new SaveWrapUp("a9", ["sale"], null), DecisionKind.NotParticipant);

        call.Applied(new SaveWrapUp("a1", ["sale", "sale"], "upsell"));

        Assert.Equal(InteractionState.WrappedUp, call.State);
        Assert.Equal([new CompleteAgentWrapUp("a1")], call.Effects);
        Assert.Equal(["sale"], call.Record.TransactionCodes);
        Assert.Equal("upsell", call.Record.WrapUps[0].Notes);
        Assert.Null(call.Record.NextDeadline);
        call.Refused(new SaveWrapUp("a1", ["no-sale"], null), DecisionKind.NotAllowed, "already completed");
    }

    [Fact]
    public void Wrap_up_before_the_call_ends_is_not_allowed()
    {
        var call = Connected();
        call.Refused(new SaveWrapUp("a1", ["sale"], null), DecisionKind.NotAllowed, "Wrap-up starts");
    }

    [Fact]
    public void The_wrap_up_limit_ends_a_wrap_up_without_codes()
    {
        var call = Connected();
        call.Applied(new EndCall("a1"));
        call.Advance(TimeSpan.FromSeconds(119));
        Assert.Equal(DecisionKind.Unchanged, call.Tick().Kind);

        call.Advance(TimeSpan.FromSeconds(1));
        call.Tick();

        Assert.Equal(InteractionState.WrappedUp, call.State);
        Assert.Equal([new CompleteAgentWrapUp("a1")], call.Effects);
        Assert.True(call.Record.WrapUps[0].TimedOut);
        Assert.Equal(["wrap-up-timed-out", "wrapped-up"], call.EventTypes.TakeLast(2));
    }

    [Fact]
    public void Without_required_codes_wrap_up_completes_at_once_and_optional_codes_may_follow_once()
    {
        var call = Connected(policy: SupportPolicy with { CodeRequired = false });

        call.Applied(new EndCall("a1"));

        Assert.Equal(InteractionState.WrappedUp, call.State);
        Assert.Equal([new HangUpLeg("L2"), new HangUpLeg("L1"), new EndAgentWork("a1"), new CompleteAgentWrapUp("a1")], call.Effects);
        call.Applied(new SaveWrapUp("a1", ["no-sale"], null));
        Assert.Empty(call.Effects);
        Assert.Equal(["no-sale"], call.Record.TransactionCodes);
        call.Refused(new SaveWrapUp("a1", ["sale"], null), DecisionKind.NotAllowed);
    }

    [Fact]
    public void The_customer_hanging_up_ends_the_call_like_the_agent_would()
    {
        var call = Connected();

        call.Applied(new LegEvent("L1", LegEventKind.Ended));

        Assert.Equal(InteractionState.Ended, call.State);
        Assert.Equal([new HangUpLeg("L2"), new EndAgentWork("a1")], call.Effects);
    }

    [Fact]
    public void An_outbound_call_rings_the_agent_first_then_the_callee()
    {
        var call = Outbound("a1");
        Assert.Equal(InteractionState.Dialing, call.State);
        Assert.Equal([new StartAgentWork("a1"), new DialLeg("L1", PartyKind.Agent, "a1")], call.Effects);
        Assert.Equal("a1", call.Record.Handler);

        call.Applied(new LegEvent("L1", LegEventKind.Answered));
        Assert.Equal([new DialLeg("L2", PartyKind.Customer, "+390611111111")], call.Effects);
        Assert.Equal(InteractionState.Dialing, call.State);

        call.Applied(new LegEvent("L2", LegEventKind.Answered));
        Assert.Equal(InteractionState.Connected, call.State);
        Assert.All(call.Record.Legs, leg => Assert.Equal(LegState.Connected, leg.State));

        call.Applied(new EndCall("a1"));
        Assert.Equal(InteractionState.WrappedUp, call.State); // no queue: nothing to code
    }

    [Fact]
    public void An_outbound_call_the_callee_does_not_answer_fails_and_frees_the_agent()
    {
        var call = Outbound("a1");
        call.Applied(new LegEvent("L1", LegEventKind.Answered));

        call.Applied(new LegEvent("L2", LegEventKind.Failed));

        Assert.Equal(InteractionState.Failed, call.State);
        Assert.Equal([new HangUpLeg("L1"), new EndAgentWork("a1"), new CompleteAgentWrapUp("a1")], call.Effects);
        Assert.Equal(LegState.Failed, call.Leg("L2").State);
    }
}
