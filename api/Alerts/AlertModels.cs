using Switchboard.Api.OpenApi;
using Switchboard.Contracts.Alerts;
using Switchboard.Contracts.Live;

namespace Switchboard.Api.Alerts;

/// <summary>A supervisor broadcast.</summary>
/// <param name="Text">Required; 1-2,000 characters, may span lines.</param>
/// <param name="Audience">Required; exactly one of {"all": true}, {"group": "sales"} or {"queueId": "support"}.</param>
/// <param name="ExpiresAt">Optional, in the future (at most a year ahead): agents no longer see it after this.</param>
[WireExample("""{"text":"The CRM is slow this morning: note case numbers on paper until 10:00.","audience":{"group":"sales"},"expiresAt":"2026-11-25T18:00:00+00:00"}""")]
public sealed record CreateBroadcastRequest(string? Text, BroadcastAudienceRequest? Audience, DateTimeOffset? ExpiresAt);

/// <summary>Who a broadcast is for: exactly one member.</summary>
/// <param name="All">true: every agent of the tenant.</param>
/// <param name="Group">The agents of this group.</param>
/// <param name="QueueId">The members of this queue.</param>
[WireExample("""{"queueId":"support"}""")]
public sealed record BroadcastAudienceRequest(bool? All, string? Group, string? QueueId);

/// <summary>A broadcast with its recipients (resolved when it was sent) and their read receipts.</summary>
[WireExample("""
    {"id":"b_7d1e0c2b9a8f4e3d2c1b0a9f8e7d6c5b","text":"The CRM is slow this morning: note case numbers on paper until 10:00.",
     "audience":{"all":false,"group":"sales","queueId":null},"sentBy":"key_3q2-7wAbCdEf","sentAt":"2026-11-25T09:00:00+00:00",
     "expiresAt":"2026-11-25T18:00:00+00:00","recipientCount":2,"deliveredCount":2,"readCount":1,
     "recipients":[{"agentId":"a1","delivered":true,"read":true,"readAt":"2026-11-25T09:00:30+00:00"},{"agentId":"a2","delivered":true,"read":false,"readAt":null}]}
    """)]
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

/// <summary>A broadcast in the list, with counts; GET it for each recipient.</summary>
[WireExample("""{"id":"b_7d1e0c2b9a8f4e3d2c1b0a9f8e7d6c5b","text":"The CRM is slow this morning: note case numbers on paper until 10:00.","audience":{"all":false,"group":"sales","queueId":null},"sentBy":"key_3q2-7wAbCdEf","sentAt":"2026-11-25T09:00:00+00:00","expiresAt":"2026-11-25T18:00:00+00:00","recipientCount":2,"deliveredCount":2,"readCount":1}""")]
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

/// <summary>Who a broadcast is for: all agents, one group, or one queue's members (as resolved when it was sent).</summary>
[WireExample("""{"all":false,"group":"sales","queueId":null}""")]
public sealed record BroadcastAudienceResponse(bool All, string? Group, string? QueueId)
{
    public static BroadcastAudienceResponse From(AlertAudience audience) => new(audience.All, audience.Group, audience.QueueId);
}

/// <summary>A recipient of a broadcast: whether its inbox has it yet, and its read receipt.</summary>
[WireExample("""{"agentId":"a1","delivered":true,"read":true,"readAt":"2026-11-25T09:00:30+00:00"}""")]
public sealed record BroadcastRecipientResponse(string AgentId, bool Delivered, bool Read, DateTimeOffset? ReadAt)
{
    public static BroadcastRecipientResponse From(BroadcastRecipient recipient) =>
        new(recipient.AgentId, recipient.Delivered, recipient.ReadAt is not null, recipient.ReadAt);
}

/// <summary>An agent's alerts that have not expired, newest first (the inbox keeps the newest 200).</summary>
[WireExample("""{"items":[{"id":"b_7d1e0c2b9a8f4e3d2c1b0a9f8e7d6c5b","text":"The CRM is slow this morning: note case numbers on paper until 10:00.","audience":{"all":true,"group":null,"queueId":null},"sentBy":"key_3q2-7wAbCdEf","sentAt":"2026-11-25T09:00:00+00:00","expiresAt":null,"read":false,"readAt":null}]}""")]
public sealed record AlertList(IReadOnlyList<AlertResponse> Items);

/// <summary>A broadcast as an agent's inbox holds it, with whether (and when) the agent read it.</summary>
[WireExample("""{"id":"b_7d1e0c2b9a8f4e3d2c1b0a9f8e7d6c5b","text":"The CRM is slow this morning: note case numbers on paper until 10:00.","audience":{"all":false,"group":"sales","queueId":null},"sentBy":"key_3q2-7wAbCdEf","sentAt":"2026-11-25T09:00:00+00:00","expiresAt":"2026-11-25T18:00:00+00:00","read":true,"readAt":"2026-11-25T09:00:30+00:00"}""")]
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
