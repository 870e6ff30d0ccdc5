using Switchboard.Domain.Interactions;
using Switchboard.Domain.Queues;
using static Switchboard.Domain.Tests.Interactions.InteractionScenario;
using Switchboard.Domain.Reports;

namespace Switchboard.Domain.Tests.Interactions;

/// <summary>
/// An accept that rings the agent's own phone first: the call connects when that phone answers, and goes back as
/// unanswered when it does not (failed, hung up, or not answered by the offer's restarted deadline).
/// </summary>
public sealed class AgentPhoneRingTests
{
    private static InteractionScenario Ringing(string agentId = "a1")
    {
        var call = Inbound();
        call.Applied(new OfferToAgent(agentId, "support", SupportPolicy));
        call.Advance(TimeSpan.FromSeconds(10));
        call.Applied(new AcceptOffer(agentId, RingPhone: true));
        return call;
    }

    [Fact]
    public void Accepting_rings_the_agents_phone_and_keeps_the_offer_open_with_a_fresh_deadline()
    {
        var call = Ringing();

        Assert.Equal(InteractionState.Offered, call.State);
        var leg = call.Leg("L2");
        Assert.Equal((1, PartyKind.Agent, "a1", LegState.Ringing), (leg.Line, leg.Party, leg.Address, leg.State));
        Assert.Equal("L2", call.Record.Offer!.PhoneLegId);
        Assert.Equal(call.Now + SupportPolicy.OfferTimeout, call.Record.Offer.ExpiresAt);
        Assert.Equal([new DialLeg("L2", PartyKind.Agent, "a1")], call.Effects);
        Assert.Null(call.Record.Handler);
        Assert.Empty(call.Record.Participants);
        Assert.Equal("agent-phone-ringing", call.EventTypes.Last());
    }

    [Fact]
    public void The_phone_answering_connects_the_call_bridges_it_and_counts_it_answered_then()
    {
        var call = Ringing();
        call.Advance(TimeSpan.FromSeconds(3));

        call.Applied(new LegEvent("L2", LegEventKind.Answered));

        Assert.Equal(InteractionState.Connected, call.State);
        Assert.Equal(LegState.Connected, call.Leg("L2").State);
        Assert.Null(call.Record.Offer);
        Assert.Equal("a1", call.Record.Handler);
        Assert.Equal(["a1"], call.Record.Participants);
        Assert.Contains(new StartAgentWork("a1", MediaType.Voice), call.Effects);
        Assert.Equal(13, InteractionHistory.Of(call.Record, 0).Single(e => e.Type == HistoryTypes.Accepted).Seconds); // the queue counts the wait to the phone's answer
        Assert.Equal(["L1", "L2"], Assert.Single(call.Effects.OfType<BridgeLegs>()).LegIds);
        Assert.Equal(["leg-answered", "accepted"], call.EventTypes.TakeLast(2));
    }

    [Fact]
    public void Accepting_again_while_the_phone_rings_changes_nothing()
    {
        var call = Ringing();

        call.Refused(new AcceptOffer("a1", RingPhone: true), DecisionKind.Unchanged, "ringing");
        call.Refused(new AcceptOffer("a1"), DecisionKind.Unchanged, "ringing");
    }

    [Theory]
    [InlineData(LegEventKind.Failed)]
    [InlineData(LegEventKind.Ended)]
    public void A_phone_that_does_not_answer_puts_the_call_back_at_its_place_and_the_agent_on_no_answer(LegEventKind kind)
    {
        var call = Ringing();

        call.Applied(new LegEvent("L2", kind));

        Assert.Equal(InteractionState.Queued, call.State);
        Assert.Null(call.Record.Offer);
        Assert.False(call.Leg("L2").IsActive);
        Assert.Equal(LegState.Connected, call.Leg("L1").State);
        Assert.Contains(new MarkNoAnswer("a1"), call.Effects);
        Assert.Contains(call.Effects, e => e is EnqueueWork { Requeue: true, QueueId: "support" });
        Assert.DoesNotContain(call.Effects, e => e is HangUpLeg or StartAgentWork);
        Assert.Contains("offer-timed-out", call.EventTypes);
    }

