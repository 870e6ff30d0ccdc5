using Switchboard.Contracts.Alerts;

namespace Switchboard.Api.Models;

/// <summary>A broadcast with its recipients (resolved when it was sent) and their read receipts.</summary>
public sealed record BroadcastResponse(
    string Id,
    string Text,
    BroadcastAudienceResponse Audience,
    string SentBy,
    DateTimeOffset SentAt,
    DateTimeOffset? ExpiresAt,
    int RecipientCount,
    int DeliveredCount,
    int ReadCount,
    IReadOnlyList<BroadcastRecipientResponse> Recipients)
{
    public static BroadcastResponse From(BroadcastView view)
    {
        var (alert, summary) = (view.Summary.Alert, view.Summary);
        return new(alert.Id, alert.Text, BroadcastAudienceResponse.From(alert.Audience), alert.SentBy, alert.SentAt, alert.ExpiresAt,
            summary.RecipientCount, summary.DeliveredCount, summary.ReadCount, [.. view.Recipients.Select(BroadcastRecipientResponse.From)]);
    }
}
