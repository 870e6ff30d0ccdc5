using Switchboard.Domain.Reports;

namespace Switchboard.Contracts.Reports;

/// <summary>
/// One tenant's events of one UTC day, in memory: the event history of the in-memory storage provider, shared by every
/// process of the cluster. Keyed <c>{tenantId}/{yyyyMMdd}</c>.
/// </summary>
[Alias("Switchboard.IHistoryDayGrain")]
public interface IHistoryDayGrain : IGrainWithStringKey
{
    [Alias("Append")]
    Task Append(IReadOnlyList<HistoryEvent> events);

    /// <summary>
    /// The day's events in [from, to) that match, in the history's order (time, then id), at most <paramref name="limit"/>;
    /// with <paramref name="afterId"/>, those at <paramref name="from"/> only after that id (to read on after a page).
    /// </summary>
    [Alias("Read"), ReadOnly]
    Task<HistoryDayPage> Read(DateTimeOffset from, DateTimeOffset to, HistoryFilter? filter, string? afterId, int limit, CancellationToken cancellationToken = default);

    /// <summary>Drops the day's events (retention).</summary>
    [Alias("Drop")]
    Task Drop();
}

/// <summary>A page of a day's events; <see cref="More"/>: read on after its last.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.HistoryDayPage")]
public sealed record HistoryDayPage([property: Id(0)] IReadOnlyList<HistoryEvent> Events, [property: Id(1)] bool More);

/// <summary>
/// Which tenant days the in-memory history holds, so that retention can drop them without knowing the tenants. One per
/// cluster (<see cref="Key"/>); in memory like the days themselves.
/// </summary>
[Alias("Switchboard.IHistoryCatalogGrain")]
public interface IHistoryCatalogGrain : IGrainWithStringKey
{
    public const string Key = "history";

    /// <summary>Notes that a day grain (its key) holds events.</summary>
    [Alias("Register")]
    Task Register(string dayKey);

    /// <summary>Forgets and returns the day grains of days before <paramref name="beforeDay"/> (<c>yyyyMMdd</c>, UTC).</summary>
    [Alias("TakeBefore")]
    Task<IReadOnlyList<string>> TakeBefore(string beforeDay);
}
