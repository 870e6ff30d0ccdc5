namespace Switchboard.Domain.Interactions;

/// <summary>Line 2 is dropped and the handler is back with the customer on line 1.</summary>
public sealed record CancelConsult(string AgentId) : InteractionCommand("agent:" + AgentId);
