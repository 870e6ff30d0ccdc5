using Microsoft.Extensions.Logging;
using Switchboard.Contracts;
using Switchboard.Contracts.Live;
using Switchboard.Contracts.Webhooks;
using Switchboard.Domain.Webhooks;
using Switchboard.Grains.Live;

namespace Switchboard.Grains.Webhooks;

/// <summary>
/// One webhook endpoint and its deliveries. A delivery is stored (its own grain) before the endpoint lists it as
/// pending, so a listed delivery always exists; one stored by a write that then failed is overwritten by the next, which
/// takes the same number. Leases are kept in memory: after a failure a delivery is simply due again (at least once).
/// While anything is pending a reminder tells the work index every minute, so a lost index (it is not stored) is
/// rebuilt within a minute.
/// </summary>
public sealed class WebhookEndpointGrain(
    [PersistentState("endpoint", StorageNames.Default)] IPersistentState<WebhookEndpointState> state,
    [FromKeyedServices(SwitchboardClock.ServiceKey)] TimeProvider time,
    ILogger<WebhookEndpointGrain> logger) : Grain, IWebhookEndpointGrain, IRemindable
{
    private const string ReminderName = "webhook-pending";

    /// <summary>Event ids an endpoint remembers, to store an event delivered twice by the stream once.</summary>
    private const int RememberedEvents = 1_000;

    private readonly Dictionary<long, DateTimeOffset> leasedUntil = [];
    private string tenantId = "";
    private string endpointId = "";
    private bool? reminderActive;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var parts = GrainKeys.Split(this.GetPrimaryKeyString());
        (tenantId, endpointId) = (parts[0], parts[1]);
        return Task.CompletedTask;
    }

    public Task<WebhookEndpoint?> Get(CancellationToken cancellationToken = default) => Task.FromResult(View());

    public async Task<WebhookWriteResult> Create(string url, IReadOnlyList<string> events, string? description, string secret, CancellationToken cancellationToken = default)
    {
        if (state.State.Endpoint is not null)
        {
            return new WebhookWriteResult(WebhookWriteOutcome.AlreadyExists, View());
        }

        if (!await Dispatcher.SetEndpoint(endpointId, events, cancellationToken))
        {
            return new WebhookWriteResult(WebhookWriteOutcome.Full, null);
        }

        var now = time.GetUtcNow();
        var endpoint = new WebhookEndpoint(endpointId, url, [.. events], description, true, null, [new WebhookSecret(secret, null)], now, now, null, 0);
        try
        {
            await state.WriteAsync(this, s => s.Endpoint = endpoint);
        }
        catch
        {
            await Dispatcher.SetEndpoint(endpointId, null, CancellationToken.None);
            throw;
        }

        return new WebhookWriteResult(WebhookWriteOutcome.Created, View());
    }

    public async Task<WebhookWriteResult> Update(WebhookEndpointPatch patch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(patch);
        if (state.State.Endpoint is not { } current)
        {
            return new WebhookWriteResult(WebhookWriteOutcome.NotFound, null);
        }

        var enabling = patch.Enabled == true && !current.Enabled;
        var disabling = patch.Enabled == false && current.Enabled;
        var now = time.GetUtcNow();
        var updated = current with
        {
            DisabledAt = disabling ? now : current.DisabledAt,
            EnabledAt = enabling ? now : current.EnabledAt,
            Url = patch.Url ?? current.Url,
            Events = patch.Events is { } events ? [.. events] : current.Events,
            Description = patch.Description is { } description ? (description.Length == 0 ? null : description) : current.Description,
            Enabled = patch.Enabled ?? current.Enabled,
            DisabledReason = patch.Enabled is { } enabled ? (enabled ? null : WebhookRules.DisabledByKey) : current.DisabledReason,
            FailingSince = enabling ? null : current.FailingSince,
            UpdatedAt = now,
        };
        if (patch.Events is not null)
        {
            await Dispatcher.SetEndpoint(endpointId, updated.Events, cancellationToken);
        }

        try
        {
            await state.WriteAsync(this, s => s.Endpoint = updated);
        }
        catch
        {
            await Dispatcher.SetEndpoint(endpointId, current.Events, CancellationToken.None);
            throw;
        }

        await KeepTime();
        return new WebhookWriteResult(WebhookWriteOutcome.Updated, View());
    }

    public async Task<WebhookWriteResult> Delete(CancellationToken cancellationToken = default)
    {
        if (state.State.Endpoint is not { } current)
        {
            // A create or delete cut short may have left it listed by the dispatcher: this takes it off.
            await Dispatcher.SetEndpoint(endpointId, null, cancellationToken);
            return new WebhookWriteResult(WebhookWriteOutcome.NotFound, null);
        }

        // Its log goes first: a failure leaves the endpoint to be deleted again, nothing behind it.
        var log = Enumerable.Range(0, (int)Math.Min(WebhookRules.KeptDeliveries, state.State.NextSequence))
            .Select(i => state.State.NextSequence - i).Union(state.State.Pending.Keys);
        await Task.WhenAll(log.Select(s => Delivery(s).Forget(cancellationToken)));
        await state.WriteAsync(this, s =>
        {
            s.Endpoint = null;
            s.Pending.Clear();
        });
        await Dispatcher.SetEndpoint(endpointId, null, cancellationToken);
        await KeepTime();
        return new WebhookWriteResult(WebhookWriteOutcome.Deleted, current with { Pending = 0 });
    }

    public async Task<WebhookWriteResult> RotateSecret(string secret, DateTimeOffset graceUntil, CancellationToken cancellationToken = default)
    {
        if (state.State.Endpoint is not { } current)
        {
            return new WebhookWriteResult(WebhookWriteOutcome.NotFound, null);
        }

        var now = time.GetUtcNow();
        IReadOnlyList<WebhookSecret> secrets =
        [
            new WebhookSecret(secret, null),
            .. current.Secrets.Where(s => s.ExpiresAt is not { } expires || expires > now).Select(s => s with { ExpiresAt = s.ExpiresAt is { } e && e < graceUntil ? e : graceUntil }),
        ];
        await state.WriteAsync(this, s => s.Endpoint = current with { Secrets = secrets, UpdatedAt = now });
        return new WebhookWriteResult(WebhookWriteOutcome.Updated, View());
    }

    public async Task Enqueue(IReadOnlyList<WebhookEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (state.State.Endpoint is not { Enabled: true } endpoint)
        {
            return; // deleted or disabled: it receives nothing until enabled again
        }

        var now = time.GetUtcNow();
        var fresh = events.Where(e => !state.State.RecentEvents.Contains(e.Id) && !endpoint.WasDisabledAt(e.At)).DistinctBy(e => e.Id).ToList();
        if (fresh.Count == 0)
        {
            return;
        }

        if (state.State.Pending.Count + fresh.Count > WebhookRules.MaxPending)
        {
            await Disable(endpoint, $"{WebhookRules.MaxPending:N0} deliveries are waiting: the endpoint has fallen too far behind");
            return;
        }

        var first = state.State.NextSequence + 1;
        await Task.WhenAll(fresh.Select((e, i) => Delivery(first + i).Put(new WebhookDelivery(first + i, e, WebhookDeliveryStatus.Pending, 0, null, now, now), cancellationToken)));

        // The log keeps the newest deliveries: those the new ones push out go, unless still pending (they go when done).
        var pushedOut = Enumerable.Range(0, fresh.Count).Select(i => first + i - WebhookRules.KeptDeliveries).Where(s => s >= 1 && !state.State.Pending.ContainsKey(s));
        await Task.WhenAll(pushedOut.Select(s => Delivery(s).Forget(cancellationToken)));
        await state.WriteAsync(this, s =>
        {
            for (var i = 0; i < fresh.Count; i++)
            {
                s.Pending[first + i] = now;
                s.RecentEvents.Add(fresh[i].Id);
            }

            s.NextSequence += fresh.Count;
            if (s.RecentEvents.Count > RememberedEvents)
            {
                s.RecentEvents.RemoveRange(0, s.RecentEvents.Count - RememberedEvents);
            }
        });
        await KeepTime();
    }

    public async Task<IReadOnlyList<WebhookSend>> Lease(int max, TimeSpan leaseFor, CancellationToken cancellationToken = default)
    {
        if (state.State.Endpoint is not { Enabled: true } endpoint || max <= 0)
        {
            return [];
        }

        var now = time.GetUtcNow();
        var due = state.State.Pending
            .Where(p => p.Value <= now && (!leasedUntil.TryGetValue(p.Key, out var until) || until <= now))
            .OrderBy(p => p.Value).ThenBy(p => p.Key)
            .Take(max)
            .Select(p => p.Key)
            .ToList();
        foreach (var sequence in due)
        {
            leasedUntil[sequence] = now + leaseFor;
        }

        var secrets = endpoint.Secrets.Where(s => s.ExpiresAt is not { } expires || expires > now).Select(s => s.Value).ToList();
        var deliveries = await Task.WhenAll(due.Select(sequence => Delivery(sequence).Get(cancellationToken)));
        return [.. deliveries.OfType<WebhookDelivery>().Select(d => new WebhookSend(d.Sequence, endpoint.Url, secrets, d.Event))];
    }

    public async Task Complete(long sequence, WebhookAttempt attempt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        leasedUntil.Remove(sequence);
        if (state.State.Endpoint is not { } endpoint || !state.State.Pending.ContainsKey(sequence)
            || await Delivery(sequence).Get(cancellationToken) is not { } delivery)
        {
            return;
        }

        var now = time.GetUtcNow();
        var attempts = delivery.Attempts + 1;
        var delivered = attempt.StatusCode is { } code && WebhookRules.IsDelivered(code);
        var gone = attempt.StatusCode is { } status && WebhookRules.IsGone(status);
        var next = delivered || gone ? null : WebhookRules.NextAttempt(attempts, delivery.CreatedAt, now, Random.Shared.NextDouble());
        var outcome = delivered ? WebhookDeliveryStatus.Delivered : next is null ? WebhookDeliveryStatus.Failed : WebhookDeliveryStatus.Pending;
        if (next is null && sequence <= state.State.NextSequence - WebhookRules.KeptDeliveries)
        {
            await Delivery(sequence).Forget(cancellationToken); // done, and already out of the log
        }
        else
        {
            await Delivery(sequence).Put(delivery with { Status = outcome, Attempts = attempts, LastAttempt = attempt, NextAttemptAt = next }, cancellationToken);
        }

        DateTimeOffset? failingSince = delivered ? null : endpoint.FailingSince ?? now;
        await state.WriteAsync(this, s =>
        {
            if (next is { } again)
            {
                s.Pending[sequence] = again;
            }
            else
            {
                s.Pending.Remove(sequence);
            }

            s.Endpoint = endpoint with { FailingSince = failingSince };
        });

        if (gone)
        {
            await Disable(state.State.Endpoint!, "the endpoint answered 410 Gone");
        }
        else if (failingSince is { } since && now - since >= WebhookRules.DisableAfter)
        {
            await Disable(state.State.Endpoint!, $"every delivery failed for {WebhookRules.DisableAfter.TotalDays:0} days");
        }

        await KeepTime();
    }

    public async Task<IReadOnlyList<WebhookDelivery>?> ListDeliveries(long? before, int limit, CancellationToken cancellationToken = default)
    {
        if (state.State.Endpoint is null)
        {
            return null;
        }

        var last = Math.Min((before ?? long.MaxValue) - 1, state.State.NextSequence);
        var sequences = Enumerable.Range(0, (int)Math.Max(0, Math.Min(limit, last))).Select(i => last - i).ToList();
        var found = await Task.WhenAll(sequences.Select(sequence => Delivery(sequence).Get(cancellationToken)));
        return [.. found.OfType<WebhookDelivery>()];
    }

    public async Task<WebhookDelivery?> Redeliver(long sequence, CancellationToken cancellationToken = default)
    {
        if (state.State.Endpoint is null || sequence < 1 || sequence > state.State.NextSequence
            || await Delivery(sequence).Get(cancellationToken) is not { } delivery)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var again = delivery with { Status = WebhookDeliveryStatus.Pending, NextAttemptAt = now };
        await Delivery(sequence).Put(again, cancellationToken);
        await state.WriteAsync(this, s => s.Pending[sequence] = now);
        leasedUntil.Remove(sequence);
        await KeepTime();
        return again;
    }

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        reminderActive = true;
        return KeepTime();
    }

    private async Task Disable(WebhookEndpoint endpoint, string reason)
    {
        if (!endpoint.Enabled)
        {
            return;
        }

        var now = time.GetUtcNow();
        await state.WriteAsync(this, s => s.Endpoint = endpoint with { Enabled = false, DisabledReason = reason, DisabledAt = now, UpdatedAt = now });
        WebhookLog.Disabled(logger, tenantId, endpointId, reason);

        // Live only: an admin who was not connected finds it in the alerts snapshot, made from the endpoints themselves.
        if (WebhookAlerts.Disabled(state.State.Endpoint!) is { } alert)
        {
            await this.PublishLive(LiveStreams.Alerts, tenantId, new AlertSent(alert, []), logger);
        }
    }

    /// <summary>
    /// Tells the work index when a delivery is next due (none while disabled), and holds a reminder while any is
    /// pending so that the index hears it again after a failure.
    /// </summary>
    private async Task KeepTime()
    {
        var endpoint = state.State.Endpoint;
        var pending = endpoint is not null && state.State.Pending.Count > 0;
        DateTimeOffset? due = endpoint is { Enabled: true } && pending ? state.State.Pending.Values.Min() : null;
        GrainFactory.GetGrain<IWebhookWorkGrain>(IWebhookWorkGrain.Key).Set(tenantId, endpointId, due).Ignore();
        if (pending && reminderActive != true)
        {
            await this.RegisterOrUpdateReminder(ReminderName, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
            reminderActive = true;
        }
        else if (!pending && reminderActive != false)
        {
            if (await this.GetReminder(ReminderName) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }

            reminderActive = false;
        }
    }

    /// <summary>The endpoint as callers see it: its pending count, and only the secrets that still sign.</summary>
    private WebhookEndpoint? View()
    {
        if (state.State.Endpoint is not { } endpoint)
        {
            return null;
        }

        var now = time.GetUtcNow();
        return endpoint with { Pending = state.State.Pending.Count, Secrets = [.. endpoint.Secrets.Where(s => s.ExpiresAt is not { } expires || expires > now)] };
    }

    private IWebhookDispatchGrain Dispatcher => GrainFactory.GetGrain<IWebhookDispatchGrain>(tenantId);

    private IWebhookDeliveryGrain Delivery(long sequence) => GrainFactory.GetGrain<IWebhookDeliveryGrain>(GrainKeys.WebhookDelivery(tenantId, endpointId, sequence));
}

[GenerateSerializer, Alias("Switchboard.Grains.WebhookEndpointState")]
public sealed class WebhookEndpointState
{
    [Id(0)] public WebhookEndpoint? Endpoint { get; set; }

    [Id(1)] public long NextSequence { get; set; }

    /// <summary>Undelivered deliveries by number, with when each is next due.</summary>
    [Id(2)] public Dictionary<long, DateTimeOffset> Pending { get; set; } = [];

    /// <summary>Ids of the newest events stored, oldest first.</summary>
    [Id(3)] public List<string> RecentEvents { get; set; } = [];
}
