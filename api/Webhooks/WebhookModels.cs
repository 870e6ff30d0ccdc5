using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Switchboard.Api.OpenApi;
using Switchboard.Contracts.Webhooks;
using Switchboard.Domain.Tenancy;
using Switchboard.Domain.Webhooks;

namespace Switchboard.Api.Webhooks;

/// <summary>A new webhook endpoint.</summary>
/// <param name="Url">Required: where deliveries are POSTed; https outside Development; not a loopback, private, link-local or metadata address.</param>
/// <param name="Events">Required: 1-20 event types or patterns ("interaction.*", "crm.*", "*"), each naming at least one type there is.</param>
/// <param name="Description">Optional; one line, 1-300 characters.</param>
[WireExample("""{"url":"https://crm.example/hooks/switchboard","events":["interaction.*","agent.state_changed","crm.case.updated"],"description":"Our CRM"}""")]
public sealed record CreateWebhookRequest([property: Required] string? Url, [property: Required] IReadOnlyList<string?>? Events, string? Description) : IValidatedRequest
{
    public void Validate(ValidationErrors errors)
    {
        WebhookModels.CheckEvents(errors, Events, required: true);
        WebhookModels.CheckDescription(errors, Description);
    }
}

/// <summary>A change to a webhook endpoint: fields left out stay as they are.</summary>
/// <param name="Url">Where deliveries go (same rules as when created).</param>
/// <param name="Events">What it receives (same rules as when created).</param>
/// <param name="Description">One line, 1-300 characters; "" removes it.</param>
/// <param name="Enabled">false stops deliveries (none are stored while disabled); true starts them again, pending ones first.</param>
[WireExample("""{"enabled":true}""")]
public sealed record UpdateWebhookRequest(string? Url, IReadOnlyList<string?>? Events, string? Description, bool? Enabled) : IValidatedRequest
{
    public void Validate(ValidationErrors errors)
    {
        WebhookModels.CheckEvents(errors, Events, required: false);
        if (Description is { Length: > 0 })
        {
            WebhookModels.CheckDescription(errors, Description);
        }
    }
}

/// <summary>A webhook endpoint.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Url">Where deliveries go.</param>
/// <param name="Events">The event types and patterns it receives.</param>
/// <param name="Description">What it is for.</param>
/// <param name="Enabled">Whether deliveries are sent.</param>
/// <param name="DisabledReason">Why it is disabled (by a key, a 410 answer, days of failures, too many waiting), or null.</param>
/// <param name="Pending">Deliveries not delivered yet.</param>
/// <param name="FailingSince">Since when every attempt has failed, or null.</param>
/// <param name="SecretsExpireAt">When the secrets a rotation replaced stop signing; null when only the current one signs.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="UpdatedAt">When it last changed.</param>
[WireExample("""{"id":"wh_3f0c2a9e81d34b7c0a1b2c3d","url":"https://crm.example/hooks/switchboard","events":["interaction.*","agent.state_changed"],"description":"Our CRM","enabled":true,"disabledReason":null,"pending":0,"failingSince":null,"secretsExpireAt":null,"createdAt":"2026-11-25T09:00:00+00:00","updatedAt":"2026-11-25T09:00:00+00:00"}""")]
public sealed record WebhookResponse(
    string Id,
    string Url,
    IReadOnlyList<string> Events,
    string? Description,
    bool Enabled,
    string? DisabledReason,
    int Pending,
    DateTimeOffset? FailingSince,
    DateTimeOffset? SecretsExpireAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static WebhookResponse From(WebhookEndpoint e) => new(
        e.Id, e.Url, e.Events, e.Description, e.Enabled, e.DisabledReason, e.Pending, e.FailingSince,
        e.Secrets.Skip(1).Select(s => s.ExpiresAt).Max(), e.CreatedAt, e.UpdatedAt);
}

