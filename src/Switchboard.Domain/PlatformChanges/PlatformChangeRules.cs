namespace Switchboard.Domain.PlatformChanges;

/// <summary>Limits and the life cycle of a platform change.</summary>
public static class PlatformChangeRules
{
    /// <summary>Longest notice message, in UTF-16 characters.</summary>
    public const int MaxMessageLength = 2_000;

    /// <summary>Most notices one change may send (the final one included).</summary>
    public const int MaxNotices = 50;

    /// <summary>How long after its logout deadline a change still counts as in progress (consoles keep showing it).</summary>
    public static readonly TimeSpan ShownAfterDeadline = TimeSpan.FromHours(1);

    /// <summary>
    /// Whether a change is still in progress: no final notice yet (<paramref name="logoutDeadline"/> null), or a final
    /// notice whose deadline passed less than <see cref="ShownAfterDeadline"/> ago.
    /// </summary>
    public static bool InProgress(DateTimeOffset? logoutDeadline, DateTimeOffset now) =>
        logoutDeadline is not { } deadline || now < deadline + ShownAfterDeadline;
}
