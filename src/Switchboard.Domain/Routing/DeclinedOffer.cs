namespace Switchboard.Domain.Routing;

/// <summary>The routed offer an agent last turned down for better work in another of its queues, and when it first did.</summary>
public sealed record DeclinedOffer(string InteractionId, DateTimeOffset Since);
