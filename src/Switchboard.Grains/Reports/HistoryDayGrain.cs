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
    private HistoryDay day = new();

    public Task Append(IReadOnlyList<HistoryEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        day.Append(events);
        return Task.CompletedTask;
    }

    public Task<HistoryDayPage> Read(DateTimeOffset from, DateTimeOffset to, HistoryFilter? filter, string? afterId, int limit, CancellationToken cancellationToken = default) =>
        Task.FromResult(day.Read(from, to, filter, afterId, limit));

    public Task Drop()
    {
        day = new();
        DeactivateOnIdle();
        return Task.CompletedTask;
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
