using Switchboard.Domain.Agents;
using Switchboard.Domain.Interactions;
using Switchboard.Domain.Queues;
using Switchboard.Domain.Reports;
using Switchboard.Domain.Tests.Interactions;
using static Switchboard.Domain.Tests.Interactions.InteractionScenario;

namespace Switchboard.Domain.Tests.Reports;

/// <summary>What the history records of an interaction's timeline and an agent's audit trail.</summary>
public sealed class HistoryEventsTests
{
    [Fact]
    public void A_routed_call_records_its_wait_hold_talk_and_wrap_up_with_the_queue_it_was_answered_from()
    {
        var call = Inbound();
        call.Advance(TimeSpan.FromSeconds(12));
        call.Applied(new OfferToAgent("a1", "support", SupportPolicy));
        call.Advance(TimeSpan.FromSeconds(3));
        call.Applied(new AcceptOffer("a1"));
        call.Advance(TimeSpan.FromSeconds(60));
        call.Applied(new HoldCall("a1"));
        call.Advance(TimeSpan.FromSeconds(25));
        call.Applied(new ResumeCall("a1"));
        call.Advance(TimeSpan.FromSeconds(35));
        call.Applied(new EndCall("a1"));
        call.Advance(TimeSpan.FromSeconds(40));
        call.Applied(new SaveWrapUp("a1", ["sale"], null));

        var events = InteractionHistory.Of(call.Record, 0);

        Assert.Equal(call.Record.Timeline.Select(t => t.Type), events.Select(e => e.Type));
        Assert.Equal(events.Count, events.Select(e => e.Id).Distinct().Count());
        Assert.All(events, e => Assert.Equal(("i1", MediaType.Voice), (e.InteractionId, e.Media!.Value)));
        Assert.Equal("support", Single(events, HistoryTypes.Queued).QueueId);
        Assert.Equal(("support", "a1", 15.0), Facts(Single(events, HistoryTypes.Accepted)));
        Assert.Equal(("support", "a1", 25.0), Facts(Single(events, HistoryTypes.Resumed)));
        Assert.Equal(("support", "a1", 120.0), Facts(Single(events, HistoryTypes.Ended))); // answered to hung up, hold included
        var wrapUp = Single(events, HistoryTypes.WrapUpSaved);
        Assert.Equal(("support", "a1", 40.0), Facts(wrapUp));
        Assert.Equal("sale", wrapUp.Code);
    }

    [Fact]
    public void Recording_from_an_entry_on_gives_the_same_events_with_the_same_ids()
    {
        var call = Inbound();
        call.Applied(new OfferToAgent("a1", "support", SupportPolicy));
        var early = InteractionHistory.Of(call.Record, 0);
        call.Advance(TimeSpan.FromSeconds(4));
        call.Applied(new AcceptOffer("a1"));
        call.Advance(TimeSpan.FromSeconds(30));
        call.Applied(new Transfer("a1", new TransferTarget(TargetKind.Queue, "billing")));

        var all = InteractionHistory.Of(call.Record, 0);
        var later = InteractionHistory.Of(call.Record, early.Count);

        Assert.Equal(early, all.Take(early.Count)); // appended again later, an event is the same
        Assert.Equal(all.Skip(early.Count), later);
        var transferred = Single(all, HistoryTypes.Transferred);
        Assert.Equal(("support", "queue:billing"), (transferred.QueueId, transferred.Target));
        Assert.Equal("billing", all.Last(e => e.Type == HistoryTypes.Queued).QueueId);
    }

    [Fact]
    public void Codes_saved_after_a_wrap_up_completed_add_no_wrap_up_time_and_the_wrap_up_counts_once()
    {
        var call = Connected("a1");
        call.Advance(TimeSpan.FromSeconds(60));
        call.Applied(new EndCall("a1"));
        call.Advance(TimeSpan.FromSeconds(20));
        call.Applied(new SaveWrapUp("a1", ["sale"], null));
        call.Advance(TimeSpan.FromHours(1));
        var later = call.Do(new SaveWrapUp("a1", ["no-sale"], "called back"));

        var wrapUps = InteractionHistory.Of(call.Record, 0).Where(e => e.Type == HistoryTypes.WrapUpSaved).ToList();
        var tally = new QueueTally(QueueThresholds.Default);
        foreach (var e in InteractionHistory.Of(call.Record, 0))
        {
            tally.Add(e);
        }

        Assert.Equal(20, wrapUps[0].Seconds);
        Assert.True(wrapUps.Count == 1 || wrapUps[1].Seconds is null, $"{later.Kind}: {string.Join(", ", wrapUps.Select(w => w.Seconds))}");
        Assert.Equal(1, tally.WrapUps);
        Assert.Equal(20, tally.WrapUpSeconds);
    }

