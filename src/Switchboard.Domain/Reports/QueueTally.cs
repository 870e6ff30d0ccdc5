using Switchboard.Domain.Queues;

namespace Switchboard.Domain.Reports;

/// <summary>The thresholds a queue's figures are counted with.</summary>
/// <param name="ServiceLevelSeconds">Answered within this wait counts toward the service level.</param>
/// <param name="AbandonThresholdSeconds">An abandon after a shorter wait is a short abandon, not counted against the queue.</param>
public sealed record QueueThresholds(int ServiceLevelSeconds, int AbandonThresholdSeconds)
{
    public static QueueThresholds Default { get; } = new(QueueSettings.DefaultServiceLevelSeconds, QueueSettings.DefaultAbandonThresholdSeconds);

    public static QueueThresholds Of(QueueSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new(settings.ServiceLevelSeconds, settings.AbandonThresholdSeconds);
    }
}

/// <summary>
/// A queue's counts over a period, added up event by event from the history. The same events give the same counts
/// whatever their order, so live figures and a report recomputed later agree.
/// </summary>
public sealed class QueueTally(QueueThresholds thresholds)
{
    public QueueThresholds Thresholds { get; } = thresholds;

    /// <summary>Arrivals: queued, or overflowed in from another queue.</summary>
    public int Offered { get; private set; }

    public int Answered { get; private set; }

    public int AnsweredWithinServiceLevel { get; private set; }

    /// <summary>Callers who left after waiting at least the abandon threshold.</summary>
    public int Abandoned { get; private set; }

    /// <summary>Callers who left sooner: not counted against the queue.</summary>
    public int ShortAbandoned { get; private set; }

    /// <summary>Transfers by agents of work answered from this queue.</summary>
    public int TransferredOut { get; private set; }

    /// <summary>Work answered from this queue that ended: its talk time (hold included) is in <see cref="TalkSeconds"/>.</summary>
    public int Handled { get; private set; }

    public int WrapUps { get; private set; }

    // Durations are added up in ticks: integer sums do not depend on the order the events came in.
    private long answerWait;
    private long talk;
    private long hold;
    private long wrapUp;

    public double AnswerWaitSeconds => Seconds(answerWait);

    public double TalkSeconds => Seconds(talk);

    public double HoldSeconds => Seconds(hold);

    public double WrapUpSeconds => Seconds(wrapUp);

    /// <summary>Answered within the service level, as a share of answered plus abandoned (short abandons left out).</summary>
    public double? ServiceLevelPercent => Answered + Abandoned > 0 ? 100.0 * AnsweredWithinServiceLevel / (Answered + Abandoned) : null;

    public double? AverageSpeedOfAnswerSeconds => Answered > 0 ? AnswerWaitSeconds / Answered : null;

    /// <summary>Talk (hold included) plus wrap-up, per handled interaction.</summary>
    public double? AverageHandleSeconds => Handled > 0 ? (TalkSeconds + WrapUpSeconds) / Handled : null;

    public double? AverageWrapUpSeconds => WrapUps > 0 ? WrapUpSeconds / WrapUps : null;

    /// <summary>Whether an event counts in a queue's figures at all (the others need not reach them).</summary>
    public static bool Counts(HistoryEvent e) =>
        e.QueueId is not null && e.Type is HistoryTypes.Queued or HistoryTypes.Overflowed or HistoryTypes.Accepted or HistoryTypes.Abandoned
            or HistoryTypes.Transferred or HistoryTypes.Ended or HistoryTypes.Failed or HistoryTypes.Resumed or HistoryTypes.WrapUpSaved or HistoryTypes.WrapUpTimedOut;

    public void Add(HistoryEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var seconds = e.Seconds ?? 0;
        var ticks = Ticks(e.Seconds);
        switch (e.Type)
        {
            case HistoryTypes.Queued or HistoryTypes.Overflowed:
                Offered++;
                break;
            case HistoryTypes.Accepted:
                Answered++;
                answerWait += ticks;
                if (seconds <= Thresholds.ServiceLevelSeconds)
                {
                    AnsweredWithinServiceLevel++;
                }

                break;
            case HistoryTypes.Abandoned:
                if (seconds < Thresholds.AbandonThresholdSeconds)
                {
                    ShortAbandoned++;
                }
                else
                {
                    Abandoned++;
                }

                break;
            case HistoryTypes.Transferred:
                TransferredOut++;
                break;
            case HistoryTypes.Ended or HistoryTypes.Failed when e.Seconds is not null:
                Handled++;
                talk += ticks;
                break;
            case HistoryTypes.Resumed:
                hold += ticks;
                break;
            case HistoryTypes.WrapUpSaved or HistoryTypes.WrapUpTimedOut when e.Seconds is not null:
                WrapUps++;
                wrapUp += ticks;
                break;
            default:
                break;
        }
    }

    /// <summary>Adds (or with <paramref name="sign"/> -1 takes away) another tally's counts: exact, in whole numbers.</summary>
    public void Add(QueueTally other, int sign = 1)
    {
        ArgumentNullException.ThrowIfNull(other);
        Offered += sign * other.Offered;
        Answered += sign * other.Answered;
        AnsweredWithinServiceLevel += sign * other.AnsweredWithinServiceLevel;
        Abandoned += sign * other.Abandoned;
        ShortAbandoned += sign * other.ShortAbandoned;
        TransferredOut += sign * other.TransferredOut;
        Handled += sign * other.Handled;
        WrapUps += sign * other.WrapUps;
        answerWait += sign * other.answerWait;
        talk += sign * other.talk;
        hold += sign * other.hold;
        wrapUp += sign * other.wrapUp;
    }

    /// <summary>A duration of the history in ticks, as exact as the seconds it was written as.</summary>
    public static long Ticks(double? seconds) => seconds is { } s ? (long)Math.Round(s * TimeSpan.TicksPerSecond) : 0;

    private static double Seconds(long ticks) => (double)ticks / TimeSpan.TicksPerSecond;
}
