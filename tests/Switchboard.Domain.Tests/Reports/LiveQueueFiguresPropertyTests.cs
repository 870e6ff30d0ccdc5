using CsCheck;
using Switchboard.Domain.Reports;
using Switchboard.Domain.Tenancy;

namespace Switchboard.Domain.Tests.Reports;

/// <summary>
/// Live figures and a report recomputed from the history agree: whatever the events (repeated, late, out of order, across
/// midnight on a day the clocks change), today's and the last 30 minutes' figures as kept live are exactly those counted
/// afresh from the distinct events of the same period.
/// </summary>
public sealed class LiveQueueFiguresPropertyTests
{
    private static readonly TimeZoneInfo Rome = TimeZones.Find("Europe/Rome")!;

    /// <summary>Ten minutes before midnight of the night Rome's clocks go back (a 25-hour day follows).</summary>
    private static readonly DateTimeOffset Start = new(2026, 10, 24, 23, 50, 0, TimeSpan.FromHours(2));

    private static readonly TimeSpan Window = TimeSpan.FromMinutes(30);

    private static readonly string[] Types =
    [
        HistoryTypes.Queued, HistoryTypes.Overflowed, HistoryTypes.Accepted, HistoryTypes.Abandoned, HistoryTypes.Transferred,
        HistoryTypes.Ended, HistoryTypes.Resumed, HistoryTypes.WrapUpSaved, HistoryTypes.WrapUpTimedOut, HistoryTypes.Offered, HistoryTypes.AgentState,
    ];

    /// <summary>
    /// One step: the clock moves on, then an event arrives (a new one, or one delivered before), maybe a late one, maybe one
    /// a minute ahead (from a silo whose clock runs fast).
    /// </summary>
    private sealed record Step(int AdvanceSeconds, int EventIndex, bool Repeat, int LateSeconds, int TypeIndex, bool OtherQueue, int WaitTenths, bool Check);

    private static readonly Gen<Step> StepGen =
        Gen.Select(Gen.OneOf(Gen.Int[0, 30], Gen.Int[0, 600]), Gen.Int[0, 1000], Gen.Int[0, 3].Select(i => i == 0), Gen.OneOf(Gen.Int[-60, 0], Gen.Int[0, 3600]), Gen.Int[0, Types.Length - 1], Gen.Int[0, 9].Select(i => i == 0), Gen.Int[0, 600], Gen.Int[0, 4].Select(i => i == 0))
            .Select(t => new Step(t.Item1, t.Item2, t.Item3, t.Item4, t.Item5, t.Item6, t.Item7, t.Item8));

    [Fact]
    public void Live_figures_equal_the_figures_recomputed_from_the_distinct_events()
    {
        StepGen.Array[1, 120].Sample(steps =>
        {
            var thresholds = new QueueThresholds(20, 5);
            var live = new LiveQueueFigures("support", thresholds, Rome, Window);
            var delivered = new List<HistoryEvent>();
            var now = Start;
            foreach (var step in steps)
            {
                now = now.AddSeconds(step.AdvanceSeconds);
                var e = step.Repeat && delivered.Count > 0
                    ? delivered[step.EventIndex % delivered.Count]
                    : new HistoryEvent(
                        "e" + delivered.Count, now.AddSeconds(-step.LateSeconds), Types[step.TypeIndex], "a1",
                        step.OtherQueue ? "sales" : "support", "i" + delivered.Count, Seconds: step.WaitTenths / 10.0);
                delivered.Add(e);
                live.Add(e, now);
                if (step.Check)
                {
                    Check(live, delivered, thresholds, now);
                }
            }

            Check(live, delivered, thresholds, now);
        }, iter: 2_000);
    }

    private static void Check(LiveQueueFigures live, List<HistoryEvent> delivered, QueueThresholds thresholds, DateTimeOffset now)
    {
        var (today, window) = live.Get(now);
        var dayStart = ReportCalendar.StartOfDay(now, Rome);
        var dayEnd = ReportCalendar.Periods(dayStart, dayStart.AddTicks(1), ReportInterval.Day, Rome)[0].End;
        var stored = delivered.DistinctBy(e => e.Id).Where(e => e.QueueId == "support").ToList(); // what the history keeps

        Assert.Equal(dayStart, live.DayStart);
        Assert.Equal(Figures(Recount(stored.Where(e => e.At >= dayStart && e.At < dayEnd), thresholds)), Figures(today));
        var windowStart = live.WindowStart(now);
        Assert.Equal(now - Window - TimeSpan.FromTicks((now - Window).UtcTicks % TimeSpan.TicksPerSecond), windowStart); // the window's length, to the second
        Assert.Equal(Figures(Recount(stored.Where(e => e.At >= windowStart), thresholds)), Figures(window));
    }

    private static QueueTally Recount(IEnumerable<HistoryEvent> events, QueueThresholds thresholds)
    {
        var tally = new QueueTally(thresholds);
        foreach (var e in events.OrderBy(e => e.At).ThenBy(e => e.Id, StringComparer.Ordinal))
        {
            tally.Add(e);
        }

        return tally;
    }

    private static object Figures(QueueTally t) => (
        (t.Offered, t.Answered, t.AnsweredWithinServiceLevel, t.Abandoned, t.ShortAbandoned, t.TransferredOut, t.Handled, t.WrapUps),
        (t.AnswerWaitSeconds, t.TalkSeconds, t.HoldSeconds, t.WrapUpSeconds, t.ServiceLevelPercent, t.AverageSpeedOfAnswerSeconds, t.AverageHandleSeconds));
}
