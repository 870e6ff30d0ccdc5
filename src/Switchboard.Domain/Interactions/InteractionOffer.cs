using System.Text.Json.Serialization;

namespace Switchboard.Domain.Interactions;

/// <summary>The one open offer of an interaction.</summary>
/// <remarks><c>QueueId</c>: The queue it was routed from; null for a direct offer.</remarks>
public sealed record InteractionOffer(string AgentId, string? QueueId, OfferPurpose Purpose, DateTimeOffset OfferedAt, DateTimeOffset ExpiresAt)
{
    [JsonIgnore]
    public bool IsRouted => QueueId is not null;
}
