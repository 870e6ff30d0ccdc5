namespace Switchboard.Contracts.Alerts;

/// <summary>
/// A tenant's broadcasts for listing, newest first. Keyed by tenant id. Keeps the newest
/// <see cref="MaxEntries"/>; older broadcasts are still read by id.
/// </summary>
[Alias("Switchboard.IBroadcastIndexGrain")]
public interface IBroadcastIndexGrain : IGrainWithStringKey
{
    const int MaxEntries = 10_000;

    /// <summary>Records a broadcast (idempotent); the index gives it its sequence.</summary>
    [Alias("Add")]
    Task Add(IndexedBroadcast entry, CancellationToken cancellationToken = default);

    /// <summary>Up to <paramref name="max"/> entries, newest first, strictly older than the position (sent at, then sequence) when given.</summary>
    [Alias("ListBefore"), ReadOnly]
    Task<IReadOnlyList<IndexedBroadcast>> ListBefore(IndexedBroadcast? position, int max, CancellationToken cancellationToken = default);
}
