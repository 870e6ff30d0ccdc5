using Switchboard.Domain.Agents;

namespace Switchboard.Domain.Interactions;

/// <summary>The agent rejected: release and put in the queue's reject state.</summary>
public sealed record MarkRejected(string AgentId, AgentState State) : InteractionEffect;
