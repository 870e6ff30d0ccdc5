namespace Switchboard.Domain.Content;

/// <summary>How long interactions' content is kept.</summary>
public static class RetentionRules
{
    public const int DefaultDays = 90;

    public const int MaxDays = 36_500;

    /// <summary>
    /// Whether content of interactions created on <paramref name="day"/> (UTC) is past a retention of
    /// <paramref name="days"/> at <paramref name="now"/>: kept for at least that many whole days, deleted on the day after.
    /// </summary>
    public static bool IsPast(DateOnly day, DateTimeOffset now, int days) =>
        day.AddDays(days) < DateOnly.FromDateTime(now.UtcDateTime);
}
