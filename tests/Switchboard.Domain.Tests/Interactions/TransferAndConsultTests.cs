using Switchboard.Domain.Interactions;
using static Switchboard.Domain.Tests.Interactions.InteractionScenario;

namespace Switchboard.Domain.Tests.Interactions;

public sealed class TransferAndConsultTests
{
    private static readonly TransferTarget AgentB = new(TargetKind.Agent, "b1");

    [Fact]
    public void A_blind_transfer_to_an_agent_sends_the_first_agent_to_wrap_up_and_offers_the_call_directly()
    {
        var call = Connected();
        call.Applied(new HoldCall("a1"));

        call.Applied(new Transfer("a1", AgentB));

        Assert.Equal(InteractionState.Offered, call.State);
        Assert.Equal(new InteractionOffer("b1", null, OfferPurpose.Main, call.Now, call.Now + SupportPolicy.OfferTimeout), call.Record.Offer);
        Assert.Equal([new HangUpLeg("L2"), new EndAgentWork("a1")], call.Effects);
        Assert.Null(call.Record.Handler);
        Assert.Equal(LegState.Connected, call.Leg("L1").State);

        call.Applied(new AcceptOffer("b1"));
        Assert.Equal("b1", call.Record.Handler);
        Assert.Equal(["a1", "b1"], call.Record.HandledBy);
        Assert.Equal(new CallLeg("L3", 1, PartyKind.Agent, "b1", LegState.Connected, call.Now), call.Leg("L3"));

        // Both handled it: both owe the queue's codes.
        call.Applied(new EndCall("b1"));
        Assert.Equal(InteractionState.Ended, call.State);
        call.Applied(new SaveWrapUp("b1", ["sale"], null));
        Assert.Equal(InteractionState.Ended, call.State);
        call.Applied(new SaveWrapUp("a1", ["no-sale"], null));
        Assert.Equal(InteractionState.WrappedUp, call.State);
        Assert.Equal(["no-sale", "sale"], call.Record.TransactionCodes); // in the order the agents left the call
    }

    [Fact]
    public void A_transferred_call_nobody_answers_goes_back_to_its_queue()
    {
        var call = Connected();
        call.Applied(new Transfer("a1", AgentB));
        call.Advance(SupportPolicy.OfferTimeout);

        call.Tick();

        Assert.Equal(InteractionState.Queued, call.State);
        Assert.Equal([new MarkNoAnswer("b1"), new EnqueueWork("support", 5, T0, Requeue: true)], call.Effects);
    }

    [Fact]
    public void A_blind_transfer_to_a_queue_waits_there_as_new_arrival()
    {
        var call = Connected();
        call.Advance(TimeSpan.FromSeconds(20));

        call.Applied(new Transfer("a1", new TransferTarget(TargetKind.Queue, "billing")));

        Assert.Equal(InteractionState.Queued, call.State);
        Assert.Equal("billing", call.Record.QueueId);
        Assert.Equal([new HangUpLeg("L2"), new EndAgentWork("a1"), new EnqueueWork("billing", 5, call.Now), new BridgeLegs(["L1"], 6)], call.Effects); // the customer waits alone
    }

    [Fact]
    public void A_blind_transfer_to_a_number_bridges_the_customer_to_it_without_an_agent()
    {
        var call = Connected();

        call.Applied(new Transfer("a1", new TransferTarget(TargetKind.External, "+390633333333")));

        Assert.Equal(InteractionState.Connected, call.State);
        Assert.Null(call.Record.Handler);
        Assert.Equal([new HangUpLeg("L2"), new EndAgentWork("a1"), new DialLeg("L3", PartyKind.External, "+390633333333"), new BridgeLegs(["L1"], 6)], call.Effects);
        call.Applied(new LegEvent("L3", LegEventKind.Answered));
        call.Applied(new LegEvent("L3", LegEventKind.Ended));
        Assert.Equal(InteractionState.Ended, call.State); // a1 still owes its code
        Assert.Equal([new HangUpLeg("L1")], call.Effects);
    }

    [Fact]
    public void A_failed_transfer_to_a_number_fails_the_call()
    {
        var call = Connected();
        call.Applied(new Transfer("a1", new TransferTarget(TargetKind.External, "+390633333333")));

        call.Applied(new LegEvent("L3", LegEventKind.Failed));

        Assert.Equal(InteractionState.Failed, call.State);
    }

