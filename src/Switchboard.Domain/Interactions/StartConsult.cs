namespace Switchboard.Domain.Interactions;

/// <summary>The handler puts the customer on hold and calls the target on line 2.</summary>
public sealed record StartConsult(string AgentId, TransferTarget Target) : InteractionCommand("agent:" + AgentId);