    [Fact]
    public void A_caller_who_hangs_up_waiting_records_an_abandon_with_the_wait()
    {
        var call = Inbound();
        call.Advance(TimeSpan.FromSeconds(42));
        call.Applied(new LegEvent("L1", LegEventKind.Ended));

        var abandoned = Single(InteractionHistory.Of(call.Record, 0), HistoryTypes.Abandoned);

        Assert.Equal(("support", null, 42.0), Facts(abandoned));
    }

    [Fact]
    public void A_message_counts_for_the_queue_answered_from_when_it_was_written_and_the_same_event_comes_back_later()
    {
        var chat = Inbound();
        var waiting = chat.Now;
        chat.Advance(TimeSpan.FromSeconds(5));
        chat.Applied(new OfferToAgent("a1", "support", SupportPolicy));
        chat.Applied(new AcceptOffer("a1"));
        chat.Advance(TimeSpan.FromSeconds(5));
        var answered = chat.Now;

        var early = InteractionHistory.Message(chat.Record, 1, ChatSender.Customer, null, waiting);
        var reply = InteractionHistory.Message(chat.Record, 2, ChatSender.Agent, "a1", answered);
        chat.Advance(TimeSpan.FromSeconds(5));
        chat.Applied(new EndCall("a1"));

        Assert.Equal(("m:i1:1", HistoryTypes.Message, "customer", null, null), (early.Id, early.Type, early.Code, early.AgentId, early.QueueId));
        Assert.Equal(("m:i1:2", "agent", "a1", "support"), (reply.Id, reply.Code, reply.AgentId, reply.QueueId));
        Assert.Equal(reply, InteractionHistory.Message(chat.Record, 2, ChatSender.Agent, "a1", answered)); // appended again after the timeline grew
        Assert.Null(InteractionHistory.Message(chat.Record, 3, ChatSender.System, "a1", answered).AgentId); // only an agent's message is the agent's
        var sent = InteractionHistory.Reply("e1", 2, "a1", answered);
        Assert.Equal(("r:e1:2", HistoryTypes.Replied, "a1", "e1", MediaType.Email), (sent.Id, sent.Type, sent.AgentId, sent.InteractionId, sent.Media!.Value));
    }

    [Fact]
    public void A_direct_call_answered_counts_for_no_queue()
    {
        var call = Direct("a1");
        call.Applied(new AcceptOffer("a1"));

        Assert.Null(Single(InteractionHistory.Of(call.Record, 0), HistoryTypes.Accepted).QueueId);
    }

    [Fact]
    public void An_agents_state_changes_record_the_state_left_its_code_and_how_long_it_lasted()
    {
        var t0 = InteractionScenario.T0;
        StateAuditEntry Entry(long sequence, AuditEntryKind kind, AgentState from, AgentState to, string? code, int atSeconds) =>
            new(sequence, kind, from, to, code, StateActor.Agent, "a1", null, t0.AddSeconds(atSeconds));
        StateAuditEntry[] trail =
        [
            Entry(1, AuditEntryKind.Transition, AgentState.LoggedOut, AgentState.Available, null, 0),
            Entry(2, AuditEntryKind.Transition, AgentState.Available, AgentState.Break, "lunch", 100),
            Entry(3, AuditEntryKind.NextStateRequested, AgentState.Break, AgentState.Offline, "training", 150),
            Entry(4, AuditEntryKind.Transition, AgentState.Break, AgentState.Available, null, 1900),
        ];

        var events = AgentHistory.Of("a1", trail, recordedThrough: 1);

        Assert.Equal(["a:a1:2", "a:a1:4"], events.Select(e => e.Id));
        Assert.Equal(("Break", "lunch", "Available", null, 100.0), (events[0].State, events[0].Code, events[0].FromState, events[0].FromCode, events[0].Seconds));
        Assert.Equal(("Available", null, "Break", "lunch", 1800.0), (events[1].State, events[1].Code, events[1].FromState, events[1].FromCode, events[1].Seconds));
        Assert.Null(AgentHistory.Of("a1", trail[1..], 0)[0].Seconds); // the state left began before the trail: unknown
    }

    private static HistoryEvent Single(IEnumerable<HistoryEvent> events, string type) => Assert.Single(events, e => e.Type == type);

    private static (string? Queue, string? Agent, double? Seconds) Facts(HistoryEvent e) => (e.QueueId, e.AgentId, e.Seconds);
}
