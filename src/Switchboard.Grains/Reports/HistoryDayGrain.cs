using Switchboard.Contracts.Reports;
using Switchboard.Domain.Reports;

namespace Switchboard.Grains.Reports;

/// <summary>
/// One tenant's in-memory history of one UTC day (see <see cref="IHistoryDayGrain"/>): never collected while idle, since
/// its events live nowhere else; dropped by retention.
/// </summary>
[KeepAlive]
public sealed class HistoryDayGrain : Grain, IHistoryDayGrain
{
    private readonly SortedSet<HistoryEvent> events = new(HistoryOrder.Instance);
    private readonly HashSet<string> ids = new(StringComparer.Ordinal);

    public Task Append(IReadOnlyList<HistoryEvent> appended)
    {
        ArgumentNullException.ThrowIfNull(appended);
        foreach (var e in appended)
        {
            if (ids.Add(e.Id))
            {
                events.Add(e);
            }
        }

        return Task.CompletedTask;
    }

    public Task<HistoryDayPage> Read(DateTimeOffset from, DateTimeOffset to, HistoryFilter? filter, string? afterId, int limit, CancellationToken cancellationToken = default)
    {
        var page = new List<HistoryEvent>(Math.Min(limit, 1024));
        var low = new HistoryEvent(afterId ?? "", from, "");
        if (from < to && events.Count > 0 && HistoryOrder.Instance.Compare(low, events.Max!) <= 0)
        {
            foreach (var e in events.GetViewBetween(low, events.Max!))
            {
                if (e.At >= to || page.Count == limit)
                {
                    break;
                }

                if ((afterId is null || e.At != from || string.CompareOrdinal(e.Id, afterId) > 0) && (filter is null || filter.Matches(e)))
                {
                    page.Add(e);
                }
            }
        }

        var more = page.Count == limit;
        return Task.FromResult(new HistoryDayPage(page, more));
    }

    public Task Drop()
    {
        events.Clear();
        ids.Clear();
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}

/// <summary>The history's order: by time, then by id.</summary>
internal sealed class HistoryOrder : IComparer<HistoryEvent>
{
    public static HistoryOrder Instance { get; } = new();

    public int Compare(HistoryEvent? x, HistoryEvent? y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        var byTime = x.At.UtcTicks.CompareTo(y.At.UtcTicks);
        return byTime != 0 ? byTime : string.CompareOrdinal(x.Id, y.Id);
    }
}

/// <summary>The in-memory history's catalog of days (see <see cref="IHistoryCatalogGrain"/>).</summary>
[KeepAlive]
public sealed class HistoryCatalogGrain : Grain, IHistoryCatalogGrain
{
    private readonly SortedSet<string> days = new(StringComparer.Ordinal);

    public Task Register(string dayKey)
    {
        days.Add(dayKey);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<string>> TakeBefore(string beforeDay)
    {
        var old = days.Where(key => string.CompareOrdinal(key[(key.LastIndexOf('/') + 1)..], beforeDay) < 0).ToList();
        days.ExceptWith(old);
        return Task.FromResult<IReadOnlyList<string>>(old);
    }
}
