using Orleans.Concurrency;
using Switchboard.Contracts;
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

    private readonly List<(QueueReportQuery Query, DateTimeOffset At, IReadOnlyList<QueueReportRow> Rows)> computed = [];

    public async Task<QueueReportPage> Queues(QueueReportQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var whole = query with { Offset = 0, Limit = 0 };
        var now = time.GetUtcNow();
        computed.RemoveAll(c => now - c.At >= Reuse);
        var rows = computed.Find(c => c.Query == whole).Rows;
        if (rows is null)
        {
            rows = await Compute(query, cancellationToken);
            computed.Add((whole, now, rows));
            if (computed.Count > ReportsKept)
            {
                computed.RemoveAt(0);
            }
        }

        var page = rows.Skip(query.Offset).Take(query.Limit).ToList();
        var next = query.Offset + page.Count < rows.Count ? query.Offset + page.Count : (int?)null;
        return new QueueReportPage(page, rows.Count, next);
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
            await foreach (var e in history.Read(tenantId, periods[0].Start, periods[^1].End, filter, cancellationToken))
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

    /// <summary>The queue's thresholds now (a deleted queue's: the defaults).</summary>
    private async Task<QueueThresholds> Thresholds(string tenantId, string queueId, CancellationToken cancellationToken) =>
        await GrainFactory.GetGrain<IQueueGrain>(GrainKeys.Queue(tenantId, queueId)).Get(cancellationToken) is { } queue
            ? QueueThresholds.Of(queue.Config.ToSettings())
            : QueueThresholds.Default;
}
