using Switchboard.Domain.Reports;
using Switchboard.Domain.Tenancy;

namespace Switchboard.Domain.Tests.Reports;

public sealed class ReportCalendarTests
{
    private static readonly TimeZoneInfo Rome = TimeZones.Find("Europe/Rome")!;

    private static DateTimeOffset At(string text) => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void The_day_the_clocks_go_forward_lasts_23_hours_and_has_no_row_for_the_skipped_hour()
    {
        // 2026-03-29: 02:00 in Rome is 03:00 (+01:00 to +02:00).
        var day = Assert.Single(ReportCalendar.Periods(At("2026-03-29T00:00:00+01:00"), At("2026-03-30T00:00:00+02:00"), ReportInterval.Day, Rome));
        Assert.Equal((At("2026-03-29T00:00:00+01:00"), At("2026-03-30T00:00:00+02:00")), (day.Start, day.End));
        Assert.Equal(TimeSpan.FromHours(23), day.End - day.Start);

        var hours = ReportCalendar.Periods(day.Start, day.End, ReportInterval.Hour, Rome);
        Assert.Equal(23, hours.Count);
        Assert.Equal(["01:00:00 +01:00", "03:00:00 +02:00"], hours.Skip(1).Take(2).Select(p => p.Start.ToString("HH:mm:ss zzz", System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void The_day_the_clocks_go_back_lasts_25_hours_and_the_repeated_hour_is_two_rows()
    {
        // 2026-10-25: 03:00 in Rome is 02:00 again (+02:00 to +01:00).
        var day = Assert.Single(ReportCalendar.Periods(At("2026-10-25T00:00:00+02:00"), At("2026-10-26T00:00:00+01:00"), ReportInterval.Day, Rome));
        Assert.Equal(TimeSpan.FromHours(25), day.End - day.Start);

        var hours = ReportCalendar.Periods(day.Start, day.End, ReportInterval.Hour, Rome);
        Assert.Equal(25, hours.Count);
        Assert.Equal(At("2026-10-25T02:00:00+02:00"), hours[2].Start);
        Assert.Equal(At("2026-10-25T02:00:00+01:00"), hours[3].Start);
        Assert.Equal(TimeSpan.FromHours(1), hours[3].Start - hours[2].Start);
        Assert.Equal(100, ReportCalendar.Periods(day.Start, day.End, ReportInterval.FifteenMinutes, Rome).Count);
    }

    [Fact]
    public void An_event_at_a_period_edge_belongs_to_the_period_it_starts()
    {
        var periods = ReportCalendar.Periods(At("2026-11-25T09:00:00+01:00"), At("2026-11-25T10:00:00+01:00"), ReportInterval.FifteenMinutes, Rome);

        Assert.Equal(4, periods.Count);
        Assert.Equal(0, ReportCalendar.IndexOf(periods, At("2026-11-25T09:00:00+01:00")));
        Assert.Equal(0, ReportCalendar.IndexOf(periods, At("2026-11-25T09:14:59.9999999+01:00")));
        Assert.Equal(1, ReportCalendar.IndexOf(periods, At("2026-11-25T09:15:00+01:00")));
        Assert.Equal(3, ReportCalendar.IndexOf(periods, At("2026-11-25T09:59:59+01:00")));
        Assert.Equal(-1, ReportCalendar.IndexOf(periods, At("2026-11-25T10:00:00+01:00")));
        Assert.Equal(-1, ReportCalendar.IndexOf(periods, At("2026-11-25T08:59:59+01:00")));
    }

    [Fact]
    public void A_range_is_widened_to_whole_periods()
    {
        var periods = ReportCalendar.Periods(At("2026-11-25T09:07:00+01:00"), At("2026-11-25T10:01:00+01:00"), ReportInterval.Hour, Rome);

        Assert.Equal([At("2026-11-25T09:00:00+01:00"), At("2026-11-25T10:00:00+01:00")], periods.Select(p => p.Start));
        Assert.Equal(At("2026-11-25T11:00:00+01:00"), periods[^1].End);
    }

    [Fact]
    public void Days_follow_the_zone_not_UTC()
    {
        var start = ReportCalendar.StartOfDay(At("2026-11-24T23:30:00Z"), Rome); // 00:30 on the 25th in Rome

        Assert.Equal(At("2026-11-25T00:00:00+01:00"), start);
        Assert.Equal(At("2026-11-25T00:00:00+01:00"), ReportCalendar.StartOfDate(new DateOnly(2026, 11, 25), Rome));
    }

    [Fact]
    public void A_report_has_a_bounded_number_of_periods()
    {
        var from = At("2026-01-01T00:00:00Z");

        Assert.Throws<ArgumentOutOfRangeException>(() => ReportCalendar.Periods(from, from.AddDays(200), ReportInterval.FifteenMinutes, TimeZoneInfo.Utc));
        Assert.True(ReportCalendar.CountUpTo(from, from.AddDays(200), ReportInterval.FifteenMinutes, TimeZoneInfo.Utc) > ReportCalendar.MaxPeriods);
        Assert.Equal(96, ReportCalendar.CountUpTo(from, from.AddDays(1), ReportInterval.FifteenMinutes, TimeZoneInfo.Utc));
    }

    [Theory]
    [InlineData("Europe/Rome", true)]
    [InlineData("UTC", true)]
    [InlineData("America/New_York", true)]
    [InlineData("europe/rome", false)]
    [InlineData("W. Europe Standard Time", false)]
    [InlineData("+01:00", false)]
    [InlineData("../../etc/passwd", false)]
    [InlineData("/etc/localtime", false)]
    [InlineData("", false)]
    public void Only_IANA_zone_ids_are_time_zones(string id, bool known) => Assert.Equal(known, TimeZones.Find(id) is not null);
}
