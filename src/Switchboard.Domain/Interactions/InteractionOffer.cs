using Switchboard.Domain.Routing;

namespace Switchboard.Domain.Interactions;

/// <summary>The one open offer of an interaction.</summary>
/// <remarks>
/// <c>QueueId</c>: the queue it was routed from; null for a direct offer. <c>QueueSequence</c>: its arrival number in
/// that queue, so that work put back after the offer takes exactly its old place. <c>PhoneLegId</c>: once the agent has
/// accepted a call and its own phone is being rung, that phone's leg: the call connects when it answers, and goes back as
/// unanswered when it does not (by <c>ExpiresAt</c>, restarted on accept). <c>Routing</c>: why the queue chose the agent;
/// null for a direct offer.
/// </remarks>
public sealed record InteractionOffer(
    string AgentId,
    string? QueueId,
    OfferPurpose Purpose,
    DateTimeOffset OfferedAt,
    DateTimeOffset ExpiresAt,
    long? QueueSequence = null,
    string? PhoneLegId = null,
    RoutingExplanation? Routing = null);
