namespace Switchboard.Api.Models;

/// <summary>A queue's counts for one UTC day.</summary>
/// <param name="Offered">Work that arrived in the queue (new, transferred or overflowed in; not requeued after an offer).</param>
/// <param name="Answered">Routed work accepted by an agent.</param>
/// <param name="Abandoned">Callers who hung up while waiting or being offered.</param>
/// <param name="AverageSpeedOfAnswerSeconds">Mean wait of the answered work, from arrival in the queue to accept.</param>
/// <param name="ServiceLevelSeconds">The service-level threshold.</param>
/// <param name="ServiceLevelPercent">Answered within the threshold, as a share of answered plus abandoned.</param>
/// <param name="Day">The UTC day the counts are for.</param>
public sealed record QueueDayFigures(
    DateTimeOffset Day,
    int Offered,
    int Answered,
    int Abandoned,
    double? AverageSpeedOfAnswerSeconds,
    int ServiceLevelSeconds,
    double? ServiceLevelPercent);
