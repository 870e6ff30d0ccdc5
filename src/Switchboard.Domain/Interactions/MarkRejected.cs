using Switchboard.Domain.Agents;

namespace Switchboard.Domain.Interactions;

/// <summary>The agent rejected: release, and put in <c>State</c> (the queue's reject state); null keeps its state (a direct offer).</summary>
public sealed record MarkRejected(string AgentId, AgentState? State) : InteractionEffect;
