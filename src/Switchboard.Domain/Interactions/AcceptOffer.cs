namespace Switchboard.Domain.Interactions;

/// <summary>The offered agent answers.</summary>
/// <remarks><c>RingPhone</c>: for a call, ring the agent's own phone first and connect when it answers (a carrier, or an
/// agent with a verified phone); otherwise the agent's softphone is taken to answer with the accept.</remarks>
public sealed record AcceptOffer(string AgentId, bool RingPhone = false) : InteractionCommand("agent:" + AgentId);