    [Fact]
    public void A_phone_still_ringing_at_the_deadline_is_hung_up_and_the_call_goes_back()
    {
        var call = Ringing();
        call.Advance(SupportPolicy.OfferTimeout - TimeSpan.FromSeconds(1));
        Assert.False(call.Tick().Applied); // the deadline restarted with the accept

        call.Advance(TimeSpan.FromSeconds(1));
        call.Tick();

        Assert.Equal(InteractionState.Queued, call.State);
        Assert.Contains(new HangUpLeg("L2"), call.Effects);
        Assert.Contains(new MarkNoAnswer("a1"), call.Effects);
        Assert.Equal(LegState.Ended, call.Leg("L2").State);

        // The phone's late answer changes nothing.
        call.Refused(new LegEvent("L2", LegEventKind.Answered), DecisionKind.Unchanged);
    }

    [Fact]
    public void Ending_while_the_phone_rings_is_refused_for_a_call_and_for_a_consult_from_a_queue()
    {
        var call = Ringing();
        call.Refused(new EndCall("a1"), DecisionKind.NotAllowed, "reject the offer");

        var consulting = Connected();
        consulting.Applied(new StartConsult("a1", new TransferTarget(TargetKind.Queue, "sales")));
        consulting.Applied(new OfferToAgent("a2", "sales", SupportPolicy));
        consulting.Applied(new AcceptOffer("a2", RingPhone: true));
        consulting.Refused(new EndCall("a2"), DecisionKind.NotAllowed, "reject the offer");
    }

    [Fact]
    public void Rejecting_while_the_phone_rings_hangs_it_up()
    {
        var call = Ringing();

        call.Applied(new RejectOffer("a1"));

        Assert.Equal(InteractionState.Queued, call.State);
        Assert.Contains(new HangUpLeg("L2"), call.Effects);
        Assert.Contains(call.Effects, e => e is MarkRejected { AgentId: "a1" });
    }

    [Fact]
    public void The_caller_hanging_up_while_the_agents_phone_rings_stops_it_and_releases_the_agent()
    {
        var call = Ringing();

        call.Applied(new LegEvent("L1", LegEventKind.Ended));

        Assert.Equal(InteractionState.Abandoned, call.State);
        Assert.Contains(new HangUpLeg("L2"), call.Effects);
        Assert.Contains(new ReleaseOffer("a1"), call.Effects);
    }

    [Fact]
    public void A_direct_call_whose_agent_phone_does_not_answer_fails()
    {
        var call = Direct("a1");
        call.Applied(new AcceptOffer("a1", RingPhone: true));

        call.Applied(new LegEvent("L2", LegEventKind.Failed));

        Assert.Equal(InteractionState.Failed, call.State);
    }

    [Fact]
    public void A_consulted_agent_is_rung_on_its_line_2_leg_and_joins_when_it_answers()
    {
        var call = Connected();
        call.Applied(new StartConsult("a1", new TransferTarget(TargetKind.Agent, "a2")));
        Assert.Equal(LegState.Ringing, call.Leg("L3").State);

        call.Applied(new AcceptOffer("a2", RingPhone: true));
        Assert.Equal([new DialLeg("L3", PartyKind.Agent, "a2")], call.Effects);
        Assert.Null(call.Record.Consult!.AgentId);

        call.Applied(new LegEvent("L3", LegEventKind.Answered));
        Assert.Equal(("L3", "a2"), (call.Record.Consult!.LegId, call.Record.Consult.AgentId));
        Assert.Contains("a2", call.Record.Participants);
        Assert.Equal(["L2", "L3"], Assert.Single(call.Effects.OfType<BridgeLegs>()).LegIds);
    }

    [Fact]
    public void A_consult_from_a_queue_rings_a_new_line_2_leg_and_cancelling_it_stops_that_phone()
    {
        var call = Connected();
        call.Applied(new StartConsult("a1", new TransferTarget(TargetKind.Queue, "sales")));
        call.Applied(new OfferToAgent("a2", "sales", SupportPolicy));
        call.Applied(new AcceptOffer("a2", RingPhone: true));
        var leg = call.Leg("L3");
        Assert.Equal((2, LegState.Ringing), (leg.Line, leg.State));
        Assert.Null(call.Record.Consult!.LegId);

        call.Applied(new CancelConsult("a1"));

        Assert.Contains(new HangUpLeg("L3"), call.Effects);
        Assert.Contains(new ReleaseOffer("a2"), call.Effects);
        Assert.Null(call.Record.Consult);
    }