    [Fact]
    public void Transfers_need_the_handler_and_a_plain_call()
    {
        var call = Connected();
        call.Refused(new Transfer("a1", new TransferTarget(TargetKind.Agent, "a1")), DecisionKind.Invalid);
        call.Refused(new Transfer("b1", AgentB), DecisionKind.NotParticipant);
        call.Applied(new StartConsult("a1", AgentB));
        call.Refused(new Transfer("a1", new TransferTarget(TargetKind.Queue, "billing")), DecisionKind.NotAllowed, "consult");
        call.Refused(new StartConsult("a1", new TransferTarget(TargetKind.Queue, "billing")), DecisionKind.NotAllowed, "consult");
    }

    [Fact]
    public void Consult_then_complete_hands_the_customer_to_the_consulted_agent()
    {
        var call = Connected();

        call.Applied(new StartConsult("a1", AgentB));
        Assert.Equal(InteractionState.OnHold, call.State);
        Assert.Equal(LegState.OnHold, call.Leg("L1").State);
        Assert.Equal(new CallLeg("L3", 2, PartyKind.Agent, "b1", LegState.Ringing, call.Now), call.Leg("L3"));
        Assert.Equal(OfferPurpose.Consult, call.Record.Offer!.Purpose);
        call.Refused(new CompleteConsult("a1"), DecisionKind.NotAllowed, "not answered yet");
        call.Refused(new ResumeCall("a1"), DecisionKind.NotAllowed, "consult");

        call.Applied(new AcceptOffer("b1"));
        Assert.Equal([new StartAgentWork("b1"), new BridgeLegs(["L2", "L3"], 7)], call.Effects); // the customer waits on hold
        Assert.Equal(["a1", "b1"], call.Record.Participants);
        Assert.Equal(InteractionState.OnHold, call.State);

        call.Applied(new CompleteConsult("a1"));
        Assert.Equal(InteractionState.Connected, call.State);
        Assert.Equal("b1", call.Record.Handler);
        Assert.Equal(["b1"], call.Record.Participants);
        Assert.Equal([new HangUpLeg("L2"), new EndAgentWork("a1"), new BridgeLegs(["L1", "L3"], 8)], call.Effects);
        Assert.Equal(1, call.Leg("L3").Line);
        Assert.Equal(LegState.Connected, call.Leg("L1").State);
        Assert.Null(call.Record.Consult);
    }

    [Fact]
    public void Consult_then_cancel_returns_to_line_1_and_frees_the_consulted_agent()
    {
        var call = Connected();
        call.Applied(new StartConsult("a1", AgentB));
        call.Applied(new AcceptOffer("b1"));

        call.Applied(new CancelConsult("a1"));

        Assert.Equal(InteractionState.Connected, call.State);
        Assert.Equal("a1", call.Record.Handler);
        Assert.Equal(["a1"], call.Record.Participants);
        Assert.Equal([new HangUpLeg("L3"), new EndAgentWork("b1"), new CompleteAgentWrapUp("b1"), new BridgeLegs(["L1", "L2"], 8)], call.Effects);
        Assert.Equal(LegState.Connected, call.Leg("L1").State);
        call.Refused(new CancelConsult("a1"), DecisionKind.NotAllowed, "no consult");
    }

    [Fact]
    public void Cancelling_a_consult_nobody_answered_yet_withdraws_the_offer()
    {
        var call = Connected();
        call.Applied(new StartConsult("a1", AgentB));

        call.Applied(new CancelConsult("a1"));

        Assert.Equal([new ReleaseOffer("b1"), new HangUpLeg("L3"), new BridgeLegs(["L1", "L2"], 7)], call.Effects);
        Assert.Null(call.Record.Offer);
    }

    [Fact]
    public void An_unanswered_consult_fails_and_leaves_the_customer_on_hold_for_the_handler()
    {
        var call = Connected();
        call.Applied(new StartConsult("a1", AgentB));
        call.Advance(SupportPolicy.OfferTimeout);

        call.Tick();

        Assert.Equal(InteractionState.OnHold, call.State);
        Assert.Null(call.Record.Consult);
        Assert.Equal(LegState.Failed, call.Leg("L3").State);
        Assert.Equal([new MarkNoAnswer("b1")], call.Effects);
        call.Applied(new ResumeCall("a1"));
    }

