namespace Switchboard.Domain.Interactions;

/// <summary>The agent's wrap-up is done (leaves WrapUp).</summary>
public sealed record CompleteAgentWrapUp(string AgentId) : InteractionEffect;
