namespace Switchboard.Domain.Queues;

/// <summary>How a queue chooses among its eligible agents.</summary>
/// <remarks>Persisted as numbers: never renumber one that has shipped.</remarks>
public enum RoutingStrategy
{
    /// <summary>The agent idle the longest (available with no offer since the earliest time) first.</summary>
    LongestIdle = 0,

    /// <summary>Members in turn, starting after the agent offered work last.</summary>
    RoundRobin = 1,

    /// <summary>Highest skill level first; ties go to the agent idle the longest.</summary>
    SkillLevel = 2,
}
