using System.ComponentModel.DataAnnotations;
using Switchboard.Api.OpenApi;
using Switchboard.Contracts.Alerts;
using Switchboard.Contracts.Live;
using Switchboard.Domain.Alerts;
using Switchboard.Domain.Tenancy;

namespace Switchboard.Api.Alerts;

/// <summary>A supervisor broadcast.</summary>
/// <param name="Text">Required; 1-2,000 characters, may span lines.</param>
/// <param name="Audience">Required; exactly one of {"all": true}, {"group": "sales"} or {"queueId": "support"}.</param>
/// <param name="ExpiresAt">Optional, in the future (at most a year ahead): agents no longer see it after this.</param>
/// <remarks>
/// Not checked by the request filter: <c>expiresAt</c> is judged against the business clock, which the handler reads,
/// and in the same pass as the other fields so that one 422 names them all.
/// </remarks>
[WireExample("""{"text":"The CRM is slow this morning: note case numbers on paper until 10:00.","audience":{"group":"sales"},"expiresAt":"2026-11-25T18:00:00+00:00"}""")]
public sealed record CreateBroadcastRequest([property: Required] string? Text, [property: Required] BroadcastAudienceRequest? Audience, DateTimeOffset? ExpiresAt)
{
    /// <summary>The 422 naming each field that breaks a rule at <paramref name="now"/>; null when the broadcast may be sent.</summary>
    internal ProblemHttpResult? Check(DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        errors.Check(Identifiers.IsValidMessage(Text, BroadcastRules.MaxTextLength), "text",
            $"text is required: 1-{BroadcastRules.MaxTextLength:N0} characters (lines allowed; no other control or invisible characters).");
        BroadcastAudienceRequest.Check(errors, Audience);
        if (ExpiresAt is { } expires)
        {
            errors.Check(expires > now && expires <= now + BroadcastRules.MaxLifetime, "expiresAt",
                $"expiresAt must be in the future and at most {BroadcastRules.MaxLifetime.TotalDays:0} days ahead.");
        }

        return errors.HasErrors ? ApiProblems.Invalid(errors) : null;
    }
}

/// <summary>Who a broadcast is for: exactly one member.</summary>
/// <param name="All">true: every agent of the tenant.</param>
/// <param name="Group">The agents of this group.</param>
/// <param name="QueueId">The members of this queue.</param>
[WireExample("""{"queueId":"support"}""")]
public sealed record BroadcastAudienceRequest(bool? All, string? Group, string? QueueId)
{
    /// <summary>The audience to send to; read once <see cref="Check"/> has passed.</summary>
    internal AlertAudience ToAudience() => new(All == true, Group, QueueId);

    /// <summary>Adds the errors of <paramref name="audience"/> (null: none given) under <c>audience</c>.</summary>
    internal static void Check(ValidationErrors errors, BroadcastAudienceRequest? audience)
    {
        var given = audience is null ? 0 : (audience.All is null ? 0 : 1) + (audience.Group is null ? 0 : 1) + (audience.QueueId is null ? 0 : 1);
        if (given != 1)
        {
            errors.Add("audience", "audience needs exactly one of {\"all\": true}, {\"group\": \"...\"} or {\"queueId\": \"...\"}.");
        }
        else if (audience!.All is { } all)
        {
            errors.Check(all, "audience.all", "all must be true (leave it out and name a group or queue instead).");
        }
        else if (audience.Group is { } group)
        {
            errors.Check(Identifiers.IsValidId(group), "audience.group", $"group must be 1-{Identifiers.MaxIdLength} letters, digits, '.', '_' or '-'.");
        }
        else
        {
            errors.Check(Identifiers.IsValidId(audience.QueueId), "audience.queueId", $"queueId must be 1-{Identifiers.MaxIdLength} letters, digits, '.', '_' or '-'.");
        }
    }
}

