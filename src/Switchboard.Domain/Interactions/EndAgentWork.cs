namespace Switchboard.Domain.Interactions;

/// <summary>The agent's part ended (goes to WrapUp).</summary>
public sealed record EndAgentWork(string AgentId) : InteractionEffect;
