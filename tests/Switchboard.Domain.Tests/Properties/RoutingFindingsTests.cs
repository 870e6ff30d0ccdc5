using Switchboard.Domain.Agents;
using Switchboard.Domain.Interactions;
using Switchboard.Domain.Queues;
using Switchboard.Domain.Routing;

namespace Switchboard.Domain.Tests.Properties;

/// <summary>
/// Small scenarios for what <see cref="RoutingModelPropertyTests"/> found, each the shortest way to the broken rule.
/// The <see cref="RoutingWorld"/> ones go through the grains' glue as the world mirrors it; the others call the
/// domain directly.
/// </summary>
public sealed class RoutingFindingsTests
{
    private static readonly DateTimeOffset T = RoutingWorld.T0;

    private static readonly RoutingPolicy Policy = new(TimeSpan.FromSeconds(15), ["sale"], CodeRequired: false, null, AgentState.Break);

    // ---- 1. A held offer survives the agent leaving Available ------------------------------------------------------

    /// <summary>
    /// a1 is offered a call and asks for Break. Found: the change was allowed (the offer not withdrawn), and accepting
    /// then connected the call with a1 as its handler while <c>StartWork</c> was rejected for an agent on Break (a1 on
    /// Break with no work, and offered more calls once Available again). Now <c>AgentGrain.ChangeState</c> refuses while
    /// an offer is held ("accept or reject it first"), nothing changes, and the accept makes a1 Busy on the call.
    /// </summary>
    [Fact]
    public void An_agent_cannot_go_on_break_while_offered_and_then_accepts_as_usual()
    {
        var w = new RoutingWorld();
        w.CreateInteraction("c1", "q-sales", null, 5);
        w.Settle();
        Assert.Equal("a1", w.Interactions["c1"].Offer?.AgentId);

        var before = w.Snapshot();
        var toBreak = w.ChangeAgentState("a1", AgentState.Break, "lunch", StateActor.Agent);
        w.Settle();

        Assert.Equal(DecisionOutcome.Rejected, toBreak.Outcome);
        Assert.Equal(RejectionReason.TransitionNotAllowed, toBreak.Rejection);
        Assert.Equal(before, w.Snapshot());
        Assert.Equal(AgentState.Available, w.Agents["a1"].Status.State);
        Assert.Equal("c1", w.Agents["a1"].HeldOffer?.InteractionId);

        var accept = w.Act("c1", new AcceptOffer("a1"));
        w.Settle();

        var call = w.Interactions["c1"];
        var a1 = w.Agents["a1"].Status;
        Assert.True(accept.Applied, accept.Detail);
        Assert.Equal(InteractionState.Connected, call.State);
        Assert.Equal("a1", call.Handler);
        Assert.Equal(AgentState.Busy, a1.State);
        Assert.Equal(["c1"], a1.ActiveWork);
        Assert.Null(w.Agents["a1"].HeldOffer);
    }

    /// <summary>
    /// a1 is offered a call and asks to log out. Found: the logout was allowed (the offer stayed open to a logged-out
    /// agent), and when the offer timed out RONA moved a1 from LoggedOut to Break (no-answer): the system logged the
    /// agent back in. Now the logout is refused while the offer is held and nothing changes; the offer times out as
    /// usual, from Available to Break (no-answer), and the call waits again.
    /// </summary>
    [Fact]
    public void An_agent_cannot_log_out_while_offered_and_the_offer_then_times_out_as_usual()
    {
        var w = new RoutingWorld();
        w.CreateInteraction("c1", "q-sales", null, 5);
        w.Settle();
        Assert.Equal("a1", w.Interactions["c1"].Offer?.AgentId);

        var before = w.Snapshot();
        var logout = w.ChangeAgentState("a1", AgentState.LoggedOut, null, StateActor.Agent);
        w.Settle();

        Assert.Equal(DecisionOutcome.Rejected, logout.Outcome);
        Assert.Equal(RejectionReason.TransitionNotAllowed, logout.Rejection);
        Assert.Equal(before, w.Snapshot());
        Assert.Equal(AgentState.Available, w.Agents["a1"].Status.State);
        Assert.Equal("a1", w.Interactions["c1"].Offer?.AgentId);

        w.AdvanceTo(T.AddSeconds(16));

        var a1 = w.Agents["a1"].Status;
        Assert.Equal(AgentState.Break, a1.State);
        Assert.Equal(SystemReasonCodes.NoAnswer, a1.ReasonCode);
        Assert.Null(w.Agents["a1"].HeldOffer);
        Assert.NotEqual("a1", w.Interactions["c1"].Offer?.AgentId);
    }

