using Switchboard.Domain.Agents;
using Switchboard.Domain.Interactions;
using Switchboard.Domain.Queues;
using Switchboard.Domain.Routing;
using static Switchboard.Domain.Tests.Interactions.InteractionScenario;
using Switchboard.Domain.Reports;

namespace Switchboard.Domain.Tests.Interactions;

public sealed class OfferLifecycleTests
{
    [Fact]
    public void Inbound_work_waits_in_its_queue_with_the_caller_connected()
    {
        var call = Inbound(priority: 7);

        Assert.Equal(InteractionState.Queued, call.State);
        Assert.Equal("support", call.Record.QueueId);
        Assert.Equal(T0, call.Record.QueuedAt);
        Assert.Equal([new EnqueueWork("support", 7, T0)], call.Effects);
        var leg = Assert.Single(call.Record.Legs);
        Assert.Equal(new CallLeg("L1", 1, PartyKind.Customer, "+390212345678", LegState.Connected, T0), leg);
        Assert.Equal(["created", "queued"], call.EventTypes);
        Assert.Null(call.Record.NextDeadline);
    }

    [Fact]
    public void An_offer_from_its_queue_runs_for_the_queue_offer_timeout()
    {
        var call = Inbound();
        call.Advance(TimeSpan.FromSeconds(3));

        call.Applied(new OfferToAgent("a1", "support", SupportPolicy));

        Assert.Equal(InteractionState.Offered, call.State);
        Assert.Equal(new InteractionOffer("a1", "support", OfferPurpose.Main, T0.AddSeconds(3), T0.AddSeconds(18)), call.Record.Offer);
        Assert.Equal(SupportPolicy, call.Record.Policy);
        Assert.Equal(T0.AddSeconds(18), call.Record.NextDeadline);
        Assert.Empty(call.Effects);
    }

