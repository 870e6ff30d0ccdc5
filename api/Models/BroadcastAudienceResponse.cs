using Switchboard.Contracts.Live;

namespace Switchboard.Api.Models;

/// <summary>Who a broadcast is for: all agents, one group, or one queue's members (as resolved when it was sent).</summary>
public sealed record BroadcastAudienceResponse(bool All, string? Group, string? QueueId)
{
    public static BroadcastAudienceResponse From(AlertAudience audience) => new(audience.All, audience.Group, audience.QueueId);
}
