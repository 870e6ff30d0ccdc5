using Switchboard.Contracts.Reports;
using Switchboard.Domain.Reports;

namespace Switchboard.Grains.Reports;

/// <summary>
/// One tenant's events of one UTC day in memory, in the history's order (time, then id), each id once: the store of a
/// <see cref="HistoryDayGrain"/> and of the embedded default's <see cref="InProcessEventHistory"/>. Not thread-safe.
/// </summary>
internal sealed class HistoryDay
{
    private readonly SortedSet<HistoryEvent> events = new(HistoryOrder.Instance);
    private readonly HashSet<string> ids = new(StringComparer.Ordinal);

    public void Append(IEnumerable<HistoryEvent> appended)
    {
        foreach (var e in appended)
        {
            if (ids.Add(e.Id))
            {
                events.Add(e);
            }
        }
    }

    /// <summary>See <see cref="IHistoryDayGrain.Read"/>.</summary>
    public HistoryDayPage Read(DateTimeOffset from, DateTimeOffset to, HistoryFilter? filter, string? afterId, int limit)
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

        return new HistoryDayPage(page, page.Count == limit);
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
