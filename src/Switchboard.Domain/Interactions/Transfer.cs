namespace Switchboard.Domain.Interactions;

/// <summary>Blind transfer by the handler.</summary>
public sealed record Transfer(string AgentId, TransferTarget Target) : InteractionCommand("agent:" + AgentId);
