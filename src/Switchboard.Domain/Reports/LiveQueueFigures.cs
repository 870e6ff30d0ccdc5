namespace Switchboard.Domain.Reports;

/// <summary>
/// A queue's figures as events arrive: today's (from midnight in the tenant's time zone) and the rolling window's (from
/// <see cref="WindowStart"/>, to the second). Events may arrive more than once and in any order: each id counts once, in
/// the period its time falls in. Recomputing today or the window from the stored events gives the same figures. The
/// window is kept as one tally per second, so a read costs the seconds that left it, not its events.
/// </summary>
public sealed class LiveQueueFigures(string queueId, QueueThresholds thresholds, TimeZoneInfo zone, TimeSpan window)
{
    private readonly SortedDictionary<long, QueueTally> seconds = [];
    private readonly QueueTally inWindow = new(thresholds);

    /// <summary>Events of a day not begun yet (from a silo whose clock runs ahead): counted when it begins.</summary>
    private readonly List<HistoryEvent> early = [];
    private readonly Dictionary<string, DateTimeOffset> seen = new(StringComparer.Ordinal);
    private DateTimeOffset dayEnd = DateTimeOffset.MinValue;
    private QueueTally today = new(thresholds);

    public DateTimeOffset DayStart { get; private set; }

    /// <summary>Counts an event of this queue not seen before that falls today or in the window; whether it did.</summary>
    public bool Add(HistoryEvent e, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(e);
        Roll(now);
        var windowStart = WindowStart(now);
        if (e.QueueId != queueId || !QueueTally.Counts(e) || (e.At < DayStart && e.At < windowStart) || !seen.TryAdd(e.Id, e.At))
        {
            return false;
        }

        if (e.At >= DayStart && e.At < dayEnd)
        {
            today.Add(e);
        }
        else if (e.At >= dayEnd)
        {
            early.Add(e);
        }

        if (e.At >= windowStart)
        {
            var second = e.At.UtcTicks / TimeSpan.TicksPerSecond;
            if (!seconds.TryGetValue(second, out var tally))
            {
                seconds[second] = tally = new QueueTally(thresholds);
            }

            tally.Add(e);
            inWindow.Add(e);
        }

        return true;
    }

    /// <summary>Where the rolling window starts at <paramref name="now"/>: its length before, down to the second.</summary>
    public DateTimeOffset WindowStart(DateTimeOffset now)
    {
        var start = now - window;
        return new DateTimeOffset(start.UtcTicks - start.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
    }

    /// <summary>Today's tally (from <see cref="DayStart"/>) and the window's, as of <paramref name="now"/>.</summary>
    public (QueueTally Today, QueueTally Window) Get(DateTimeOffset now)
    {
        Roll(now);
        var first = WindowStart(now).UtcTicks / TimeSpan.TicksPerSecond;
        while (seconds.Count > 0 && seconds.First() is var (second, left) && second < first)
        {
            inWindow.Add(left, -1);
            seconds.Remove(second);
        }

        var copy = new QueueTally(thresholds);
        copy.Add(inWindow);
        return (today, copy);
    }

    /// <summary>Where a rebuild reads the history from: the earlier of midnight and the window's start.</summary>
    public DateTimeOffset ReadFrom(DateTimeOffset now)
    {
        Roll(now);
        return DayStart < WindowStart(now) ? DayStart : WindowStart(now);
    }

    /// <summary>At midnight (the tenant's): a new day from zero, and the ids of neither today nor the window forgotten.</summary>
    private void Roll(DateTimeOffset now)
    {
        if (now < dayEnd)
        {
            return;
        }

        DayStart = ReportCalendar.StartOfDay(now, zone);
        dayEnd = ReportCalendar.Periods(DayStart, DayStart.AddTicks(1), ReportInterval.Day, zone)[0].End;
        today = new QueueTally(thresholds);
        var keepFrom = DayStart < WindowStart(now) ? DayStart : WindowStart(now);
        foreach (var old in seen.Where(s => s.Value < keepFrom).Select(s => s.Key).ToList())
        {
            seen.Remove(old);
        }

        // Events of the new day seen before it began (a silo whose clock runs ahead) count in it too.
        foreach (var e in early.Where(e => e.At >= DayStart && e.At < dayEnd))
        {
            today.Add(e);
        }

        early.RemoveAll(e => e.At < dayEnd);
    }
}
