using Switchboard.Domain.Queues;

namespace Switchboard.Domain.Reports;

/// <summary>
/// An agent's figures over one period, from its history events: time in each state and status code (spans cut to the
/// period), work answered by medium, handle, hold and wrap-up time, transaction codes, transfers and consults.
/// </summary>
public sealed class AgentTally(DateTimeOffset from, DateTimeOffset to)
{
    private readonly Dictionary<(string State, string? Code), long> stateTicks = [];
    private readonly Dictionary<MediaType, int> answered = [];
    private readonly Dictionary<string, int> codes = new(StringComparer.Ordinal);
    private long talk;
    private long hold;
    private long wrapUp;

    public DateTimeOffset From { get; } = from;

    public DateTimeOffset To { get; } = to;

    /// <summary>Seconds in each state (with its status code) within the period.</summary>
    public IReadOnlyDictionary<(string State, string? Code), double> StateSeconds =>
        stateTicks.ToDictionary(s => s.Key, s => (double)s.Value / TimeSpan.TicksPerSecond);

    /// <summary>Work the agent accepted, by medium.</summary>
    public IReadOnlyDictionary<MediaType, int> Answered => answered;

    /// <summary>How many times each transaction code was saved in the agent's wrap-ups.</summary>
    public IReadOnlyDictionary<string, int> TransactionCodes => codes;

    /// <summary>Work the agent answered that ended in the period: its talk time (hold included) is counted.</summary>
    public int Handled { get; private set; }

    public int WrapUps { get; private set; }

    public int Transfers { get; private set; }

    public int Consults { get; private set; }

    /// <summary>Chat messages the agent wrote.</summary>
    public int MessagesSent { get; private set; }

    /// <summary>Email replies the agent wrote, counted when stored to be sent (whatever the mail server then does).</summary>
    public int EmailReplies { get; private set; }

    public double? AverageHandleSeconds => Handled > 0 ? (double)(talk + wrapUp) / TimeSpan.TicksPerSecond / Handled : null;

    public double? AverageHoldSeconds => Handled > 0 ? (double)hold / TimeSpan.TicksPerSecond / Handled : null;

    public double? AverageWrapUpSeconds => WrapUps > 0 ? (double)wrapUp / TimeSpan.TicksPerSecond / WrapUps : null;

    /// <summary>Busy and wrap-up time as a share of the time ready for work or at it (available, busy, wrap-up).</summary>
    public double? OccupancyPercent
    {
        get
        {
            long Of(string state) => stateTicks.Where(s => s.Key.State == state).Sum(s => s.Value);
            var working = Of("Busy") + Of("WrapUp");
            var staffed = working + Of("Available");
            return staffed > 0 ? 100.0 * working / staffed : null;
        }
    }

    /// <summary>Whether an event is about an agent's figures (its state, its work).</summary>
    public static bool Counts(HistoryEvent e) =>
        e.AgentId is not null && e.Type is HistoryTypes.AgentState or HistoryTypes.Accepted or HistoryTypes.Ended or HistoryTypes.Failed
            or HistoryTypes.Resumed or HistoryTypes.WrapUpSaved or HistoryTypes.WrapUpTimedOut or HistoryTypes.Transferred or HistoryTypes.ConsultStarted
            or HistoryTypes.Message or HistoryTypes.Replied;

    /// <summary>
    /// Counts an event that happened in the period; for a state change, the part of the state it ends that lies in the
    /// period (the span may have begun before it, and an event after the period may end a span inside it).
    /// </summary>
    public void Add(HistoryEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e.Type == HistoryTypes.AgentState)
        {
            if (e.FromState is { } left && e.Seconds is { } seconds)
            {
                AddSpan(left, e.FromCode, e.At.AddTicks(-QueueTally.Ticks(seconds)), e.At);
            }

            return;
        }

        if (e.At < From || e.At >= To)
        {
            return;
        }

        var ticks = QueueTally.Ticks(e.Seconds);
        switch (e.Type)
        {
            case HistoryTypes.Accepted:
                var media = e.Media ?? MediaType.Voice;
                answered[media] = answered.GetValueOrDefault(media) + 1;
                break;
            case HistoryTypes.Ended or HistoryTypes.Failed when e.Seconds is not null:
                Handled++;
                talk += ticks;
                break;
            case HistoryTypes.Resumed:
                hold += ticks;
                break;
            case HistoryTypes.WrapUpSaved or HistoryTypes.WrapUpTimedOut:
                if (e.Seconds is not null)
                {
                    WrapUps++;
                    wrapUp += ticks;
                }

                foreach (var code in (e.Code ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries))
                {
                    codes[code] = codes.GetValueOrDefault(code) + 1;
                }

                break;
            case HistoryTypes.Transferred:
                Transfers++;
                break;
            case HistoryTypes.ConsultStarted:
                Consults++;
                break;
            case HistoryTypes.Message:
                MessagesSent++;
                break;
            case HistoryTypes.Replied:
                EmailReplies++;
                break;
            default:
                break;
        }
    }

    /// <summary>The part of a state held from <paramref name="start"/> to <paramref name="end"/> that lies in the period.</summary>
    public void AddSpan(string state, string? code, DateTimeOffset start, DateTimeOffset end)
    {
        var from = start > From ? start : From;
        var to = end < To ? end : To;
        if (to > from)
        {
            stateTicks[(state, code)] = stateTicks.GetValueOrDefault((state, code)) + (to - from).Ticks;
        }
    }
}
