namespace Switchboard.Domain.Interactions;

/// <summary>
/// Merge lines, on the call that stays: the party of the agent's other call (<c>FromInteractionId</c>, its leg
/// <c>FromLegId</c> at <c>Address</c>) joins this call, in conference with its customer and the agent.
/// </summary>
public sealed record MergeLines(string AgentId, string FromInteractionId, string FromLegId, string Address) : InteractionCommand("agent:" + AgentId);

/// <summary>Merge lines, on the call that goes: its party moves to the agent's other call (<c>IntoInteractionId</c>), and this call ends.</summary>
public sealed record HandOverLine(string AgentId, string IntoInteractionId) : InteractionCommand("agent:" + AgentId);

/// <summary>Where a leg came from when it joined this call from another one (merged lines): that call and its leg id there.</summary>
public sealed record LegOrigin(string InteractionId, string LegId);
