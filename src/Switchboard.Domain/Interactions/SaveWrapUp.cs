namespace Switchboard.Domain.Interactions;

public sealed record SaveWrapUp(string AgentId, IReadOnlyList<string> Codes, string? Notes) : InteractionCommand("agent:" + AgentId);