/// <summary>A broadcast with its recipients (resolved when it was sent) and their read receipts.</summary>
[WireExample("""
    {"id":"b_7d1e0c2b9a8f4e3d2c1b0a9f8e7d6c5b","text":"The CRM is slow this morning: note case numbers on paper until 10:00.",
     "audience":{"all":false,"group":"sales","queueId":null,"agentId":null,"admins":false},"sentBy":"key_3q2-7wAbCdEf","sentAt":"2026-11-25T09:00:00+00:00",
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
[WireExample("""{"id":"b_7d1e0c2b9a8f4e3d2c1b0a9f8e7d6c5b","text":"The CRM is slow this morning: note case numbers on paper until 10:00.","audience":{"all":false,"group":"sales","queueId":null,"agentId":null,"admins":false},"sentBy":"key_3q2-7wAbCdEf","sentAt":"2026-11-25T09:00:00+00:00","expiresAt":"2026-11-25T18:00:00+00:00","recipientCount":2,"deliveredCount":2,"readCount":1}""")]
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

/// <summary>
/// Who an alert is for: all agents, one group or one queue's members (a broadcast, as resolved when it was sent), one
/// agent (agentId: a task of the agent falling due), or admins (admin and integration keys: a webhook endpoint
/// Switchboard disabled). Exactly one is set.
/// </summary>
[WireExample("""{"all":false,"group":"sales","queueId":null,"agentId":null,"admins":false}""")]
public sealed record BroadcastAudienceResponse(bool All, string? Group, string? QueueId, string? AgentId, bool Admins)
{
    public static BroadcastAudienceResponse From(AlertAudience audience) =>
        new(audience.All, audience.Group, audience.QueueId, audience.AgentId, audience.Admins);
}

/// <summary>What raised an alert.</summary>
public enum AlertKind
{
    /// <summary>A supervisor's broadcast (GET /v1/broadcasts/{id} shows its receipts).</summary>
    Broadcast = 0,

    /// <summary>A CRM task of the agent fell due (taskId names it).</summary>
    Task = 1,

    /// <summary>For admins: Switchboard disabled a webhook endpoint (webhookId names it).</summary>
    Webhook = 2,
}

/// <summary>A recipient of a broadcast: whether its inbox has it yet, and its read receipt.</summary>
[WireExample("""{"agentId":"a1","delivered":true,"read":true,"readAt":"2026-11-25T09:00:30+00:00"}""")]
public sealed record BroadcastRecipientResponse(string AgentId, bool Delivered, bool Read, DateTimeOffset? ReadAt)
{
    public static BroadcastRecipientResponse From(BroadcastRecipient recipient) =>
        new(recipient.AgentId, recipient.Delivered, recipient.ReadAt is not null, recipient.ReadAt);
}

/// <summary>An agent's alerts that have not expired, newest first (the inbox keeps the newest 200): broadcasts and tasks falling due.</summary>
[WireExample("""{"items":[{"id":"task.tk_5f0c2a9e81d34b7c.639000720000000000","kind":"task","text":"Task due: Richiamare Maria per la consegna","audience":{"all":false,"group":null,"queueId":null,"agentId":"a1","admins":false},"sentBy":"agent:a1","sentAt":"2026-11-25T10:00:00+00:00","expiresAt":null,"taskId":"tk_5f0c2a9e81d34b7c","webhookId":null,"read":false,"readAt":null},{"id":"b_7d1e0c2b9a8f4e3d2c1b0a9f8e7d6c5b","kind":"broadcast","text":"The CRM is slow this morning: note case numbers on paper until 10:00.","audience":{"all":true,"group":null,"queueId":null,"agentId":null,"admins":false},"sentBy":"key_3q2-7wAbCdEf","sentAt":"2026-11-25T09:00:00+00:00","expiresAt":null,"taskId":null,"webhookId":null,"read":false,"readAt":null}]}""")]
public sealed record AlertList(IReadOnlyList<AlertResponse> Items);

/// <summary>An alert as an agent's inbox holds it (a broadcast, or a task of the agent falling due), with whether (and when) the agent read it.</summary>
[WireExample("""{"id":"b_7d1e0c2b9a8f4e3d2c1b0a9f8e7d6c5b","kind":"broadcast","text":"The CRM is slow this morning: note case numbers on paper until 10:00.","audience":{"all":false,"group":"sales","queueId":null,"agentId":null,"admins":false},"sentBy":"key_3q2-7wAbCdEf","sentAt":"2026-11-25T09:00:00+00:00","expiresAt":"2026-11-25T18:00:00+00:00","taskId":null,"webhookId":null,"read":true,"readAt":"2026-11-25T09:00:30+00:00"}""")]
public sealed record AlertResponse(
    string Id,
    AlertKind Kind,
    string Text,
    BroadcastAudienceResponse Audience,
    string SentBy,
    DateTimeOffset SentAt,
    DateTimeOffset? ExpiresAt,
    string? TaskId,
    string? WebhookId,
    bool Read,
    DateTimeOffset? ReadAt)
{
    public static AlertResponse From(InboxAlert item)
    {
        var alert = item.Alert;
        var kind = alert.TaskId is not null ? AlertKind.Task : alert.WebhookId is not null ? AlertKind.Webhook : AlertKind.Broadcast;
        return new(alert.Id, kind, alert.Text, BroadcastAudienceResponse.From(alert.Audience),
            alert.SentBy, alert.SentAt, alert.ExpiresAt, alert.TaskId, alert.WebhookId, item.ReadAt is not null, item.ReadAt);
    }
}
