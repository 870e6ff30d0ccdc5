namespace Switchboard.Domain.Agents;

/// <summary>A state asked for while the agent was busy, applied when the work ends.</summary>
public sealed record RequestedState(AgentState State, string? ReasonCode, StateActor Actor, string? ActorId, string? Reason);
