namespace Switchboard.Domain.Agents;

/// <summary>An agent sets its own state, a supervisor forces one, or the system sets one (RONA, platform change).</summary>
public sealed record ChangeState(AgentState Target, string? ReasonCode, StateActor Actor, string? ActorId, string? Reason = null) : AgentCommand;
