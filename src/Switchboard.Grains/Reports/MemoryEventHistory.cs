using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using Switchboard.Contracts;
using Switchboard.Contracts.Reports;
using Switchboard.Domain.Reports;

namespace Switchboard.Grains.Reports;

/// <summary>
/// The event history of the in-memory storage provider: one grain per tenant and UTC day (<see cref="IHistoryDayGrain"/>),
/// so every process of the cluster reads the same history. Gone with the cluster, like the rest of in-memory state.
/// </summary>
public sealed class MemoryEventHistory(IGrainFactory grains) : IEventHistoryStore
{
    /// <summary>How many events one read of a day grain returns.</summary>
    internal const int PageSize = 5_000;

    /// <summary>The day grains this process has put in the catalog (a day is registered once per process).</summary>
    private readonly ConcurrentDictionary<string, bool> registered = new(StringComparer.Ordinal);

    public async Task Append(string tenantId, IReadOnlyList<HistoryEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        var catalog = grains.GetGrain<IHistoryCatalogGrain>(IHistoryCatalogGrain.Key);
        await Task.WhenAll(events.GroupBy(e => GrainKeys.HistoryDay(tenantId, e.At)).Select(async day =>
        {
            if (!registered.ContainsKey(day.Key))
            {
                await catalog.Register(day.Key);
                registered.TryAdd(day.Key, true);
            }

            await grains.GetGrain<IHistoryDayGrain>(day.Key).Append([.. day]);
        }));
    }

    public async IAsyncEnumerable<HistoryEvent> Read(
        string tenantId, DateTimeOffset from, DateTimeOffset to, HistoryFilter? filter = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var day = from.UtcDateTime.Date; day < to.UtcDateTime; day = day.AddDays(1))
        {
            var grain = grains.GetGrain<IHistoryDayGrain>(GrainKeys.HistoryDay(tenantId, new DateTimeOffset(day, TimeSpan.Zero)));
            var start = from > new DateTimeOffset(day, TimeSpan.Zero) ? from : new DateTimeOffset(day, TimeSpan.Zero);
            string? afterId = null;
            while (true)
            {
                var page = await grain.Read(start, to, filter, afterId, PageSize, cancellationToken);
                foreach (var e in page.Events)
                {
                    yield return e;
                }

                if (!page.More)
                {
                    break;
                }

                (start, afterId) = (page.Events[^1].At, page.Events[^1].Id);
            }
        }
    }

    public async Task Prune(DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        var beforeDay = before.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var days = await grains.GetGrain<IHistoryCatalogGrain>(IHistoryCatalogGrain.Key).TakeBefore(beforeDay);
        foreach (var day in days)
        {
            registered.TryRemove(day, out _);
            await grains.GetGrain<IHistoryDayGrain>(day).Drop();
        }
    }
}
