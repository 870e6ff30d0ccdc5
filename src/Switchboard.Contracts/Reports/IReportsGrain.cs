using Switchboard.Domain.Reports;

namespace Switchboard.Contracts.Reports;

/// <summary>
/// Historical reports computed from a tenant's event history. Keyed by tenant id; any silo may compute one. A long range
/// over a busy tenant reads millions of events: a report may take minutes, not the default half minute of a grain call.
/// </summary>
[Alias("Switchboard.IReportsGrain")]
public interface IReportsGrain : IGrainWithStringKey
{
    [Alias("Queues"), ReadOnly, ResponseTimeout("00:10:00")]
    Task<QueueReportPage> Queues(QueueReportQuery query, CancellationToken cancellationToken = default);

    [Alias("Agents"), ReadOnly, ResponseTimeout("00:10:00")]
    Task<AgentReportPage> Agents(AgentReportQuery query, CancellationToken cancellationToken = default);
}

/// <summary>
/// Which queue figures: [From, To) in periods of <see cref="Interval"/> in <see cref="TimeZone"/>, of one queue or of
/// every queue with activity; rows <see cref="Offset"/> to <see cref="Offset"/> + <see cref="Limit"/>; counting the events up to
/// <see cref="AsOf"/> (null: now), so every page of a report that reaches now counts the same events.
/// </summary>
[GenerateSerializer, Immutable, Alias("Switchboard.QueueReportQuery")]
public sealed record QueueReportQuery(
    [property: Id(0)] DateTimeOffset From,
    [property: Id(1)] DateTimeOffset To,
    [property: Id(2)] ReportInterval Interval,
    [property: Id(3)] string TimeZone,
    [property: Id(4)] string? QueueId,
    [property: Id(5)] int Offset,
    [property: Id(6)] int Limit,
    [property: Id(7)] DateTimeOffset? AsOf = null);

/// <summary>One queue's figures over one period.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.QueueReportRow")]
public sealed record QueueReportRow(
    [property: Id(0)] string QueueId,
    [property: Id(1)] int ServiceLevelSeconds,
    [property: Id(2)] int AbandonThresholdSeconds,
    [property: Id(3)] QueueFigures Figures);

/// <summary>A page of a queue report: rows by period then queue; <see cref="NextOffset"/> null on the last page.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.QueueReportPage")]
public sealed record QueueReportPage(
    [property: Id(0)] IReadOnlyList<QueueReportRow> Rows,
    [property: Id(1)] int TotalRows,
    [property: Id(2)] int? NextOffset);

/// <summary>
/// Which agent figures: [From, To) in periods of <see cref="Interval"/> (null: the whole range as one period) in
/// <see cref="TimeZone"/>, of one agent, of one group's agents, or of every agent with activity; rows <see cref="Offset"/>
/// to <see cref="Offset"/> + <see cref="Limit"/>; as of <see cref="AsOf"/> (null: now), like a queue report.
/// </summary>
[GenerateSerializer, Immutable, Alias("Switchboard.AgentReportQuery")]
public sealed record AgentReportQuery(
    [property: Id(0)] DateTimeOffset From,
    [property: Id(1)] DateTimeOffset To,
    [property: Id(2)] ReportInterval? Interval,
    [property: Id(3)] string TimeZone,
    [property: Id(4)] string? AgentId,
    [property: Id(5)] string? Group,
    [property: Id(6)] int Offset,
    [property: Id(7)] int Limit,
    [property: Id(8)] DateTimeOffset? AsOf = null);

/// <summary>Time in one state with one status code.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.StateTime")]
public sealed record StateTime([property: Id(0)] string State, [property: Id(1)] string? Code, [property: Id(2)] double Seconds);

/// <summary>One agent's figures over one period [From, To).</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.AgentFigures")]
public sealed record AgentFigures(
    [property: Id(0)] string AgentId,
    [property: Id(1)] DateTimeOffset From,
    [property: Id(2)] DateTimeOffset To,
    [property: Id(3)] IReadOnlyList<StateTime> States,
    [property: Id(4)] IReadOnlyDictionary<Domain.Queues.MediaType, int> Answered,
    [property: Id(5)] int Handled,
    [property: Id(6)] double? AverageHandleSeconds,
    [property: Id(7)] double? AverageHoldSeconds,
    [property: Id(8)] double? AverageWrapUpSeconds,
    [property: Id(9)] double? OccupancyPercent,
    [property: Id(10)] IReadOnlyDictionary<string, int> TransactionCodes,
    [property: Id(11)] int Transfers,
    [property: Id(12)] int Consults,
    [property: Id(13)] int MessagesSent,
    [property: Id(14)] int EmailReplies)
{
    public static AgentFigures Of(string agentId, AgentTally tally)
    {
        ArgumentNullException.ThrowIfNull(tally);
        return new(
            agentId,
            tally.From,
            tally.To,
            [.. tally.StateSeconds.OrderBy(s => s.Key.State, StringComparer.Ordinal).ThenBy(s => s.Key.Code, StringComparer.Ordinal).Select(s => new StateTime(s.Key.State, s.Key.Code, s.Value))],
            new Dictionary<Domain.Queues.MediaType, int>(tally.Answered),
            tally.Handled,
            tally.AverageHandleSeconds,
            tally.AverageHoldSeconds,
            tally.AverageWrapUpSeconds,
            tally.OccupancyPercent,
            new SortedDictionary<string, int>(tally.TransactionCodes.ToDictionary(c => c.Key, c => c.Value), StringComparer.Ordinal),
            tally.Transfers,
            tally.Consults,
            tally.MessagesSent,
            tally.EmailReplies);
    }
}

/// <summary>A page of an agent report: rows by period then agent; <see cref="NextOffset"/> null on the last page.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.AgentReportPage")]
public sealed record AgentReportPage(
    [property: Id(0)] IReadOnlyList<AgentFigures> Rows,
    [property: Id(1)] int TotalRows,
    [property: Id(2)] int? NextOffset);
