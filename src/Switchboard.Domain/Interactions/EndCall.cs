namespace Switchboard.Domain.Interactions;

/// <summary>An agent hangs up: the call ends, or, in a conference, the agent leaves it.</summary>
public sealed record EndCall(string AgentId) : InteractionCommand("agent:" + AgentId);
