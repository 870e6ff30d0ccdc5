namespace Switchboard.Domain.Interactions;

/// <summary>Merge lines: the customer, the handler and the consulted party together.</summary>
public sealed record StartConference(string AgentId) : InteractionCommand("agent:" + AgentId);
