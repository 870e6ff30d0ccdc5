namespace Switchboard.Domain.Reports;

/// <summary>
/// A queue's figures as events arrive: today's (from midnight in the tenant's time zone) and the rolling window's. Events
/// may arrive more than once and in any order: each id counts once, in the period its time falls in. Recomputing today or
/// the window from the stored events gives the same figures.
/// </summary>
public sealed class LiveQueueFigures(string queueId, QueueThresholds thresholds, TimeZoneInfo zone, TimeSpan window)
{
    private readonly List<HistoryEvent> recent = [];
    private readonly Dictionary<string, DateTimeOffset> seen = new(StringComparer.Ordinal);
    private DateTimeOffset dayEnd = DateTimeOffset.MinValue;
    private QueueTally today = new(thresholds);

    public DateTimeOffset DayStart { get; private set; }

    /// <summary>Counts an event of this queue not seen before that falls today or in the window; whether it did.</summary>
    public bool Add(HistoryEvent e, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(e);
        Roll(now);
        var windowStart = now - window;
        if (e.QueueId != queueId || !QueueTally.Counts(e) || (e.At < DayStart && e.At < windowStart) || !seen.TryAdd(e.Id, e.At))
        {
            return false;
        }

        if (e.At >= DayStart && e.At < dayEnd)
        {
            today.Add(e);
        }

        if (e.At >= windowStart)
        {
            recent.Add(e);
        }

        return true;
    }

    /// <summary>Today's tally (from <see cref="DayStart"/>) and the window's, as of <paramref name="now"/>.</summary>
    public (QueueTally Today, QueueTally Window) Get(DateTimeOffset now)
    {
        Roll(now);
        var windowStart = now - window;
        recent.RemoveAll(e => e.At < windowStart);
        var inWindow = new QueueTally(thresholds);
        foreach (var e in recent)
        {
            inWindow.Add(e);
        }

        return (today, inWindow);
    }

    /// <summary>Where a rebuild reads the history from: the earlier of midnight and the window's start.</summary>
    public DateTimeOffset ReadFrom(DateTimeOffset now)
    {
        Roll(now);
        return DayStart < now - window ? DayStart : now - window;
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
        var keepFrom = DayStart < now - window ? DayStart : now - window;
        foreach (var old in seen.Where(s => s.Value < keepFrom).Select(s => s.Key).ToList())
        {
            seen.Remove(old);
        }

        // Events already kept for the window that fall in the new day count in it too.
        foreach (var e in recent.Where(e => e.At >= DayStart && e.At < dayEnd))
        {
            today.Add(e);
        }
    }
}
