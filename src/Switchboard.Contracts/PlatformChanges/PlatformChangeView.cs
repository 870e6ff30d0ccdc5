using Switchboard.Contracts.Live;

namespace Switchboard.Contracts.PlatformChanges;

/// <summary>
/// A platform change: its notices in order; after the final notice the logout deadline, and whether the deadline has
/// been enforced (every agent still logged in then logged out by the system or, on a call, given the logout as next state).
/// </summary>
[GenerateSerializer, Immutable, Alias("Switchboard.PlatformChangeView")]
public sealed record PlatformChangeView(
    [property: Id(0)] string Id,
    [property: Id(1)] DateTimeOffset CreatedAt,
    [property: Id(2)] string CreatedBy,
    [property: Id(3)] IReadOnlyList<PlatformNoticeView> Notices,
    [property: Id(4)] DateTimeOffset? LogoutDeadline,
    [property: Id(5)] bool Enforced);
