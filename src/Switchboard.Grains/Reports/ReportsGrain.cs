using Orleans.Concurrency;
using Switchboard.Contracts;
using Switchboard.Contracts.Agents;
using Switchboard.Contracts.Queues;
using Switchboard.Contracts.Reports;
using Switchboard.Domain.Reports;
using Switchboard.Domain.Tenancy;

namespace Switchboard.Grains.Reports;

/// <summary>
/// Reports computed from the event history (see <see cref="IReportsGrain"/>): one pass over the period's events, a tally
/// per queue and row. Any silo computes them (a stateless worker); the pages of one report are served from the rows of
/// the first for a minute, so paging through a report reads the history once.
/// </summary>
[StatelessWorker]
public sealed class ReportsGrain(
    IEventHistoryStore history,
    [FromKeyedServices(SwitchboardClock.ServiceKey)] TimeProvider time) : Grain, IReportsGrain
{
    /// <summary>How long computed rows serve further pages of the same report.</summary>
    internal static readonly TimeSpan Reuse = TimeSpan.FromMinutes(1);

    private const int ReportsKept = 4;

    private readonly List<(object Query, DateTimeOffset At, object Rows)> computed = [];

    public async Task<QueueReportPage> Queues(QueueReportQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var rows = await Rows(query with { Offset = 0, Limit = 0 }, () => Compute(query, cancellationToken));
        var (page, next) = Page(rows, query.Offset, query.Limit);
        return new QueueReportPage(page, rows.Count, next);
    }

    public async Task<AgentReportPage> Agents(AgentReportQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var rows = await Rows(query with { Offset = 0, Limit = 0 }, () => Compute(query, cancellationToken));
        var (page, next) = Page(rows, query.Offset, query.Limit);
        return new AgentReportPage(page, rows.Count, next);
    }

    /// <summary>The rows of a report computed in the last <see cref="Reuse"/>, or computed now.</summary>
    private async Task<IReadOnlyList<T>> Rows<T>(object whole, Func<Task<IReadOnlyList<T>>> compute)
    {
        var now = time.GetUtcNow();
        computed.RemoveAll(c => now - c.At >= Reuse);
        if (computed.Find(c => c.Query.Equals(whole)).Rows is IReadOnlyList<T> kept)
        {
            return kept;
        }

        var rows = await compute();
        computed.Add((whole, now, rows));
        if (computed.Count > ReportsKept)
        {
            computed.RemoveAt(0);
        }

        return rows;
    }

    private static (List<T> Page, int? Next) Page<T>(IReadOnlyList<T> rows, int offset, int limit)
    {
        var page = rows.Skip(offset).Take(limit).ToList();
        return (page, offset + page.Count < rows.Count ? offset + page.Count : null);
    }

    private async Task<IReadOnlyList<QueueReportRow>> Compute(QueueReportQuery query, CancellationToken cancellationToken)
    {
        var tenantId = this.GetPrimaryKeyString();
        var periods = ReportCalendar.Periods(query.From, query.To, query.Interval, TimeZones.FindOrUtc(query.TimeZone));
        var tallies = new SortedDictionary<string, QueueTally?[]>(StringComparer.Ordinal);
        var thresholds = new Dictionary<string, QueueThresholds>(StringComparer.Ordinal);
        if (query.QueueId is { } only)
        {
            // Its rows even for a period without activity.
            thresholds[only] = await Thresholds(tenantId, only, cancellationToken);
            tallies[only] = new QueueTally?[periods.Count];
        }

        if (periods.Count > 0)
        {
            var filter = query.QueueId is null ? null : new HistoryFilter(QueueId: query.QueueId);
            var asOf = AsOf(query.AsOf).AddTicks(1);
            var readTo = periods[^1].End < asOf ? periods[^1].End : asOf;
            await foreach (var e in history.Read(tenantId, periods[0].Start, readTo > periods[0].Start ? readTo : periods[0].Start, filter, cancellationToken))
            {
                if (!QueueTally.Counts(e) || ReportCalendar.IndexOf(periods, e.At) is var index && index < 0)
                {
                    continue;
                }

                var queueId = e.QueueId!;
                if (!tallies.TryGetValue(queueId, out var row))
                {
                    thresholds[queueId] = await Thresholds(tenantId, queueId, cancellationToken);
                    tallies[queueId] = row = new QueueTally?[periods.Count];
                }

                (row[index] ??= new QueueTally(thresholds[queueId])).Add(e);
            }
        }

        var rows = new List<QueueReportRow>(periods.Count * tallies.Count);
        for (var i = 0; i < periods.Count; i++)
        {
            foreach (var (queueId, row) in tallies)
            {
                var limits = thresholds[queueId];
                var tally = row[i] ?? new QueueTally(limits);
                rows.Add(new QueueReportRow(queueId, limits.ServiceLevelSeconds, limits.AbandonThresholdSeconds, QueueFigures.Of(tally, periods[i].Start, periods[i].End)));
            }
        }

        return rows;
    }

    /// <summary>How far past a report's end its reading goes to find the change that ends the state an agent was last in.</summary>
    internal static readonly TimeSpan Lookahead = TimeSpan.FromDays(1);

    private async Task<IReadOnlyList<AgentFigures>> Compute(AgentReportQuery query, CancellationToken cancellationToken)
    {
        var tenantId = this.GetPrimaryKeyString();
        var zone = TimeZones.FindOrUtc(query.TimeZone);
        IReadOnlyList<ReportPeriod> periods = query.Interval is { } interval
            ? ReportCalendar.Periods(query.From, query.To, interval, zone)
            : [new ReportPeriod(query.From, query.To)];
        if (periods.Count == 0)
        {
            return [];
        }

        var members = await Members(tenantId, query, cancellationToken);
        var now = AsOf(query.AsOf);
        var start = periods[0].Start;
        var end = periods[^1].End;
        // Read on past the end to find the change that ends the state each agent was last in; never past now (an event
        // stamped now included).
        var heldUntil = end + Lookahead < now ? end + Lookahead : now;
        var readTo = heldUntil == now ? now.AddTicks(1) : heldUntil;
        var tallies = new SortedDictionary<string, AgentTally[]>(StringComparer.Ordinal);
        AgentTally[] Row(string agentId) =>
            tallies.TryGetValue(agentId, out var row) ? row : tallies[agentId] = [.. periods.Select(p => new AgentTally(p.Start, p.End))];
        foreach (var agentId in members ?? [])
        {
            Row(agentId);
        }

        // Counted as read: only the tallies and each agent's last state change are held, not the events.
        var lastChange = new Dictionary<string, HistoryEvent>(StringComparer.Ordinal);
        var filter = query.AgentId is null ? null : new HistoryFilter(AgentId: query.AgentId);
        await foreach (var e in history.Read(tenantId, start, readTo > start ? readTo : start, filter, cancellationToken))
        {
            if (!AgentTally.Counts(e) || (members is not null && !members.Contains(e.AgentId!)))
            {
                continue;
            }

            foreach (var tally in Overlapping(Row(e.AgentId!), e))
            {
                tally.Add(e);
            }

            if (e.Type == HistoryTypes.AgentState)
            {
                lastChange[e.AgentId!] = e;
            }
        }

        // The state the agent entered with its last change in the reading is held until the reading's end at least. A
        // reading up to now asks the agent too: a change it stored a moment ago may not be in the history yet. An agent
        // with no change in the reading has been in its current state since then, if that began before the end; if it
        // began after, the state held then is the one its first later change left, looked for further on.
        var unresolved = new HashSet<string>(StringComparer.Ordinal);
        var lastBegun = heldUntil;
        foreach (var (agentId, row) in tallies)
        {
            var last = lastChange.GetValueOrDefault(agentId);
            var current = last is null || readTo >= now ? await Current(tenantId, agentId, cancellationToken) : null;
            var spans = new List<(string State, string? Code, DateTimeOffset Since)>();
            if (last is not null)
            {
                spans.Add((last.State!, last.Code, last.At));
            }
            else if (current is { } later && later.Since > heldUntil)
            {
                unresolved.Add(agentId);
                lastBegun = later.Since > lastBegun ? later.Since : lastBegun;
            }

            // A state begun after the report's instant (a later page's) is not the report's.
            if (current is { } held && held.Since <= heldUntil && (last is null || held.Since > last.At))
            {
                spans.Add(held);
            }

            for (var i = 0; i < spans.Count; i++)
            {
                var until = i + 1 < spans.Count && spans[i + 1].Since < heldUntil ? spans[i + 1].Since : heldUntil;
                foreach (var tally in row)
                {
                    tally.AddSpan(spans[i].State, spans[i].Code, spans[i].Since, until);
                }
            }
        }

        await HeldThroughout(tenantId, unresolved, tallies, readTo, lastBegun, heldUntil, cancellationToken);
        var rows = new List<AgentFigures>(periods.Count * tallies.Count);
        for (var i = 0; i < periods.Count; i++)
        {
            foreach (var (agentId, row) in tallies)
            {
                rows.Add(AgentFigures.Of(agentId, row[i]));
            }
        }

        return rows;
    }

    /// <summary>
    /// For agents that made no change from the report's start to past its end, and whose current state began after:
    /// the state they held, from the first change they made later (the state it left, and since when), read on in
    /// widening steps until every one is found or the latest of their current states began.
    /// </summary>
    private async Task HeldThroughout(
        string tenantId, HashSet<string> agents, SortedDictionary<string, AgentTally[]> tallies, DateTimeOffset from, DateTimeOffset lastBegun, DateTimeOffset heldUntil,
        CancellationToken cancellationToken)
    {
        // Each one's first later change is at the latest when its current state began: no reading goes past that.
        var step = Lookahead;
        while (agents.Count > 0 && from <= lastBegun)
        {
            var to = lastBegun - from > step ? from + step : lastBegun.AddTicks(1);
            var filter = agents.Count == 1 ? new HistoryFilter(AgentId: agents.First()) : null;
            await foreach (var e in history.Read(tenantId, from, to, filter, cancellationToken))
            {
                if (e.Type == HistoryTypes.AgentState && e.AgentId is { } agentId && agents.Remove(agentId) && e.FromState is { } left && e.Seconds is { } seconds)
                {
                    foreach (var tally in tallies[agentId])
                    {
                        tally.AddSpan(left, e.FromCode, e.At.AddTicks(-QueueTally.Ticks(seconds)), e.At < heldUntil ? e.At : heldUntil);
                    }
                }
            }

            from = to;
            step *= 2;
        }
    }

    /// <summary>The instant a report is as of: the one asked (a page after the first), never later than now.</summary>
    private DateTimeOffset AsOf(DateTimeOffset? asked)
    {
        var now = time.GetUtcNow();
        return asked is { } at && at < now ? at : now;
    }

    /// <summary>The periods an event counts in: a state change in every period the state it ends overlaps, any other in its own.</summary>
    private static IEnumerable<AgentTally> Overlapping(AgentTally[] row, HistoryEvent e)
    {
        if (e.Type != HistoryTypes.AgentState)
        {
            return row.Where(t => t.From <= e.At && e.At < t.To);
        }

        var spanStart = e.At.AddTicks(-QueueTally.Ticks(e.Seconds));
        return row.Where(t => spanStart < t.To && e.At > t.From);
    }

    /// <summary>The agents of the report: the one asked for, a group's (from the roster), or null for every agent with activity.</summary>
    private async Task<HashSet<string>?> Members(string tenantId, AgentReportQuery query, CancellationToken cancellationToken)
    {
        if (query.AgentId is { } agentId)
        {
            return [agentId];
        }

        if (query.Group is not { } group)
        {
            return null;
        }

        var members = new HashSet<string>(StringComparer.Ordinal);
        var roster = GrainFactory.GetGrain<IAgentRosterGrain>(tenantId);
        string? after = null;
        do
        {
            var page = await roster.ListGroup(group, after, 500, cancellationToken);
            members.UnionWith(page.Items.Select(a => a.Id));
            after = page.NextAfter;
        }
        while (after is not null);
        return members;
    }

    /// <summary>An agent's state now, for one with no change in the reading: in it since then.</summary>
    private async Task<(string State, string? Code, DateTimeOffset Since)?> Current(string tenantId, string agentId, CancellationToken cancellationToken) =>
        await GrainFactory.GetGrain<IAgentGrain>(GrainKeys.Agent(tenantId, agentId)).GetState(cancellationToken) is { } view
            ? (view.State.ToString(), view.ReasonCode, view.Since)
            : null;

    /// <summary>The queue's thresholds now (a deleted queue's: the defaults).</summary>
    private async Task<QueueThresholds> Thresholds(string tenantId, string queueId, CancellationToken cancellationToken) =>
        await GrainFactory.GetGrain<IQueueGrain>(GrainKeys.Queue(tenantId, queueId)).Get(cancellationToken) is { } queue
            ? QueueThresholds.Of(queue.Config.ToSettings())
            : QueueThresholds.Default;
}
