using Switchboard.Api.PlatformChanges;

namespace Switchboard.Api.Live;

/// <summary>Snapshot of <c>platform</c>: the notices of platform changes still in progress.</summary>
public sealed record LivePlatformSnapshot(IReadOnlyList<PlatformNoticeResponse> Notices);
