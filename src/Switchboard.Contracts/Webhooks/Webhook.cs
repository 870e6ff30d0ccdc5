using Switchboard.Domain.Webhooks;

namespace Switchboard.Contracts.Webhooks;

/// <summary>A secret an endpoint's deliveries are signed with; one replaced by a rotation signs too until <see cref="ExpiresAt"/>.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.WebhookSecret")]
public sealed record WebhookSecret([property: Id(0)] string Value, [property: Id(1)] DateTimeOffset? ExpiresAt);

/// <summary>
/// A tenant's webhook endpoint: where its subscribed events are delivered, signed with its secrets (newest first).
/// <see cref="FailingSince"/> is when deliveries started failing without one succeeding since; <see cref="DisabledAt"/> and
/// <see cref="EnabledAt"/> bound the last time it was disabled (events of that time are not delivered, even if they reach
/// it after it is enabled again).
/// </summary>
[GenerateSerializer, Immutable, Alias("Switchboard.WebhookEndpoint")]
public sealed record WebhookEndpoint(
    [property: Id(0)] string Id,
    [property: Id(1)] string Url,
    [property: Id(2)] IReadOnlyList<string> Events,
    [property: Id(3)] string? Description,
    [property: Id(4)] bool Enabled,
    [property: Id(5)] string? DisabledReason,
    [property: Id(6)] IReadOnlyList<WebhookSecret> Secrets,
    [property: Id(7)] DateTimeOffset CreatedAt,
    [property: Id(8)] DateTimeOffset UpdatedAt,
    [property: Id(9)] DateTimeOffset? FailingSince,
    [property: Id(10)] int Pending,
    [property: Id(11)] DateTimeOffset? DisabledAt = null,
    [property: Id(12)] DateTimeOffset? EnabledAt = null)
{
    /// <summary>Whether an event of <paramref name="at"/> happened while the endpoint was last disabled.</summary>
    public bool WasDisabledAt(DateTimeOffset at) =>
        DisabledAt is { } from && at >= from && (!Enabled ? true : EnabledAt is { } to && to > from && at < to);
}

/// <summary>A change to an endpoint: null leaves a part as it is; enabling clears why it was disabled.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.WebhookEndpointPatch")]
public sealed record WebhookEndpointPatch(
    [property: Id(0)] string? Url,
    [property: Id(1)] IReadOnlyList<string>? Events,
    [property: Id(2)] string? Description,
    [property: Id(3)] bool? Enabled);

/// <summary>
/// An event to deliver: its id (stable across attempts, the <c>webhook-id</c>), type, when it happened, and what it is
/// about (a contract object the API host renders as the REST resource, e.g. an interaction).
/// </summary>
[GenerateSerializer, Immutable, Alias("Switchboard.WebhookEvent")]
public sealed record WebhookEvent(
    [property: Id(0)] string Id,
    [property: Id(1)] string Type,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] object Data);

/// <summary>One attempt at a delivery: the answer's status (null: no answer), how long it took, and what went wrong.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.WebhookAttempt")]
public sealed record WebhookAttempt(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] int? StatusCode,
    [property: Id(2)] int LatencyMs,
    [property: Id(3)] string? Error,
    [property: Id(4)] string? ResponseBody);

/// <summary>A delivery of one event to one endpoint, numbered per endpoint (1, 2, …), with its attempts.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.WebhookDelivery")]
public sealed record WebhookDelivery(
    [property: Id(0)] long Sequence,
    [property: Id(1)] WebhookEvent Event,
    [property: Id(2)] WebhookDeliveryStatus Status,
    [property: Id(3)] int Attempts,
    [property: Id(4)] WebhookAttempt? LastAttempt,
    [property: Id(5)] DateTimeOffset CreatedAt,
    [property: Id(6)] DateTimeOffset? NextAttemptAt);

/// <summary>A delivery handed to an API host to send: where, signed with what, and the event.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.WebhookSend")]
public sealed record WebhookSend(
    [property: Id(0)] long Sequence,
    [property: Id(1)] string Url,
    [property: Id(2)] IReadOnlyList<string> Secrets,
    [property: Id(3)] WebhookEvent Event);

/// <summary>An endpoint with deliveries due (key: tenant/endpoint id), as the work index lists it.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.WebhookWork")]
public sealed record WebhookWork([property: Id(0)] string TenantId, [property: Id(1)] string EndpointId, [property: Id(2)] DateTimeOffset DueAt);

public enum WebhookWriteOutcome
{
    Created = 0,
    Updated = 1,
    Deleted = 2,
    NotFound = 3,
    AlreadyExists = 4,

    /// <summary>The tenant has as many endpoints as it may.</summary>
    Full = 5,
}

[GenerateSerializer, Immutable, Alias("Switchboard.WebhookWriteResult")]
public sealed record WebhookWriteResult([property: Id(0)] WebhookWriteOutcome Outcome, [property: Id(1)] WebhookEndpoint? Endpoint);

/// <summary>
/// One webhook endpoint of a tenant (key: tenant/endpoint id): its settings and secrets, and its deliveries: numbered,
/// each stored (<see cref="IWebhookDeliveryGrain"/>) before it is attempted, the undelivered ones listed here with when
/// each is next due. API hosts lease due deliveries, send them and report back.
/// </summary>
[Alias("Switchboard.IWebhookEndpointGrain")]
public interface IWebhookEndpointGrain : IGrainWithStringKey
{
    /// <summary>Creates it with its first secret (refused beyond the tenant's limit).</summary>
    [Alias("Create")]
    Task<WebhookWriteResult> Create(string url, IReadOnlyList<string> events, string? description, string secret, CancellationToken cancellationToken = default);