    [Fact]
    public void A_conference_merges_the_lines_and_goes_on_when_one_agent_leaves()
    {
        var call = Connected();
        call.Applied(new StartConsult("a1", AgentB));
        call.Applied(new AcceptOffer("b1"));

        call.Applied(new StartConference("a1"));
        Assert.True(call.Record.Conference);
        Assert.Equal(InteractionState.Connected, call.State);
        Assert.All(call.Record.Legs, leg => Assert.Equal(LegState.Connected, leg.State));
        call.Refused(new Transfer("a1", new TransferTarget(TargetKind.Queue, "billing")), DecisionKind.NotAllowed, "conference");

        call.Applied(new EndCall("a1"));
        Assert.Equal(InteractionState.Connected, call.State);
        Assert.Equal("b1", call.Record.Handler);
        Assert.False(call.Record.Conference);
        Assert.Equal([new HangUpLeg("L2"), new EndAgentWork("a1"), new BridgeLegs(["L1", "L3"], 9)], call.Effects);

        call.Applied(new EndCall("b1"));
        Assert.Equal(InteractionState.Ended, call.State);
        Assert.Equal(2, call.Record.WrapUps.Count(w => w.IsOpen));
    }

    [Fact]
    public void A_consult_through_a_queue_is_offered_by_routing_and_joins_line_2()
    {
        var call = Connected();
        call.Applied(new StartConsult("a1", new TransferTarget(TargetKind.Queue, "billing")));
        Assert.Equal([new EnqueueWork("billing", 5, call.Now), new BridgeLegs(["L2"], 5)], call.Effects);

        call.Applied(new OfferToAgent("c1", "billing", SupportPolicy));
        Assert.Equal(new InteractionOffer("c1", "billing", OfferPurpose.Consult, call.Now, call.Now + SupportPolicy.OfferTimeout), call.Record.Offer);
        call.Applied(new AcceptOffer("c1"));

        Assert.Equal(new CallLeg("L3", 2, PartyKind.Agent, "c1", LegState.Connected, call.Now), call.Leg("L3"));
        call.Applied(new StartConference("a1"));
        Assert.Equal(["a1", "c1"], call.Record.Participants);
    }

    [Fact]
    public void Cancelling_a_consult_still_waiting_in_a_queue_takes_it_out()
    {
        var call = Connected();
        call.Applied(new StartConsult("a1", new TransferTarget(TargetKind.Queue, "billing")));

        call.Applied(new CancelConsult("a1"));

        Assert.Equal([new LeaveQueue("billing"), new BridgeLegs(["L1", "L2"], 6)], call.Effects);
    }

    [Fact]
    public void A_consult_to_a_number_rings_line_2_and_can_be_completed_once_answered()
    {
        var call = Connected();
        call.Applied(new StartConsult("a1", new TransferTarget(TargetKind.External, "+390644444444")));
        Assert.Equal([new DialLeg("L3", PartyKind.External, "+390644444444"), new BridgeLegs(["L2"], 6)], call.Effects); // the customer waits on hold

        call.Applied(new LegEvent("L3", LegEventKind.Answered));
        call.Applied(new CompleteConsult("a1"));

        Assert.Null(call.Record.Handler);
        Assert.Equal(1, call.Leg("L3").Line);
        Assert.Equal(InteractionState.Connected, call.State);
    }

    [Fact]
    public void The_caller_hanging_up_during_a_consult_ends_everything()
    {
        var call = Connected();
        call.Applied(new StartConsult("a1", AgentB));
        call.Applied(new AcceptOffer("b1"));

        call.Applied(new LegEvent("L1", LegEventKind.Ended));

        Assert.Equal(InteractionState.Ended, call.State);
        Assert.Contains(new EndAgentWork("a1"), call.Effects);
        Assert.Contains(new EndAgentWork("b1"), call.Effects);
        Assert.All(call.Record.Legs, leg => Assert.False(leg.IsActive));
        Assert.Null(call.Record.Consult);
    }
}
