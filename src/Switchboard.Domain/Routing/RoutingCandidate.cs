namespace Switchboard.Domain.Routing;

/// <summary>A queue member that may be offered work now, as the queue last heard of it.</summary>
/// <param name="AgentId">The member.</param>
/// <param name="SkillLevel">1 (lowest) to 10 (highest) in this queue.</param>
/// <param name="IdleSince">Since when the agent has been able to take work with nothing offered.</param>
/// <param name="Load">How many pieces of work it has in hand (of any medium): the less loaded agent is offered first.</param>
public sealed record RoutingCandidate(string AgentId, int SkillLevel, DateTimeOffset IdleSince, int Load = 0);