    [Fact]
    public void A_queue_consult_whose_phone_fails_waits_in_that_queue_again_and_its_next_agent_gets_a_leg_of_its_own()
    {
        var call = Connected();
        call.Applied(new StartConsult("a1", new TransferTarget(TargetKind.Queue, "sales")));
        call.Applied(new OfferToAgent("a2", "sales", SupportPolicy));
        call.Applied(new AcceptOffer("a2", RingPhone: true));

        call.Applied(new LegEvent("L3", LegEventKind.Failed));
        Assert.Contains(call.Effects, e => e is EnqueueWork { QueueId: "sales", Requeue: true });
        Assert.NotNull(call.Record.Consult);

        call.Applied(new OfferToAgent("a3", "sales", SupportPolicy));
        call.Applied(new AcceptOffer("a3"));
        Assert.Equal(("L4", "a3"), (call.Record.Consult!.LegId, call.Record.Consult.AgentId));
        Assert.Equal(LegState.Connected, call.Leg("L4").State);
    }

    [Fact]
    public void Without_ringing_an_accept_connects_at_once_as_before()
    {
        var call = Inbound();
        call.Applied(new OfferToAgent("a1", "support", SupportPolicy));

        call.Applied(new AcceptOffer("a1"));

        Assert.Equal(InteractionState.Connected, call.State);
        Assert.DoesNotContain(call.Effects, e => e is DialLeg);
        Assert.Equal(LegState.Connected, call.Leg("L2").State);
    }

    [Fact]
    public void Chats_never_ring_a_phone()
    {
        var created = InteractionMachine.Create(
            new NewInteraction("c1", MediaType.Chat, InteractionDirection.Inbound, "support", null, "maria@example.com", null, 5, "api"), T0);
        var offered = InteractionMachine.Decide(created.Record, new OfferToAgent("a1", "support", SupportPolicy), T0);

        var accepted = InteractionMachine.Decide(offered.Record, new AcceptOffer("a1", RingPhone: true), T0);

        Assert.Equal(InteractionState.Connected, accepted.Record.State);
        Assert.DoesNotContain(accepted.Effects, e => e is DialLeg);
    }

    [Fact]
    public void An_internal_call_rings_its_callers_phone_and_bridges_once_both_phones_answer()
    {
        var created = InteractionMachine.Create(
            new NewInteraction("x1", MediaType.Voice, InteractionDirection.Internal, null, "a2", "a1", null, 5, "agent:a1", RingCaller: true), T0);
        Assert.Equal(LegState.Ringing, created.Record.Leg("L1")!.State);
        Assert.Contains(new DialLeg("L1", PartyKind.Agent, "a1"), created.Effects);

        var callerAnswered = InteractionMachine.Decide(created.Record, new LegEvent("L1", LegEventKind.Answered), T0);
        var accepted = InteractionMachine.Decide(callerAnswered.Record, new AcceptOffer("a2", RingPhone: true), T0);
        var calleeAnswered = InteractionMachine.Decide(accepted.Record, new LegEvent("L2", LegEventKind.Answered), T0);

        Assert.Equal(InteractionState.Connected, calleeAnswered.Record.State);
        Assert.Equal(["L1", "L2"], Assert.Single(calleeAnswered.Effects.OfType<BridgeLegs>()).LegIds);
    }

    [Fact]
    public void An_internal_call_whose_callers_phone_fails_before_the_colleague_answers_fails()
    {
        var created = InteractionMachine.Create(
            new NewInteraction("x1", MediaType.Voice, InteractionDirection.Internal, null, "a2", "a1", null, 5, "agent:a1", RingCaller: true), T0);

        var failed = InteractionMachine.Decide(created.Record, new LegEvent("L1", LegEventKind.Failed), T0);

        Assert.Equal(InteractionState.Failed, failed.Record.State);
        Assert.Contains(new ReleaseOffer("a2"), failed.Effects);
    }
}
