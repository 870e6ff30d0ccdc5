using Switchboard.Contracts.Live;

namespace Switchboard.Contracts.PlatformChanges;

/// <summary>
/// A platform change in the list: who started it and when, and its latest notice. <see cref="Sequence"/> is given by
/// the index in the order changes reach it, and orders changes created at the same instant.
/// </summary>
[GenerateSerializer, Immutable, Alias("Switchboard.PlatformChangeSummary")]
public sealed record PlatformChangeSummary(
    [property: Id(0)] string Id,
    [property: Id(1)] DateTimeOffset CreatedAt,
    [property: Id(2)] string CreatedBy,
    [property: Id(3)] int NoticeCount,
    [property: Id(4)] PlatformNoticeView LastNotice,
    [property: Id(5)] long Sequence = 0);