    // ---- 2. A consulted agent's ringing leg ends: the consult offer is left behind ---------------------------------

    /// <summary>
    /// a1 consults a2; before answering, a2 hangs up (EndCall finds a2's ringing line-2 leg). Found: the consult was
    /// dropped but its offer to a2 stayed open, with no consult behind it, and nothing released a2's held offer. Now
    /// <c>CallSteps.AgentLeft</c> releases the open offer with the consult (consult-failed, no wrap-up for a2).
    /// </summary>
    [Fact]
    public void A_consulted_agent_hanging_up_before_answering_leaves_no_offer_behind()
    {
        var consulting = Consulting();

        var end = InteractionMachine.Decide(consulting, new EndCall("a2"), T.AddSeconds(5));

        Assert.True(
            !end.Applied || (end.Record.Offer is null && end.Effects.Contains(new ReleaseOffer("a2"))),
            $"EndCall(a2) {end.Kind}: offer {end.Record.Offer?.AgentId ?? "none"} ({end.Record.Offer?.Purpose}), consult {end.Record.Consult?.Target.Id ?? "none"}, "
            + $"effects [{string.Join(", ", end.Effects)}]");
    }

    /// <summary>The same through telephony: the ringing consult leg fails (no answer, busy, unreachable).</summary>
    [Fact]
    public void A_failed_consult_leg_leaves_no_offer_behind()
    {
        var consulting = Consulting();

        var failed = InteractionMachine.Decide(consulting, new LegEvent(consulting.Consult!.LegId!, LegEventKind.Failed), T.AddSeconds(5));

        Assert.True(
            failed.Applied && failed.Record.Offer is null && failed.Effects.Contains(new ReleaseOffer("a2")),
            $"leg failed {failed.Kind}: offer {failed.Record.Offer?.AgentId ?? "none"} ({failed.Record.Offer?.Purpose}), consult {failed.Record.Consult?.Target.Id ?? "none"}, "
            + $"effects [{string.Join(", ", failed.Effects)}]");
    }

    /// <summary>What an offer left behind did: accepting it, or its timeout, threw (the consult it expects was gone).</summary>
    [Fact]
    public void An_offer_left_behind_by_a_dropped_consult_neither_crashes_accept_nor_its_timeout()
    {
        var end = InteractionMachine.Decide(Consulting(), new EndCall("a2"), T.AddSeconds(5));
        var after = end.Record;

        var accept = Record.Exception(() => InteractionMachine.Decide(after, new AcceptOffer("a2"), T.AddSeconds(6)));
        var timeout = Record.Exception(() => InteractionMachine.Tick(after, T.AddMinutes(5)));

        Assert.True(
            accept is null && timeout is null,
            $"AcceptOffer(a2): {accept?.GetType().Name ?? "ok"}; Tick: {timeout?.GetType().Name ?? "ok"}");
    }

    // ---- 3. A requeued call loses its place to work that arrived at the same instant --------------------------------

