using Switchboard.Domain.Interactions;

namespace Switchboard.Contracts.Interactions;

[GenerateSerializer, Immutable, Alias("Switchboard.OfferView")]
public sealed record OfferView(
    [property: Id(0)] string AgentId,
    [property: Id(1)] string? QueueId,
    [property: Id(2)] OfferPurpose Purpose,
    [property: Id(3)] DateTimeOffset OfferedAt,
    [property: Id(4)] DateTimeOffset ExpiresAt,
    [property: Id(5)] string? PhoneLegId = null,
    [property: Id(6)] RoutingExplanationView? Routing = null);
