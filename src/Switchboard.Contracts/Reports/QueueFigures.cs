using Switchboard.Domain.Reports;

namespace Switchboard.Contracts.Reports;

/// <summary>A queue's figures over one period, as counted by a <see cref="QueueTally"/>.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.QueueFigures")]
public sealed record QueueFigures(
    [property: Id(0)] DateTimeOffset From,
    [property: Id(1)] DateTimeOffset To,
    [property: Id(2)] int Offered,
    [property: Id(3)] int Answered,
    [property: Id(4)] int AnsweredWithinServiceLevel,
    [property: Id(5)] int Abandoned,
    [property: Id(6)] int ShortAbandoned,
    [property: Id(7)] int TransferredOut,
    [property: Id(8)] int Handled,
    [property: Id(9)] double? ServiceLevelPercent,
    [property: Id(10)] double? AverageSpeedOfAnswerSeconds,
    [property: Id(11)] double? AverageHandleSeconds,
    [property: Id(12)] double? AverageWrapUpSeconds,
    [property: Id(13)] double? AverageHoldSeconds)
{
    public static QueueFigures Of(QueueTally tally, DateTimeOffset from, DateTimeOffset to)
    {
        ArgumentNullException.ThrowIfNull(tally);
        return new(
            from,
            to,
            tally.Offered,
            tally.Answered,
            tally.AnsweredWithinServiceLevel,
            tally.Abandoned,
            tally.ShortAbandoned,
            tally.TransferredOut,
            tally.Handled,
            tally.ServiceLevelPercent,
            tally.AverageSpeedOfAnswerSeconds,
            tally.AverageHandleSeconds,
            tally.AverageWrapUpSeconds,
            tally.Handled > 0 ? tally.HoldSeconds / tally.Handled : null);
    }
}

/// <summary>A queue's live figures: today (from local midnight in the tenant's time zone) and the last 30 minutes.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.QueueLiveFigures")]
public sealed record QueueLiveFigures(
    [property: Id(0)] int ServiceLevelSeconds,
    [property: Id(1)] int AbandonThresholdSeconds,
    [property: Id(2)] QueueFigures Today,
    [property: Id(3)] QueueFigures LastThirtyMinutes,
    [property: Id(4)] string TimeZone);
