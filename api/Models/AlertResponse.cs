using Switchboard.Contracts.Alerts;

namespace Switchboard.Api.Models;

/// <summary>A broadcast as an agent's inbox holds it, with whether (and when) the agent read it.</summary>
public sealed record AlertResponse(
    string Id,
    string Text,
    BroadcastAudienceResponse Audience,
    string SentBy,
    DateTimeOffset SentAt,
    DateTimeOffset? ExpiresAt,
    bool Read,
    DateTimeOffset? ReadAt)
{
    public static AlertResponse From(InboxAlert item)
    {
        var alert = item.Alert;
        return new(alert.Id, alert.Text, BroadcastAudienceResponse.From(alert.Audience), alert.SentBy, alert.SentAt, alert.ExpiresAt,
            item.ReadAt is not null, item.ReadAt);
    }
}
