using Microsoft.Extensions.Logging;
using Orleans.Streams;
using Switchboard.Contracts;
using Switchboard.Contracts.Live;
using Switchboard.Contracts.Webhooks;
using Switchboard.Domain.Interactions;
using Switchboard.Domain.Webhooks;

namespace Switchboard.Grains.Webhooks;

/// <summary>
/// A tenant's webhook dispatcher: while the tenant has endpoints it is subscribed to the tenant's interaction, agent and
/// CRM streams (the subscriptions are stored by the streams' pub-sub, so they outlive its activations and silos), turns
/// each event into webhook events and has each endpoint that wants one store its delivery before the event counts as
/// handled. A failure is thrown back to the stream, which delivers the event again; endpoints keep an event once by its
/// id. A tenant without endpoints costs its streams nothing.
/// </summary>
public sealed class WebhookDispatchGrain(
    [PersistentState("webhooks", StorageNames.Default)] IPersistentState<WebhookDispatchState> state,
    ILogger<WebhookDispatchGrain> logger) : Grain, IWebhookDispatchGrain
{
    private string TenantId => this.GetPrimaryKeyString();

    /// <summary>The last change of the subscriptions: one at a time, since <see cref="SetEndpoint"/> interleaves with dispatching.</summary>
    private Task lastChange = Task.CompletedTask;

    public async Task<bool> SetEndpoint(string endpointId, IReadOnlyList<string>? events, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(endpointId);
        var previous = lastChange;
        var done = new TaskCompletionSource();
        lastChange = done.Task;
        try
        {
            await previous;
            return await Change(endpointId, events);
        }
        finally
        {
            done.SetResult();
        }
    }

    private async Task<bool> Change(string endpointId, IReadOnlyList<string>? events)
    {
        var index = state.State.Endpoints.FindIndex(e => e.Id == endpointId);
        if (events is null)
        {
            if (index >= 0)
            {
                // Stored first: subscriptions left by a failure after it cost a little and go at the next activation.
                await state.WriteAsync(this, s => s.Endpoints.RemoveAt(index));
                await Subscribe();
            }

            return true;
        }

        if (index < 0 && state.State.Endpoints.Count >= WebhookRules.MaxEndpointsPerTenant)
        {
            return false;
        }

        var subscription = new WebhookSubscription(endpointId, [.. events]);
        if (index >= 0 && state.State.Endpoints[index].Events.SequenceEqual(events, StringComparer.Ordinal))
        {
            return true;
        }

        // Subscribed before the endpoint is stored: an endpoint is never listed without its events reaching it.
        await Subscribe(wanted: true);
        await state.WriteAsync(this, s =>
        {
            if (index >= 0)
            {
                s.Endpoints[index] = subscription;
            }
            else
            {
                s.Endpoints.Add(subscription);
            }
        });
        return true;
    }

    public Task<IReadOnlyList<string>> ListEndpoints(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<string>>([.. state.State.Endpoints.Select(e => e.Id)]);

    public override Task OnActivateAsync(CancellationToken cancellationToken) => Subscribe();

    /// <summary>
    /// Attaches to the stored subscriptions (after an activation), creates them when the tenant has its first endpoint,
    /// and drops them after its last one (<paramref name="wanted"/>: whether there are endpoints; by default, as stored).
    /// </summary>
    private async Task Subscribe(bool? wanted = null)
    {
        var subscribe = wanted ?? state.State.Endpoints.Count > 0;
        await Attach<InteractionLiveEvent>(LiveStreams.Interactions, subscribe, e => Dispatch(e.Id, Of(e.Item)));
        await Attach<AgentChanged>(LiveStreams.Agents, subscribe, e => Dispatch(e.Id, Of(e.Item)));
        await Attach<CaseChanged>(LiveStreams.Crm, subscribe, e => Dispatch(e.Id, Of(e.Item)));
    }

    private async Task Attach<T>(string kind, bool wanted, Func<LiveEvent<T>, Task> onNext)
    {
        var stream = this.GetStreamProvider(StreamNames.Provider).GetStream<LiveEvent<T>>(StreamId.Create(kind, TenantId));
        var handles = await stream.GetAllSubscriptionHandles();
        foreach (var (handle, index) in handles.Select((h, i) => (h, i)))
        {
            if (wanted && index == 0)
            {
                await handle.ResumeAsync((e, _) => onNext(e));
            }
            else
            {
                await handle.UnsubscribeAsync();
            }
        }

        if (wanted && handles.Count == 0)
        {
            await stream.SubscribeAsync((e, _) => onNext(e));
        }
    }

    /// <summary>The webhook event a live event is, if any: its type and what it is about.</summary>
    private static (string Type, DateTimeOffset At, object Data)? Of(InteractionLiveEvent e) => e switch
    {
        InteractionChanged changed => (TypeOf(changed), changed.At, changed.Interaction),
        ChatActivity { Message: not null } chat => ("interaction.message", chat.At, chat),
        _ => null,
    };

    private static (string Type, DateTimeOffset At, object Data)? Of(AgentChanged e) =>
        e.Deleted || e.ProfileChanged ? null : ("agent.state_changed", e.At, e);

    private static (string Type, DateTimeOffset At, object Data)? Of(CaseChanged e) =>
        (e.Created ? "crm.case.created" : "crm.case.updated", e.At, e.Case);

    private static string TypeOf(InteractionChanged e)
    {
        if (e.PreviousState is not { } previous)
        {
            return "interaction.created";
        }

        if (e.OfferedTo is not null)
        {
            return "interaction.offered";
        }

        return IsOver(e.Interaction.State) && !IsOver(previous) ? "interaction.ended" : "interaction.updated";
    }

    private static bool IsOver(InteractionState state) =>
        state is InteractionState.Ended or InteractionState.WrappedUp or InteractionState.Abandoned or InteractionState.Failed;

    public Task<bool> Publish(WebhookEvent webhookEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(webhookEvent);
        return Deliver(webhookEvent);
    }

    private Task Dispatch(Guid liveEventId, (string Type, DateTimeOffset At, object Data)? found) =>
        found is { } e ? Deliver(new WebhookEvent("evt_" + liveEventId.ToString("N"), e.Type, e.At, e.Data)) : Task.CompletedTask;

    /// <summary>Has every endpoint that wants the event store it (before any await: the list is read while it holds); whether any wants it.</summary>
    private async Task<bool> Deliver(WebhookEvent webhookEvent)
    {
        var wanting = state.State.Endpoints.Where(s => WebhookRules.MatchesAny(s.Events, webhookEvent.Type)).ToList();
        if (wanting.Count == 0)
        {
            return false;
        }

        try
        {
            await Task.WhenAll(wanting.Select(s =>
                GrainFactory.GetGrain<IWebhookEndpointGrain>(GrainKeys.WebhookEndpoint(TenantId, s.Id)).Enqueue([webhookEvent])));
        }
        catch (Exception exception)
        {
            WebhookLog.DispatchFailed(logger, exception, TenantId, webhookEvent.Id);
            throw;
        }

        return true;
    }
}

/// <summary>What one endpoint subscribes to.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.Grains.WebhookSubscription")]
public sealed record WebhookSubscription([property: Id(0)] string Id, [property: Id(1)] IReadOnlyList<string> Events);

[GenerateSerializer, Alias("Switchboard.Grains.WebhookDispatchState")]
public sealed class WebhookDispatchState
{
    [Id(0)] public List<WebhookSubscription> Endpoints { get; set; } = [];
}
