namespace Switchboard.Domain.Interactions;

/// <summary>Tell the agent it has this call on hold: its line 2 is free for another call.</summary>
public sealed record HoldAgentLine(string AgentId) : InteractionEffect;
