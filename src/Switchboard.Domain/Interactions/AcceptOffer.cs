namespace Switchboard.Domain.Interactions;

/// <summary>The offered agent answers.</summary>
public sealed record AcceptOffer(string AgentId) : InteractionCommand("agent:" + AgentId);