/// <summary>A webhook endpoint just created, with its signing secret: shown this once.</summary>
/// <param name="Webhook">The endpoint.</param>
/// <param name="Secret">The signing secret (whsec_ and base64), for the receiver's Standard Webhooks verifier. Keep it: it is not shown again.</param>
[WireExample("""{"webhook":{"id":"wh_3f0c2a9e81d34b7c0a1b2c3d","url":"https://crm.example/hooks/switchboard","events":["interaction.*"],"description":null,"enabled":true,"disabledReason":null,"pending":0,"failingSince":null,"secretsExpireAt":null,"createdAt":"2026-11-25T09:00:00+00:00","updatedAt":"2026-11-25T09:00:00+00:00"},"secret":"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"}""")]
public sealed record WebhookSecretResponse(WebhookResponse Webhook, string Secret);

/// <summary>A delivery of one event to an endpoint.</summary>
/// <param name="Id">Its number at the endpoint (1, 2, …), as text.</param>
/// <param name="EventId">The event's id: the webhook-id header, the same on every attempt.</param>
/// <param name="EventType">The event's type.</param>
/// <param name="Status">pending, delivered or failed (given up).</param>
/// <param name="Attempts">Attempts made.</param>
/// <param name="CreatedAt">When it was stored.</param>
/// <param name="NextAttemptAt">When it is tried next, while pending.</param>
/// <param name="LastAttemptAt">When it was last tried.</param>
/// <param name="LastStatusCode">The last answer's status, or null (no answer).</param>
/// <param name="LastLatencyMs">How long the last attempt took.</param>
/// <param name="LastError">What went wrong without an answer (timeout, connection refused).</param>
/// <param name="LastResponseBody">The start of the last answer (at most 1,024 characters).</param>
[WireExample("""{"id":"12","eventId":"evt_6c1f0e9b2d8a4f3e9b7c5d1a0e2f4b6c","eventType":"interaction.ended","status":"pending","attempts":2,"createdAt":"2026-11-25T09:00:00+00:00","nextAttemptAt":"2026-11-25T09:00:20+00:00","lastAttemptAt":"2026-11-25T09:00:05+00:00","lastStatusCode":503,"lastLatencyMs":41,"lastError":null,"lastResponseBody":"busy"}""")]
public sealed record WebhookDeliveryResponse(
    string Id,
    string EventId,
    string EventType,
    WebhookDeliveryStatus Status,
    int Attempts,
    DateTimeOffset CreatedAt,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? LastAttemptAt,
    int? LastStatusCode,
    int? LastLatencyMs,
    string? LastError,
    string? LastResponseBody)
{
    public static WebhookDeliveryResponse From(WebhookDelivery d) => new(
        d.Sequence.ToString(CultureInfo.InvariantCulture), d.Event.Id, d.Event.Type, d.Status, d.Attempts, d.CreatedAt,
        d.Status == WebhookDeliveryStatus.Pending ? d.NextAttemptAt : null,
        d.LastAttempt?.At, d.LastAttempt?.StatusCode, d.LastAttempt?.LatencyMs, d.LastAttempt?.Error, d.LastAttempt?.ResponseBody);
}

internal static class WebhookModels
{
    public static void CheckEvents(ValidationErrors errors, IReadOnlyList<string?>? events, bool required)
    {
        if (events is null)
        {
            errors.Check(!required, "events", "events is required: 1-20 event types or patterns.");
            return;
        }

        if (!errors.Check(events.Count is > 0 and <= WebhookRules.MaxEventPatterns, "events", $"events must hold 1-{WebhookRules.MaxEventPatterns} event types or patterns."))
        {
            return;
        }

        foreach (var pattern in events.Where(p => !WebhookRules.IsValidPattern(p)))
        {
            errors.Add("events", $"'{pattern}' names no event type. Types: {string.Join(", ", WebhookRules.EventTypes)}; patterns end in .* (\"interaction.*\"), or \"*\" for all.");
        }
    }

    public static void CheckDescription(ValidationErrors errors, string? description)
    {
        if (description is not null)
        {
            errors.Check(Identifiers.IsValidText(description, WebhookRules.MaxDescriptionLength), "description", $"description must be one line of 1-{WebhookRules.MaxDescriptionLength} characters.");
        }
    }
}
