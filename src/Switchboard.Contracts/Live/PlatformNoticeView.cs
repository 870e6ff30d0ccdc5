namespace Switchboard.Contracts.Live;

/// <summary>
/// A platform-change notice as agents receive it. On the final notice <see cref="LogoutDeadline"/> is when logged-in
/// agents must have logged out (an agent on a call may finish it first). <see cref="SentBy"/> is the API key id of the
/// admin who sent it.
/// </summary>
[GenerateSerializer, Immutable, Alias("Switchboard.PlatformNoticeView")]
public sealed record PlatformNoticeView(
    [property: Id(0)] string ChangeId,
    [property: Id(1)] int Number,
    [property: Id(2)] string Message,
    [property: Id(3)] bool Final,
    [property: Id(4)] DateTimeOffset SentAt,
    [property: Id(5)] DateTimeOffset? LogoutDeadline,
    [property: Id(6)] string? SentBy = null);
