using Switchboard.Contracts;
using Switchboard.Contracts.Agents;
using Switchboard.Contracts.Interactions;
using Switchboard.Contracts.Queues;
using Switchboard.Contracts.Reports;
using Switchboard.Contracts.Tenancy;
using Switchboard.Domain.Agents;
using Switchboard.Domain.Interactions;
using Switchboard.Domain.Queues;
using Switchboard.Domain.Reports;
using Switchboard.Grains.Reports;

namespace Switchboard.Grains.Tests;

/// <summary>The event history on the two-silo cluster: what grains append, at least once and kept once, and what is counted from it.</summary>
[Collection(ClusterCollection.Name)]
public sealed class EventHistoryTests(ClusterFixture fixture)
{
    private readonly IClusterClient client = fixture.Client;

    private MemoryEventHistory History => new(client);

    [Fact]
    public async Task A_call_and_its_agent_are_in_the_history_once_however_often_they_are_reactivated()
    {
        var tenant = TestIds.Tenant();
        var from = fixture.Time.GetUtcNow();
        var agent = await client.AvailableAgent(tenant, "a1");
        await client.CreateQueue(tenant, "support", RoutingTestHelpers.Queue(), ("a1", 5));
        var call = await client.InboundCall(tenant, "i1", "support");
        await call.OfferedTo("a1");
        fixture.Time.Advance(TimeSpan.FromSeconds(7));
        await call.Act(InteractionActionKind.Accept, "a1");
        fixture.Time.Advance(TimeSpan.FromSeconds(60));
        await call.Act(InteractionActionKind.End, "a1");
        fixture.Time.Advance(TimeSpan.FromSeconds(9));
        var done = await call.Act(InteractionActionKind.WrapUp, "a1");
        for (var i = 0; i < 3; i++)
        {
            await fixture.DeactivateAllAsync(call, agent);
            await call.Get();
            await agent.GetState();
        }

        var events = await Read(tenant, from);

        Assert.Equal(events.Count, events.Select(e => e.Id).Distinct().Count());
        var ofCall = events.Where(e => e.InteractionId == "i1").ToList();
        Assert.Equal(done.Timeline.Select(t => t.Type), ofCall.Select(e => e.Type));
        Assert.Equal(7, ofCall.Single(e => e.Type == HistoryTypes.Accepted).Seconds);
        Assert.Equal(60, ofCall.Single(e => e.Type == HistoryTypes.Ended).Seconds);
        var transitions = (await agent.ReadAllHistory(50)).Where(e => e.Kind == AuditEntryKind.Transition).OrderBy(e => e.Sequence).ToList();
        var ofAgent = events.Where(e => e.Type == HistoryTypes.AgentState).ToList();
        Assert.Equal(transitions.Select(t => (t.From.ToString(), t.To.ToString())), ofAgent.Select(e => (e.FromState!, e.State!)));
        Assert.Equal([AgentState.Available, AgentState.Busy, AgentState.WrapUp, AgentState.Available], transitions.Select(t => t.To));
        Assert.Equal(60, ofAgent.Single(e => e.FromState == "Busy").Seconds); // busy from the accept to the end
    }

    [Fact]
    public async Task Appends_that_failed_are_made_by_the_next_activation()
    {
        var tenant = TestIds.Tenant();
        var from = fixture.Time.GetUtcNow();
        fixture.HistoryFaults.Fail(tenant);
        IAgentGrain agent;
        IInteractionGrain call;
        try
        {
            agent = await client.AvailableAgent(tenant, "a1");
            await client.CreateQueue(tenant, "support", RoutingTestHelpers.Queue(), ("a1", 5));
            call = await client.InboundCall(tenant, "i1", "support");
            await call.OfferedTo("a1");
            await call.Act(InteractionActionKind.Accept, "a1");
            Assert.Empty(await Read(tenant, from)); // stored and acknowledged, not yet in the history
        }
        finally
        {
            fixture.HistoryFaults.Heal(tenant);
        }

        await fixture.DeactivateAllAsync(call, agent);
        var view = (await call.Get())!;
        await agent.GetState();

        var events = await Read(tenant, from);
        Assert.Equal(view.Timeline.Select(t => t.Type), events.Where(e => e.InteractionId == "i1").Select(e => e.Type));
        Assert.Equal(["Available", "Busy"], events.Where(e => e.Type == HistoryTypes.AgentState).Select(e => e.State));
    }

