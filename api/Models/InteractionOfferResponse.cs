using Switchboard.Contracts.Interactions;
using Switchboard.Domain.Interactions;

namespace Switchboard.Api.Models;

/// <summary>The open offer: to whom, from which queue (none for a direct call), for the call itself or a consult, until when.</summary>
public sealed record InteractionOfferResponse(
    string AgentId,
    string? QueueId,
    OfferPurpose Purpose,
    DateTimeOffset OfferedAt,
    DateTimeOffset ExpiresAt)
{
    public static InteractionOfferResponse From(OfferView offer) =>
        new(offer.AgentId, offer.QueueId, offer.Purpose, offer.OfferedAt, offer.ExpiresAt);
}
