using Switchboard.Contracts.Alerts;

namespace Switchboard.Api.Models;

/// <summary>A broadcast in the list, with counts; GET it for each recipient.</summary>
public sealed record BroadcastSummaryResponse(
    string Id,
    string Text,
    BroadcastAudienceResponse Audience,
    string SentBy,
    DateTimeOffset SentAt,
    DateTimeOffset? ExpiresAt,
    int RecipientCount,
    int DeliveredCount,
    int ReadCount)
{
    public static BroadcastSummaryResponse From(BroadcastSummary summary)
    {
        var alert = summary.Alert;
        return new(alert.Id, alert.Text, BroadcastAudienceResponse.From(alert.Audience), alert.SentBy, alert.SentAt, alert.ExpiresAt,
            summary.RecipientCount, summary.DeliveredCount, summary.ReadCount);
    }
}
