using System.Globalization;
using Switchboard.Domain.Content;

namespace Switchboard.Domain.Tests.Content;

/// <summary>Content is kept the whole retention period after its day and goes on the day after, counted in UTC.</summary>
public sealed class RetentionRulesTests
{
    /// <summary>7 December 00:30 in Rome is still 6 December in UTC.</summary>
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 0, 30, 0, TimeSpan.FromHours(2));

    [Theory]
    [InlineData("2026-09-07", 90, false)] // 90 whole days ago in UTC: kept until the day ends
    [InlineData("2026-09-06", 90, true)]
    [InlineData("2026-12-05", 1, false)] // past by the local date, not by UTC
    [InlineData("2026-12-04", 1, true)]
    [InlineData("2026-12-06", 1, false)]
    [InlineData("2026-12-08", 1, false)] // a day ahead of this clock is never past
    public void A_day_is_past_retention_only_after_its_whole_period(string day, int days, bool past) =>
        Assert.Equal(past, RetentionRules.IsPast(DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture), Now, days));
}