    [Fact]
    public void A_queue_offer_keeps_why_that_agent_and_its_event_says_so_in_short_details()
    {
        var call = Inbound();
        var why = new RoutingExplanation(
            RoutingStrategy.RoundRobin, 2, 42, 7, 1, 3, Preferred: true, [new("a2", SkipReason.BetterWorkElsewhere), new("a3", SkipReason.AtCapacity)], SkippedMore: 4);

        call.Applied(new OfferToAgent("a1", "support", SupportPolicy, Routing: why));

        Assert.Same(why, call.Record.Offer!.Routing);
        var offered = call.Record.Timeline[^1];
        Assert.Equal("offered", offered.Type);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["agent"] = "a1", ["queue"] = "support", ["strategy"] = "round-robin", ["eligible"] = "2", ["idleSeconds"] = "42", ["skillLevel"] = "7",
                ["load"] = "1", ["position"] = "3", ["preferred"] = "true", ["skipped"] = "a2:better-work-elsewhere,a3:at-capacity", ["skippedMore"] = "4",
            },
            offered.Details);
    }

    [Fact]
    public void Details_that_do_not_apply_are_left_out_of_the_offered_event()
    {
        var call = Inbound();

        call.Applied(new OfferToAgent("a1", "support", SupportPolicy, Routing: new RoutingExplanation(RoutingStrategy.LongestIdle, 1, 0, 5, 0, null, false, [], 0)));

        Assert.Equal(["agent", "queue", "strategy", "eligible", "idleSeconds", "skillLevel", "load"], call.Record.Timeline[^1].Details.Keys);
    }

    [Fact]
    public void A_direct_offer_says_nothing_of_routing()
    {
        var call = Direct("a1");

        Assert.Null(call.Record.Offer!.Routing);
        Assert.Equal(["agent"], call.Record.Timeline.Single(e => e.Type == "offered").Details.Keys);
    }

    [Fact]
    public void An_offer_for_work_that_is_not_waiting_there_changes_nothing()
    {
        var call = Inbound();
        call.Refused(new OfferToAgent("a1", "billing", SupportPolicy), DecisionKind.Unchanged);
        call.Applied(new OfferToAgent("a1", "support", SupportPolicy));
        call.Refused(new OfferToAgent("a2", "support", SupportPolicy), DecisionKind.Unchanged);
    }

    [Fact]
    public void Accepting_connects_the_agent_on_line_1_and_starts_its_work()
    {
        var call = Inbound();
        call.Applied(new OfferToAgent("a1", "support", SupportPolicy));
        call.Advance(TimeSpan.FromSeconds(4));

        call.Applied(new AcceptOffer("a1"));

        Assert.Equal(InteractionState.Connected, call.State);
        Assert.Null(call.Record.Offer);
        Assert.Equal("a1", call.Record.Handler);
        Assert.Equal(["a1"], call.Record.Participants);
        Assert.Equal([new StartAgentWork("a1"), new BridgeLegs(["L1", "L2"], 4)], call.Effects);
        Assert.Equal(4, InteractionHistory.Of(call.Record, 0).Single(e => e.Type == HistoryTypes.Accepted).Seconds); // waited 4 s since arrival
        Assert.Equal(new CallLeg("L2", 1, PartyKind.Agent, "a1", LegState.Connected, T0.AddSeconds(4)), call.Leg("L2"));
        Assert.Null(call.Record.NextDeadline);
    }

    [Fact]
    public void Only_the_offered_agent_may_accept_or_reject_and_only_while_offered()
    {
        var call = Inbound();
        call.Refused(new AcceptOffer("a1"), DecisionKind.NotAllowed, "no open offer");
        call.Applied(new OfferToAgent("a1", "support", SupportPolicy));
        call.Refused(new AcceptOffer("a2"), DecisionKind.NotParticipant);
        call.Refused(new RejectOffer("a2"), DecisionKind.NotParticipant);
        call.Applied(new AcceptOffer("a1"));
        call.Refused(new AcceptOffer("a1"), DecisionKind.NotAllowed);
        call.Refused(new RejectOffer("a1"), DecisionKind.NotAllowed);
    }

    [Fact]
    public void A_rejected_offer_puts_the_work_back_at_its_old_place_and_the_agent_in_the_queue_reject_state()
    {
        var call = Inbound();
        call.Advance(TimeSpan.FromSeconds(10));
        var policy = SupportPolicy with { RejectAgentState = AgentState.Offline };
        call.Applied(new OfferToAgent("a1", "support", policy));

        call.Applied(new RejectOffer("a1"));

        Assert.Equal(InteractionState.Queued, call.State);
        Assert.Null(call.Record.Offer);
        Assert.Equal([new MarkRejected("a1", AgentState.Offline), new EnqueueWork("support", 5, T0, Requeue: true)], call.Effects);
        Assert.Equal(["created", "queued", "offered", "rejected", "requeued"], call.EventTypes);
    }

    [Fact]
    public void No_answer_within_the_offer_timeout_requeues_at_the_head_and_puts_the_agent_on_break()
    {
        var call = Inbound();
        call.Applied(new OfferToAgent("a1", "support", SupportPolicy));
        call.Advance(TimeSpan.FromSeconds(14));
        Assert.Equal(DecisionKind.Unchanged, call.Tick().Kind);

        call.Advance(TimeSpan.FromSeconds(1));
        Assert.True(call.Tick().Applied);

        Assert.Equal(InteractionState.Queued, call.State);
        Assert.Equal([new MarkNoAnswer("a1"), new EnqueueWork("support", 5, T0, Requeue: true)], call.Effects);
        Assert.Contains("offer-timed-out", call.EventTypes);
        Assert.Equal(DecisionKind.Unchanged, call.Tick().Kind);

        // Offered again, to someone else, it can be answered.
        call.Applied(new OfferToAgent("a2", "support", SupportPolicy));
        call.Applied(new AcceptOffer("a2"));
        Assert.Equal("a2", call.Record.Handler);
    }

    [Fact]
    public void A_direct_call_nobody_answers_fails_and_hangs_up_the_caller()
    {
        var call = Direct("a1");
        Assert.Equal(InteractionState.Offered, call.State);
        Assert.Equal(new InteractionOffer("a1", null, OfferPurpose.Main, T0, T0 + RoutingPolicy.Direct.OfferTimeout), call.Record.Offer);

        call.Advance(RoutingPolicy.Direct.OfferTimeout);
        call.Tick();

        Assert.Equal(InteractionState.Failed, call.State);
        Assert.Equal([new MarkNoAnswer("a1"), new HangUpLeg("L1")], call.Effects);
        Assert.Equal(LegState.Ended, call.Leg("L1").State);
        Assert.Equal(call.Now, call.Record.EndedAt);
    }

    [Fact]
    public void The_caller_hanging_up_while_queued_abandons_and_leaves_the_queue()
    {
        var call = Inbound();
        call.Advance(TimeSpan.FromSeconds(30));

        call.Applied(new LegEvent("L1", LegEventKind.Ended));

        Assert.Equal(InteractionState.Abandoned, call.State);
        Assert.Equal([new LeaveQueue("support")], call.Effects);
        Assert.Equal(30, InteractionHistory.Of(call.Record, 0).Single(e => e.Type == HistoryTypes.Abandoned).Seconds);
        Assert.Equal(T0.AddSeconds(30), call.Record.EndedAt);
        Assert.Equal(["created", "queued", "leg-ended", "abandoned"], call.EventTypes);
        call.Refused(new OfferToAgent("a1", "support", SupportPolicy), DecisionKind.Unchanged);
    }

    [Fact]
    public void The_caller_hanging_up_while_offered_abandons_and_releases_the_agent()
    {
        var call = Inbound();
        call.Applied(new OfferToAgent("a1", "support", SupportPolicy));

        call.Applied(new LegEvent("L1", LegEventKind.Ended));

        Assert.Equal(InteractionState.Abandoned, call.State);
        Assert.Equal([new ReleaseOffer("a1")], call.Effects);
        Assert.Equal("support", InteractionHistory.Of(call.Record, 0).Single(e => e.Type == HistoryTypes.Abandoned).QueueId);
        Assert.Null(call.Record.Offer);
        Assert.Null(call.Record.NextDeadline);
    }

    [Fact]
    public void Overflow_moves_waiting_work_keeping_its_arrival_time()
    {
        var call = Inbound();
        call.Advance(TimeSpan.FromSeconds(60));

        call.Applied(new MoveToQueue("backup"));

        Assert.Equal("backup", call.Record.QueueId);
        Assert.Equal([new EnqueueWork("backup", 5, T0)], call.Effects);
        Assert.Equal(InteractionState.Queued, call.State);
        call.Refused(new MoveToQueue("backup"), DecisionKind.Unchanged);
        call.Applied(new OfferToAgent("a1", "backup", SupportPolicy));
        call.Refused(new MoveToQueue("other"), DecisionKind.Unchanged);
    }

    [Fact]
    public void Unknown_and_finished_legs_are_reported_and_repeated_events_change_nothing()
    {
        var call = Inbound();
        call.Refused(new LegEvent("L9", LegEventKind.Ended), DecisionKind.Invalid, "no leg");
        call.Applied(new LegEvent("L1", LegEventKind.Ended));
        call.Refused(new LegEvent("L1", LegEventKind.Ended), DecisionKind.Unchanged);
    }
}