    /// <summary>
    /// c1 and c2 arrive at the same time (same priority); c1 is offered and rejected. Requeued, it should be at the
    /// head again ("requeue at the head", <c>WaitingList.Restore</c>). Found: the router re-added it with <c>Add</c>, a
    /// new sequence number, so it waited behind c2. Now the offer carries the sequence back (<c>EnqueueWork.Sequence</c>).
    /// </summary>
    [Fact]
    public void A_rejected_call_goes_back_ahead_of_a_call_that_arrived_at_the_same_time()
    {
        var w = new RoutingWorld();
        foreach (var other in new[] { "a2", "a3", "a4", "a5" })
        {
            w.ChangeAgentState(other, AgentState.LoggedOut, null, StateActor.Agent);
        }

        w.CreateInteraction("c1", "q-sales", null, 5);
        w.CreateInteraction("c2", "q-sales", null, 5);
        w.Settle();
        Assert.Equal("a1", w.Interactions["c1"].Offer?.AgentId);

        w.Act("c1", new RejectOffer("a1"));
        w.Settle();

        Assert.Equal(["c1", "c2"], w.Routers["q-sales"].Waiting.Items.Select(i => i.InteractionId));
    }

    /// <summary>
    /// The same on the waiting list alone, called the way <c>QueueRouterGrain</c> calls it (Dispatch, then Enqueue). It
    /// used to re-add the work with <c>Add</c> (a new sequence number); now the offer carries the work's sequence and the
    /// requeue gives it back (<c>EnqueueWork.Sequence</c>), so the router uses <c>Restore</c>.
    /// </summary>
    [Fact]
    public void Work_removed_for_an_offer_and_added_back_keeps_its_place_among_equal_arrivals()
    {
        var waiting = new WaitingList();
        waiting.Add("c1", 5, T);
        waiting.Add("c2", 5, T);

        Assert.True(waiting.Remove("c1", out var offered)); // offered: QueueRouterGrain.Dispatch (ToItem carries its Sequence)
        waiting.Restore(new WaitingWork("c1", 5, T, offered!.Sequence)); // rejected, EnqueueWork(Requeue: true, Sequence): QueueRouterGrain.Enqueue

        Assert.Equal("c1", waiting.Head?.InteractionId);
        Assert.Equal(["c1", "c2"], waiting.Items.Select(i => i.InteractionId));
    }

    // ---- 4. A consult waiting in a queue looks as old as its call to an agent of several queues ---------------------

    /// <summary>
    /// Y has waited in q-sales since 50 s; at 100 s a1 consults q-vip about an older call X. a2, in both queues, becomes
    /// Available and q-vip asks first. Found: <c>InteractionGrain.TryOffer</c> described the consult to the agent with
    /// the call's <c>QueuedAt</c> (0 s), not the consult's arrival in q-vip (100 s, as the waiting list has it), so a2
    /// took the consult over Y, which has waited longer ("offered the oldest highest-priority work among them"). Now the
    /// router passes its <c>WaitingItem</c> and the hold is built from it.
    /// </summary>
    [Fact]
    public void An_agent_of_several_queues_takes_the_longest_waiting_work_over_a_newer_consult()
    {
        var w = new RoutingWorld();
        foreach (var other in new[] { "a3", "a4", "a5" })
        {
            w.ChangeAgentState(other, AgentState.LoggedOut, null, StateActor.Agent);
        }

        w.ChangeAgentState("a2", AgentState.Break, "lunch", StateActor.Agent);
        w.CreateInteraction("x", "q-sales", null, 5);
        w.Settle();
        w.Act("x", new AcceptOffer("a1"));
        w.AdvanceTo(T.AddSeconds(50));
        w.CreateInteraction("y", "q-sales", null, 5);
        w.AdvanceTo(T.AddSeconds(100));
        Assert.True(w.Act("x", new StartConsult("a1", new TransferTarget(TargetKind.Queue, "q-vip"))).Applied);
        w.Settle();

        w.ChangeAgentState("a2", AgentState.Available, null, StateActor.Agent);
        w.Settle(seed: 1); // q-vip takes its turn before q-sales, as it may when both hear of a2 at once

        Assert.True(
            w.Agents["a2"].HeldOffer?.InteractionId == "y",
            $"a2 holds {w.Agents["a2"].HeldOffer?.InteractionId ?? "nothing"} (from {w.Agents["a2"].HeldOffer?.QueueId}); "
            + $"q-sales waiting [{string.Join(", ", w.Routers["q-sales"].Waiting.Items.Select(i => $"{i.InteractionId} since {(i.EnqueuedAt - T).TotalSeconds}s"))}]");
    }

