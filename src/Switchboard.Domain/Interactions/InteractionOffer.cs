namespace Switchboard.Domain.Interactions;

/// <summary>The one open offer of an interaction.</summary>
/// <remarks>
/// <c>QueueId</c>: the queue it was routed from; null for a direct offer. <c>QueueSequence</c>: its arrival number in
/// that queue, so that work put back after the offer takes exactly its old place.
/// </remarks>
public sealed record InteractionOffer(string AgentId, string? QueueId, OfferPurpose Purpose, DateTimeOffset OfferedAt, DateTimeOffset ExpiresAt, long? QueueSequence = null);