    [Fact]
    public async Task Chat_messages_are_in_the_history_once_those_that_failed_appended_by_the_next_post_or_activation()
    {
        var tenant = TestIds.Tenant();
        var from = fixture.Time.GetUtcNow();
        await client.AvailableAgent(tenant, "a1");
        await client.CreateQueue(tenant, "chat", ChatTestHelpers.ChatQueue(), ("a1", 5));
        var chat = await client.AcceptedChat(tenant, "chat-1", "chat", "a1");
        var posted = await chat.Converse(fixture.Time, "a1", 1, 10);

        fixture.HistoryFaults.Fail(tenant);
        try
        {
            posted.AddRange(await chat.Converse(fixture.Time, "a1", 11, 15)); // stored and acknowledged, not in the history
            Assert.Equal(10, (await Read(tenant, from)).Count(e => e.Type == HistoryTypes.Message));
        }
        finally
        {
            fixture.HistoryFaults.Heal(tenant);
        }

        posted.AddRange(await chat.Converse(fixture.Time, "a1", 16, 16)); // takes 11 to 15 with it
        Assert.Equal(16, (await Read(tenant, from)).Count(e => e.Type == HistoryTypes.Message));

        fixture.HistoryFaults.Fail(tenant);
        try
        {
            posted.AddRange(await chat.Converse(fixture.Time, "a1", 17, 60)); // across the second page
        }
        finally
        {
            fixture.HistoryFaults.Heal(tenant);
        }

        await fixture.DeactivateAllAsync(chat);
        await chat.Get();
        await fixture.DeactivateAllAsync(chat);
        await chat.Get();

        var messages = (await Read(tenant, from)).Where(e => e.Type == HistoryTypes.Message).ToList();
        Assert.Equal(posted.Select(m => "m:chat-1:" + m.Sequence), messages.Select(e => e.Id));
        Assert.Equal(posted.Select(m => (m.At, m.Sender.ToString().ToLowerInvariant(), m.AgentId)), messages.Select(e => (e.At, e.Code!, e.AgentId)));
        Assert.All(messages, e => Assert.Equal(("chat", "chat-1", MediaType.Chat), (e.QueueId!, e.InteractionId!, e.Media!.Value)));
        Assert.Equal(30, messages.Count(e => e.AgentId == "a1"));
    }

    [Fact]
    public async Task Queue_figures_rebuilt_from_the_history_equal_the_live_ones_and_the_days_report()
    {
        var tenant = TestIds.Tenant();
        var agent = await client.AvailableAgent(tenant, "a1");
        await client.CreateQueue(tenant, "support", RoutingTestHelpers.Queue(offerTimeoutSeconds: 60, codes: ["sale"], codeRequired: true), ("a1", 5));
        var figures = client.GetGrain<IQueueFiguresGrain>(GrainKeys.Queue(tenant, "support"));
        await figures.Get(); // live from here on: it hears of each event once stored
        var answered = await client.InboundCall(tenant, "answered", "support");
        var abandoned = await client.InboundCall(tenant, "abandoned", "support");
        await answered.OfferedTo("a1");
        fixture.Time.Advance(TimeSpan.FromSeconds(25));
        await answered.Act(InteractionActionKind.Accept, "a1");
        await abandoned.ReportLeg("L1", LegEventKind.Ended);
        fixture.Time.Advance(TimeSpan.FromSeconds(100));
        await answered.Act(InteractionActionKind.End, "a1");
        fixture.Time.Advance(TimeSpan.FromSeconds(20));
        await answered.Act(InteractionActionKind.WrapUp, "a1", codes: ["sale"]);

        QueueLiveFigures live = null!;
        for (var i = 0; i < 1000 && live?.Today is not { Offered: 2, Answered: 1, Abandoned: 1, Handled: 1 }; i++)
        {
            live = await figures.Get(); // the events reach it one way
            await Task.Delay(2);
        }

        await fixture.DeactivateAllAsync(figures);
        var rebuilt = await figures.Get();
        var day = await client.GetGrain<IReportsGrain>(tenant).Queues(
            new QueueReportQuery(live.Today.From, live.Today.From.AddDays(1), ReportInterval.Day, "UTC", "support", 0, 10));

        Assert.Equal(live.Today, rebuilt.Today);
        Assert.Equal(live.LastThirtyMinutes, rebuilt.LastThirtyMinutes);
        Assert.Equal((2, 1, 0, 1, 1), (live.Today.Offered, live.Today.Answered, live.Today.AnsweredWithinServiceLevel, live.Today.Abandoned, live.Today.Handled));
        Assert.Equal(0, live.Today.ServiceLevelPercent); // answered after 25 s, the other left after 25 s
        Assert.Equal(25, live.Today.AverageSpeedOfAnswerSeconds);
        Assert.Equal(120, live.Today.AverageHandleSeconds); // 100 s talk + 20 s wrap-up
        var row = Assert.Single(day.Rows).Figures;
        Assert.Equal(live.Today with { To = row.To }, row);
        Assert.Equal(live.Today.From.AddDays(1), row.To);
    }

