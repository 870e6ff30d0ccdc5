using Switchboard.Domain.Reports;

namespace Switchboard.Contracts.Reports;

/// <summary>Historical reports computed from a tenant's event history. Keyed by tenant id; any silo may compute one.</summary>
[Alias("Switchboard.IReportsGrain")]
public interface IReportsGrain : IGrainWithStringKey
{
    [Alias("Queues"), ReadOnly]
    Task<QueueReportPage> Queues(QueueReportQuery query, CancellationToken cancellationToken = default);
}

/// <summary>
/// Which queue figures: [From, To) in periods of <see cref="Interval"/> in <see cref="TimeZone"/>, of one queue or of
/// every queue with activity; rows <see cref="Offset"/> to <see cref="Offset"/> + <see cref="Limit"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("Switchboard.QueueReportQuery")]
public sealed record QueueReportQuery(
    [property: Id(0)] DateTimeOffset From,
    [property: Id(1)] DateTimeOffset To,
    [property: Id(2)] ReportInterval Interval,
    [property: Id(3)] string TimeZone,
    [property: Id(4)] string? QueueId,
    [property: Id(5)] int Offset,
    [property: Id(6)] int Limit);

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
