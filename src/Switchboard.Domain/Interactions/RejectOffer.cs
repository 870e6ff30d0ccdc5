namespace Switchboard.Domain.Interactions;

/// <summary>The offered agent declines.</summary>
public sealed record RejectOffer(string AgentId) : InteractionCommand("agent:" + AgentId);