    [Fact]
    public async Task Figures_whose_rebuild_fails_part_way_stay_whole_with_the_settings_they_were_built_with_until_it_succeeds()
    {
        var tenant = TestIds.Tenant();
        await client.AvailableAgent(tenant, "a1");
        await client.CreateQueue(tenant, "support", RoutingTestHelpers.Queue(), ("a1", 5));
        var figures = client.GetGrain<IQueueFiguresGrain>(GrainKeys.Queue(tenant, "support"));
        await figures.Get();
        var call = await client.InboundCall(tenant, "i1", "support");
        await call.OfferedTo("a1");
        await call.Act(InteractionActionKind.Accept, "a1");
        QueueLiveFigures live = null!;
        for (var i = 0; i < 1000 && live?.Today is not { Offered: 1, Answered: 1 }; i++)
        {
            live = await figures.Get(); // the events reach it one way
            await Task.Delay(2);
        }

        fixture.HistoryFaults.FailReads(tenant);
        try
        {
            await client.GetGrain<ITenantGrain>(tenant).SetSettings(new TenantSettings("Europe/Rome")); // its telling fails
            fixture.Time.Advance(QueueFiguresGrain.SettingsAge); // so a read sees the new zone and reads again: and fails part way
            var served = await figures.Get();
            Assert.Equal(("UTC", live.Today with { To = served.Today.To }), (served.TimeZone, served.Today)); // whole, by the zone it was built with

        }
        finally
        {
            fixture.HistoryFaults.Heal(tenant);
        }

        fixture.Time.Advance(QueueFiguresGrain.RefreshRetry);
        var rebuilt = await figures.Get(); // the failed read is tried again
        Assert.Equal(("Europe/Rome", 1, 1), (rebuilt.TimeZone, rebuilt.Today.Offered, rebuilt.Today.Answered));
    }

    [Fact]
    public async Task A_state_held_through_a_report_and_well_past_it_counts_whole_from_the_change_that_ended_it()
    {
        var tenant = TestIds.Tenant();
        var agent = await client.AvailableAgent(tenant, "a1");
        fixture.Time.Advance(TimeSpan.FromHours(1));
        await agent.ChangeState(new StateChangeRequest(AgentState.Offline, null, StateActor.Supervisor, "s1", null, null));
        var offline = fixture.Time.GetUtcNow();
        fixture.Time.Advance(TimeSpan.FromDays(3)); // a long weekend: nothing in the report's day nor the day after
        await agent.ChangeState(new StateChangeRequest(AgentState.Available, null, StateActor.Supervisor, "s1", null, null));
        await fixture.DeactivateAllAsync(agent); // its appends are made

        var reports = client.GetGrain<IReportsGrain>(tenant);
        var day = await reports.Agents(new AgentReportQuery(offline.AddHours(1), offline.AddHours(25), null, "UTC", "a1", null, 0, 1));
        var days = await reports.Agents(new AgentReportQuery(offline, offline.AddDays(3), ReportInterval.Day, "UTC", "a1", null, 0, 10)); // whole days

        Assert.Equal([new StateTime("Offline", null, 86_400)], Assert.Single(day.Rows).States);
        Assert.Equal(4, days.Rows.Count);
        Assert.Equal([[new StateTime("Offline", null, 86_400)], [new StateTime("Offline", null, 86_400)]], days.Rows.Skip(1).Take(2).Select(r => r.States));
    }

