using Switchboard.Domain.Agents;

namespace Switchboard.Contracts.Queues;

/// <summary>
/// A queue's real-time figures: waiting work, members by state, and the counts of today (from midnight in the tenant's
/// time zone) and of the last 30 minutes from the event history. The flat counts repeat today's, as they were before the
/// history.
/// </summary>
[GenerateSerializer, Immutable, Alias("Switchboard.QueueStats")]
public sealed record QueueStats(
    [property: Id(0)] string QueueId,
    [property: Id(1)] int Waiting,
    [property: Id(2)] double? LongestWaitSeconds,
    [property: Id(3)] IReadOnlyDictionary<AgentState, int> AgentsByState,
    [property: Id(4)] int Offered,
    [property: Id(5)] int Answered,
    [property: Id(6)] int Abandoned,
    [property: Id(7)] double? AverageSpeedOfAnswerSeconds,
    [property: Id(8)] int ServiceLevelSeconds,
    [property: Id(9)] double? ServiceLevelPercent,
    [property: Id(10)] DateTimeOffset Day,
    [property: Id(11)] DateTimeOffset At,
    [property: Id(12)] Reports.QueueLiveFigures? Figures = null);
