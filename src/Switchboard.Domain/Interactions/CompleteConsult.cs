namespace Switchboard.Domain.Interactions;

/// <summary>Transfer lines: the handler leaves, the customer and the consulted party stay.</summary>
public sealed record CompleteConsult(string AgentId) : InteractionCommand("agent:" + AgentId);
