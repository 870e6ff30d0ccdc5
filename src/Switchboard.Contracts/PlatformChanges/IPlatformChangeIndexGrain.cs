using Switchboard.Contracts.Live;

namespace Switchboard.Contracts.PlatformChanges;

/// <summary>
/// A tenant's platform changes for listing, and the notices of those still in progress. Keyed by tenant id. Changes
/// tell it of each notice; it calls no grain.
/// </summary>
[Alias("Switchboard.IPlatformChangeIndexGrain")]
public interface IPlatformChangeIndexGrain : IGrainWithStringKey
{
    /// <summary>Records a notice of a change (idempotent by change and number).</summary>
    [Alias("Record")]
    Task Record(PlatformNoticeView notice, DateTimeOffset createdAt, string createdBy, CancellationToken cancellationToken = default);

    /// <summary>Up to <paramref name="max"/> changes, newest first, strictly older than the position (created at, then sequence) when given.</summary>
    [Alias("ListBefore"), ReadOnly]
    Task<IReadOnlyList<PlatformChangeSummary>> ListBefore(PlatformChangePosition? position, int max, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every notice of the changes still in progress (no final notice yet, or a final notice whose logout deadline
    /// passed less than an hour ago, on the business clock), oldest change first, by number: the socket's
    /// <c>platform</c> snapshot.
    /// </summary>
    [Alias("GetActiveNotices"), ReadOnly]
    Task<IReadOnlyList<PlatformNoticeView>> GetActiveNotices(CancellationToken cancellationToken = default);
}
