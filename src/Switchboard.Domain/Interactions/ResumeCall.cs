namespace Switchboard.Domain.Interactions;

public sealed record ResumeCall(string AgentId) : InteractionCommand("agent:" + AgentId);
