using Switchboard.Domain.Reports;

namespace Switchboard.Domain.Tests.Reports;

public sealed class QueueTallyTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    private static HistoryEvent E(string id, string type, double? seconds = null, string queue = "support") =>
        new(id, T0, type, "a1", queue, "i1", Seconds: seconds);

    [Fact]
    public void Service_level_counts_answers_within_the_threshold_against_answered_plus_abandoned()
    {
        var tally = new QueueTally(new QueueThresholds(20, 5));
        foreach (var e in new[]
        {
            E("1", HistoryTypes.Queued), E("2", HistoryTypes.Queued), E("3", HistoryTypes.Queued), E("4", HistoryTypes.Queued), E("5", HistoryTypes.Queued),
            E("6", HistoryTypes.Accepted, 20), // on the threshold: within
            E("7", HistoryTypes.Accepted, 20.5),
            E("8", HistoryTypes.Accepted, 2),
            E("9", HistoryTypes.Abandoned, 30),
            E("10", HistoryTypes.Abandoned, 4.9), // short: neither abandoned nor in the service level
        })
        {
            tally.Add(e);
        }

        Assert.Equal((5, 3, 2, 1, 1), (tally.Offered, tally.Answered, tally.AnsweredWithinServiceLevel, tally.Abandoned, tally.ShortAbandoned));
        Assert.Equal(50, tally.ServiceLevelPercent); // 2 of 3 answered + 1 abandoned
        Assert.Equal(42.5 / 3, tally.AverageSpeedOfAnswerSeconds!.Value, 9);
    }

    [Fact]
    public void An_abandon_on_the_threshold_counts_against_the_queue()
    {
        var tally = new QueueTally(new QueueThresholds(20, 5));
        tally.Add(E("1", HistoryTypes.Abandoned, 5));

        Assert.Equal((1, 0), (tally.Abandoned, tally.ShortAbandoned));
        Assert.Equal(0, tally.ServiceLevelPercent);
    }

    [Fact]
    public void Handle_time_is_talk_and_wrap_up_per_handled_interaction()
    {
        var tally = new QueueTally(QueueThresholds.Default);
        tally.Add(E("1", HistoryTypes.Ended, 300));
        tally.Add(E("2", HistoryTypes.Ended, 100));
        tally.Add(E("3", HistoryTypes.WrapUpSaved, 30));
        tally.Add(E("4", HistoryTypes.WrapUpTimedOut, 10));
        tally.Add(E("5", HistoryTypes.Resumed, 45));
        tally.Add(E("6", HistoryTypes.Transferred));
        tally.Add(new HistoryEvent("7", T0, HistoryTypes.Ended, QueueId: "support")); // never answered: not handled

        Assert.Equal((2, 2, 1), (tally.Handled, tally.WrapUps, tally.TransferredOut));
        Assert.Equal(220, tally.AverageHandleSeconds); // (300 + 100 + 30 + 10) / 2
        Assert.Equal(20, tally.AverageWrapUpSeconds);
        Assert.Equal(45, tally.HoldSeconds);
    }

    [Fact]
    public void Nothing_answered_or_abandoned_has_no_rates()
    {
        var tally = new QueueTally(QueueThresholds.Default);
        tally.Add(E("1", HistoryTypes.Queued));

        Assert.Null(tally.ServiceLevelPercent);
        Assert.Null(tally.AverageSpeedOfAnswerSeconds);
        Assert.Null(tally.AverageHandleSeconds);
        Assert.Null(tally.AverageWrapUpSeconds);
    }

    [Fact]
    public void Only_queue_events_that_figures_use_count()
    {
        Assert.False(QueueTally.Counts(new HistoryEvent("1", T0, HistoryTypes.Accepted, "a1"))); // no queue: a direct call
        Assert.False(QueueTally.Counts(new HistoryEvent("2", T0, HistoryTypes.AgentState, "a1", "support")));
        Assert.False(QueueTally.Counts(E("3", HistoryTypes.Offered)));
        Assert.True(QueueTally.Counts(E("4", HistoryTypes.Accepted, 3)));
    }
}