    [Alias("Update")]
    Task<WebhookWriteResult> Update(WebhookEndpointPatch patch, CancellationToken cancellationToken = default);

    /// <summary>Deletes it: its undelivered deliveries are given up.</summary>
    [Alias("Delete")]
    Task<WebhookWriteResult> Delete(CancellationToken cancellationToken = default);

    /// <summary>A new secret signs from now on; the old ones sign as well until <paramref name="graceUntil"/>.</summary>
    [Alias("RotateSecret")]
    Task<WebhookWriteResult> RotateSecret(string secret, DateTimeOffset graceUntil, CancellationToken cancellationToken = default);

    [Alias("Get"), ReadOnly]
    Task<WebhookEndpoint?> Get(CancellationToken cancellationToken = default);

    /// <summary>Stores a delivery of each event not seen before (by id), due now. From the tenant's dispatcher.</summary>
    [Alias("Enqueue")]
    Task Enqueue(IReadOnlyList<WebhookEvent> events, CancellationToken cancellationToken = default);

    /// <summary>Up to <paramref name="max"/> deliveries due now, each kept from other hosts for <paramref name="leaseFor"/>.</summary>
    [Alias("Lease")]
    Task<IReadOnlyList<WebhookSend>> Lease(int max, TimeSpan leaseFor, CancellationToken cancellationToken = default);

    /// <summary>How an attempt went: delivered, to be tried again (or given up), or the endpoint is gone (410).</summary>
    [Alias("Complete")]
    Task Complete(long sequence, WebhookAttempt attempt, CancellationToken cancellationToken = default);

    /// <summary>Deliveries numbered below <paramref name="before"/> (null: the newest), newest first.</summary>
    [Alias("ListDeliveries"), ReadOnly]
    Task<IReadOnlyList<WebhookDelivery>?> ListDeliveries(long? before, int limit, CancellationToken cancellationToken = default);

    /// <summary>Delivers it again now (a delivered or failed one too); null when there is no such delivery.</summary>
    [Alias("Redeliver")]
    Task<WebhookDelivery?> Redeliver(long sequence, CancellationToken cancellationToken = default);
}

/// <summary>One delivery of an endpoint (key: tenant/endpoint/sequence); written only by its endpoint.</summary>
[Alias("Switchboard.IWebhookDeliveryGrain")]
public interface IWebhookDeliveryGrain : IGrainWithStringKey
{
    [Alias("Put")]
    Task Put(WebhookDelivery delivery, CancellationToken cancellationToken = default);

    [Alias("Get"), ReadOnly]
    Task<WebhookDelivery?> Get(CancellationToken cancellationToken = default);

    /// <summary>Deletes it: it fell out of its endpoint's log, or the endpoint was deleted.</summary>
    [Alias("Forget")]
    Task Forget(CancellationToken cancellationToken = default);
}

/// <summary>
/// A tenant's webhook dispatcher (key: tenant): the endpoints and what each subscribes to. While there are any it reads
/// the tenant's live streams and stores a delivery of each event for each endpoint that wants it before the stream moves
/// on, so an event published is an event delivered.
/// </summary>
[Alias("Switchboard.IWebhookDispatchGrain")]
public interface IWebhookDispatchGrain : IGrainWithStringKey
{
    /// <summary>
    /// Adds or replaces an endpoint's subscription (<paramref name="events"/> null: it is gone). Interleaves with the
    /// dispatch of an event, which waits on endpoints: an endpoint changing its subscription while an event is being
    /// stored for it would otherwise wait for the dispatcher as the dispatcher waits for it.
    /// </summary>
    [Alias("SetEndpoint"), AlwaysInterleave]
    Task<bool> SetEndpoint(string endpointId, IReadOnlyList<string>? events, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores a delivery of an event that is not read from a live stream (a telephony command) with each endpoint that
    /// subscribes to its type, and answers whether any does. An enabled endpoint delivers it; a disabled one (or one that
    /// has fallen 10,000 deliveries behind) drops it, as it drops every event of that time. A repeat with the same id is
    /// kept once. Interleaves: it only reads the subscriptions, and the caller (a call's outbox) must not wait behind the
    /// tenant's stream of events.
    /// </summary>
    [Alias("Publish"), AlwaysInterleave]
    Task<bool> Publish(WebhookEvent webhookEvent, CancellationToken cancellationToken = default);

    /// <summary>The tenant's endpoint ids, in the order they were added.</summary>
    [Alias("ListEndpoints"), ReadOnly, AlwaysInterleave]
    Task<IReadOnlyList<string>> ListEndpoints(CancellationToken cancellationToken = default);
}

/// <summary>
/// Which endpoints of the cluster have deliveries due, and when (key: <see cref="Key"/>): what API hosts poll to find
/// work. Endpoints keep it up to date as their earliest due delivery changes.
/// </summary>
[Alias("Switchboard.IWebhookWorkGrain")]
public interface IWebhookWorkGrain : IGrainWithStringKey
{
    const string Key = "all";

    /// <summary>Sets when the endpoint next has a delivery due; null: none.</summary>
    [Alias("Set"), OneWay]
    Task Set(string tenantId, string endpointId, DateTimeOffset? dueAt);

    /// <summary>Up to <paramref name="max"/> endpoints with deliveries due at or before <paramref name="now"/>, soonest first.</summary>
    [Alias("Due"), ReadOnly]
    Task<IReadOnlyList<WebhookWork>> Due(DateTimeOffset now, int max, CancellationToken cancellationToken = default);
}
