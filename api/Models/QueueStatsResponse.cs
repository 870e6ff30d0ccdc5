using Switchboard.Contracts.Queues;
using Switchboard.Domain.Agents;

namespace Switchboard.Api.Models;

/// <summary>A queue's real-time figures.</summary>
/// <param name="QueueId">The queue.</param>
/// <param name="Waiting">Interactions waiting now.</param>
/// <param name="LongestWaitSeconds">How long the longest-waiting one has waited; null when none waits.</param>
/// <param name="Agents">Members by state: available, busy, wrapUp, offline, break, loggedOut, and the total.</param>
/// <param name="Today">Counts since midnight UTC.</param>
/// <param name="At">When the figures were taken.</param>
public sealed record QueueStatsResponse(
    string QueueId,
    int Waiting,
    double? LongestWaitSeconds,
    QueueAgentCounts Agents,
    QueueDayFigures Today,
    DateTimeOffset At)
{
    public static QueueStatsResponse From(QueueStats s) => new(
        s.QueueId,
        s.Waiting,
        s.LongestWaitSeconds,
        new QueueAgentCounts(
            Count(s, AgentState.Available),
            Count(s, AgentState.Busy),
            Count(s, AgentState.WrapUp),
            Count(s, AgentState.Offline),
            Count(s, AgentState.Break),
            Count(s, AgentState.LoggedOut),
            s.AgentsByState.Values.Sum()),
        new QueueDayFigures(s.Day, s.Offered, s.Answered, s.Abandoned, s.AverageSpeedOfAnswerSeconds, s.ServiceLevelSeconds, s.ServiceLevelPercent),
        s.At);

    private static int Count(QueueStats s, AgentState state) => s.AgentsByState.GetValueOrDefault(state);
}
