using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using Switchboard.Contracts;
using Switchboard.Contracts.Reports;
using Switchboard.Domain.Reports;

namespace Switchboard.Grains.Reports;

/// <summary>
/// The embedded default's event history: this process's memory, a day per tenant (as <see cref="MemoryEventHistory"/>
/// keeps them in grains), with no grain call or copy between an append and its day. Only for a silo that is the whole
/// cluster, like the in-process grain storage beside it.
/// </summary>
public sealed class InProcessEventHistory : IEventHistoryStore
{
    private readonly ConcurrentDictionary<string, HistoryDay> days = new(StringComparer.Ordinal);

    public Task Append(string tenantId, IReadOnlyList<HistoryEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        foreach (var group in events.GroupBy(e => GrainKeys.HistoryDay(tenantId, e.At)))
        {
            var day = days.GetOrAdd(group.Key, static _ => new HistoryDay());
            lock (day)
            {
                day.Append(group);
            }
        }

        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<HistoryEvent> Read(
        string tenantId, DateTimeOffset from, DateTimeOffset to, HistoryFilter? filter = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var date = from.UtcDateTime.Date; date < to.UtcDateTime; date = date.AddDays(1))
        {
            var midnight = new DateTimeOffset(date, TimeSpan.Zero);
            if (!days.TryGetValue(GrainKeys.HistoryDay(tenantId, midnight), out var day))
            {
                continue;
            }

            var start = from > midnight ? from : midnight;
            string? afterId = null;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                HistoryDayPage page;
                lock (day)
                {
                    page = day.Read(start, to, filter, afterId, MemoryEventHistory.PageSize);
                }

                foreach (var e in page.Events)
                {
                    yield return e;
                }

                if (!page.More)
                {
                    break;
                }

                (start, afterId) = (page.Events[^1].At, page.Events[^1].Id);
                await Task.Yield(); // a long read lets others append between pages
            }
        }
    }

    public Task Prune(DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        var beforeDay = before.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        foreach (var key in days.Keys.Where(k => string.CompareOrdinal(k[(k.LastIndexOf(GrainKeys.Separator) + 1)..], beforeDay) < 0))
        {
            days.TryRemove(key, out _);
        }

        return Task.CompletedTask;
    }
}