    // ---- 5. A call back from a blind transfer to an agent loses its place to work that arrived at the same instant --

    /// <summary>
    /// Found after fix 3. c1 and c2 arrive in q-sales at the same instant; a1 answers c1 and blind-transfers it to a5,
    /// who rejects it (or lets it ring out). c1 goes back to q-sales with its old <c>QueuedAt</c> (<c>EnqueueWork</c>
    /// with <c>Requeue: true</c>), but the offer was direct (<c>QueueId</c> null), so <c>OfferSteps.ReturnOffer</c> gives
    /// no <c>Sequence</c> and <c>QueueRouterGrain.Enqueue</c> falls back to <c>Add</c>: a new sequence number puts c1 behind
    /// c2, which arrived after it. (The record no longer knows c1's sequence in q-sales: it was on the routed offer only.)
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_call_back_from_a_blind_transfer_to_an_agent_goes_ahead_of_a_call_that_arrived_after_it(bool rejected)
    {
        var w = new RoutingWorld();
        foreach (var other in new[] { "a2", "a3", "a4" })
        {
            w.ChangeAgentState(other, AgentState.LoggedOut, null, StateActor.Agent);
        }

        w.CreateInteraction("c1", "q-sales", null, 5);
        w.Settle();
        Assert.True(w.Act("c1", new AcceptOffer("a1")).Applied);
        w.CreateInteraction("c2", "q-sales", null, 5);
        w.Settle();
        Assert.True(w.Act("c1", new Transfer("a1", new TransferTarget(TargetKind.Agent, "a5"))).Applied);
        w.Settle();
        Assert.Equal("a5", w.Interactions["c1"].Offer?.AgentId);

        if (rejected)
        {
            Assert.True(w.Act("c1", new RejectOffer("a5")).Applied);
            w.Settle();
        }
        else
        {
            w.AdvanceTo(T.AddSeconds(16)); // the transfer's offer times out (15 s); a1 is still in wrap-up (60 s)
        }

        Assert.Equal(InteractionState.Queued, w.Interactions["c1"].State);
        Assert.Equal(AgentState.WrapUp, w.Agents["a1"].Status.State);
        Assert.True(
            w.Routers["q-sales"].Waiting.Items.Select(i => i.InteractionId).SequenceEqual(["c1", "c2"]),
            $"q-sales waiting [{string.Join(", ", w.Routers["q-sales"].Waiting.Items.Select(i => $"{i.InteractionId} since {(i.EnqueuedAt - T).TotalSeconds}s seq{i.Sequence}"))}]");
    }

    /// <summary>Inbound in "q", answered by a1, who consults a2 (a2 has agreed to hold the consult offer).</summary>
    private static InteractionRecord Consulting()
    {
        var record = InteractionMachine.Create(new NewInteraction("c1", MediaType.Voice, InteractionDirection.Inbound, "q", null, "+390212345678", null, 5, "api"), T).Record;
        record = Applied(record, new OfferToAgent("a1", "q", Policy), T);
        record = Applied(record, new AcceptOffer("a1"), T.AddSeconds(1));
        record = Applied(record, new StartConsult("a1", new TransferTarget(TargetKind.Agent, "a2")), T.AddSeconds(2));
        Assert.Equal("a2", record.Offer?.AgentId);
        return record;
    }

    private static InteractionRecord Applied(InteractionRecord record, InteractionCommand command, DateTimeOffset at)
    {
        var decision = InteractionMachine.Decide(record, command, at);
        Assert.True(decision.Applied, $"{command} was {decision.Kind}: {decision.Detail}");
        return decision.Record;
    }
}
