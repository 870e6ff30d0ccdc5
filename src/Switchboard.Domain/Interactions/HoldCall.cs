namespace Switchboard.Domain.Interactions;

public sealed record HoldCall(string AgentId) : InteractionCommand("agent:" + AgentId);
