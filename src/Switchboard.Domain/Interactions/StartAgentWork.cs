namespace Switchboard.Domain.Interactions;

/// <summary>The agent starts working on it (becomes Busy).</summary>
public sealed record StartAgentWork(string AgentId) : InteractionEffect;