    [Fact]
    public async Task An_agent_whose_append_failed_appends_again_on_its_own_while_it_changes_nothing()
    {
        var tenant = TestIds.Tenant();
        var from = fixture.Time.GetUtcNow();
        var agent = await client.AvailableAgent(tenant, "a1");
        await fixture.DeactivateAllAsync(agent); // its first change appended
        fixture.HistoryFaults.Fail(tenant);
        try
        {
            await agent.ChangeState(new StateChangeRequest(AgentState.Break, null, StateActor.Supervisor, "s1", null, null));
            await agent.GetState(); // the failed append is behind it
        }
        finally
        {
            fixture.HistoryFaults.Heal(tenant);
        }

        Assert.Equal(["Available"], (await Read(tenant, from)).Where(e => e.Type == HistoryTypes.AgentState).Select(e => e.State));
        List<string?> states = [];
        for (var i = 0; i < 200 && states.Count < 2; i++)
        {
            fixture.Time.Advance(Agents.AgentGrain.FirstHistoryRetry); // the retry is due on the business clock once the failure is seen
            await Task.Delay(5);
            states = [.. (await Read(tenant, from)).Where(e => e.Type == HistoryTypes.AgentState).Select(e => e.State)];
        }

        Assert.Equal(["Available", "Break"], states);
    }

    [Fact]
    public async Task A_later_page_counts_an_agents_time_only_up_to_the_instant_of_the_first()
    {
        var tenant = TestIds.Tenant();
        var from = fixture.Time.GetUtcNow();
        var agent = await client.AvailableAgent(tenant, "a1");
        fixture.Time.Advance(TimeSpan.FromHours(1));
        var asOf = fixture.Time.GetUtcNow(); // the first page's
        fixture.Time.Advance(TimeSpan.FromMinutes(3));
        await agent.ChangeState(new StateChangeRequest(AgentState.Break, null, StateActor.Supervisor, "s1", null, null));
        await fixture.DeactivateAllAsync(agent); // its appends are made

        var later = await client.GetGrain<IReportsGrain>(tenant).Agents(new AgentReportQuery(from, asOf.AddHours(1), null, "UTC", "a1", null, 0, 1, asOf));

        Assert.Equal([new StateTime("Available", null, 3_600)], Assert.Single(later.Rows).States);
    }

    [Fact]
    public async Task Retention_drops_the_days_before_it()
    {
        var tenant = TestIds.Tenant();
        var old = new DateTimeOffset(2029, 12, 30, 10, 0, 0, TimeSpan.Zero);
        await History.Append(tenant, [new HistoryEvent("old", old, HistoryTypes.Queued, QueueId: "q"), new HistoryEvent("kept", old.AddDays(1), HistoryTypes.Queued, QueueId: "q")]);

        await History.Prune(old.AddDays(1).Date);

        Assert.Equal(["kept"], (await Read(tenant, old.AddDays(-1))).Select(e => e.Id));
    }

    [Fact]
    public async Task The_same_event_appended_again_is_read_once_and_reads_page_through_a_busy_day()
    {
        var tenant = TestIds.Tenant();
        var at = new DateTimeOffset(2030, 1, 1, 8, 0, 0, TimeSpan.Zero);
        var events = Enumerable.Range(0, MemoryEventHistory.PageSize + 7)
            .Select(i => new HistoryEvent("e" + i.ToString("D5", System.Globalization.CultureInfo.InvariantCulture), at.AddMilliseconds(i % 3), HistoryTypes.Queued, QueueId: i % 2 == 0 ? "even" : "odd"))
            .ToList();
        await History.Append(tenant, events);
        await History.Append(tenant, events[..10]);

        var read = await Read(tenant, at);
        var even = new List<HistoryEvent>();
        await foreach (var e in History.Read(tenant, at, at.AddHours(1), new HistoryFilter(QueueId: "even")))
        {
            even.Add(e);
        }

        Assert.Equal(events.OrderBy(e => e.At).ThenBy(e => e.Id, StringComparer.Ordinal), read);
        Assert.Equal(events.Where(e => e.QueueId == "even").OrderBy(e => e.At).ThenBy(e => e.Id, StringComparer.Ordinal), even);
    }

    private async Task<List<HistoryEvent>> Read(string tenant, DateTimeOffset from)
    {
        var events = new List<HistoryEvent>();
        await foreach (var e in History.Read(tenant, from.AddMinutes(-1), fixture.Time.GetUtcNow().AddHours(1)))
        {
            events.Add(e);
        }

        return events;
    }
}
