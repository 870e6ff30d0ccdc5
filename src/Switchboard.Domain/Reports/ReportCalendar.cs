namespace Switchboard.Domain.Reports;

/// <summary>The length of a report's rows.</summary>
public enum ReportInterval
{
    FifteenMinutes,
    Hour,
    Day,
}

/// <summary>One row's period: [Start, End), both in the tenant's time zone (their offsets say which side of a DST change).</summary>
public readonly record struct ReportPeriod(DateTimeOffset Start, DateTimeOffset End);

/// <summary>
/// A report's periods in the tenant's time zone. Quarter hours and hours follow the clock on either side of a DST change
/// (the hour that repeats in autumn is two rows, with different offsets; the hour skipped in spring is no row); a day runs
/// from local midnight to the next, so it lasts 23 or 25 hours on the days the clocks change.
/// </summary>
public static class ReportCalendar
{
    /// <summary>The most periods one report may have.</summary>
    public const int MaxPeriods = 10_000;

    /// <summary>The periods that cover [from, to): the first starts at or before <paramref name="from"/>.</summary>
    public static IReadOnlyList<ReportPeriod> Periods(DateTimeOffset from, DateTimeOffset to, ReportInterval interval, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var periods = new List<ReportPeriod>();
        var start = StartOf(from, interval, zone);
        while (start < to)
        {
            if (periods.Count == MaxPeriods)
            {
                throw new ArgumentOutOfRangeException(nameof(to), $"A report has at most {MaxPeriods} periods.");
            }

            var end = Next(start, interval, zone);
            periods.Add(new ReportPeriod(start, end));
            start = end;
        }

        return periods;
    }

    /// <summary>How many periods [from, to) has, without building them (for a check before a report is computed).</summary>
    public static long CountUpTo(DateTimeOffset from, DateTimeOffset to, ReportInterval interval, TimeZoneInfo zone)
    {
        var approximate = interval switch
        {
            ReportInterval.FifteenMinutes => (to - from).Ticks / TimeSpan.FromMinutes(15).Ticks,
            ReportInterval.Hour => (to - from).Ticks / TimeSpan.TicksPerHour,
            _ => (to - from).Ticks / TimeSpan.TicksPerDay,
        };
        if (approximate > MaxPeriods + 2)
        {
            return approximate;
        }

        try
        {
            return Periods(from, to, interval, zone).Count;
        }
        catch (ArgumentOutOfRangeException)
        {
            return MaxPeriods + 1;
        }
    }

    /// <summary>The period of <paramref name="periods"/> (ordered, adjacent) that holds <paramref name="at"/>, or -1.</summary>
    public static int IndexOf(IReadOnlyList<ReportPeriod> periods, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(periods);
        int low = 0, high = periods.Count - 1;
        while (low <= high)
        {
            var mid = (low + high) / 2;
            if (at < periods[mid].Start)
            {
                high = mid - 1;
            }
            else if (at >= periods[mid].End)
            {
                low = mid + 1;
            }
            else
            {
                return mid;
            }
        }

        return -1;
    }

    /// <summary>The first instant of <paramref name="date"/> in <paramref name="zone"/> (midnight, unless the clocks skip it).</summary>
    public static DateTimeOffset StartOfDate(DateOnly date, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return Midnight(date.ToDateTime(TimeOnly.MinValue), zone);
    }

    /// <summary>Local midnight of the day of <paramref name="at"/> in <paramref name="zone"/>.</summary>
    public static DateTimeOffset StartOfDay(DateTimeOffset at, TimeZoneInfo zone) => StartOf(at, ReportInterval.Day, zone);

    /// <summary>The start of the period that holds <paramref name="at"/>.</summary>
    public static DateTimeOffset StartOf(DateTimeOffset at, ReportInterval interval, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(at, zone);
        var clock = local.DateTime;
        return interval switch
        {
            ReportInterval.Day => Midnight(clock.Date, zone),

            // The clock time floored, at the offset in force at the instant: in the repeated autumn hour both halves
            // keep their own offset, so each is its own row.
            ReportInterval.Hour => Floor(local, clock.Date.AddHours(clock.Hour)),
            _ => Floor(local, clock.Date.AddHours(clock.Hour).AddMinutes(clock.Minute / 15 * 15)),
        };
    }

    private static DateTimeOffset Floor(DateTimeOffset local, DateTime flooredClock) => new(flooredClock, local.Offset);

    private static DateTimeOffset Next(DateTimeOffset start, ReportInterval interval, TimeZoneInfo zone) => interval switch
    {
        ReportInterval.Day => Midnight(TimeZoneInfo.ConvertTime(start, zone).DateTime.Date.AddDays(1), zone),
        ReportInterval.Hour => TimeZoneInfo.ConvertTime(start.AddHours(1), zone),
        _ => TimeZoneInfo.ConvertTime(start.AddMinutes(15), zone),
    };

    /// <summary>The first valid instant of a local date: midnight, or later where the clocks skip midnight.</summary>
    private static DateTimeOffset Midnight(DateTime date, TimeZoneInfo zone)
    {
        var clock = DateTime.SpecifyKind(date, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(clock))
        {
            clock = clock.AddMinutes(15);
        }

        // An ambiguous midnight (clocks set back at midnight) starts the day at its first occurrence: the larger offset.
        var offset = zone.IsAmbiguousTime(clock) ? zone.GetAmbiguousTimeOffsets(clock).Max() : zone.GetUtcOffset(clock);
        return new DateTimeOffset(clock, offset);
    }
}
