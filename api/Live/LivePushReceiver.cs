using Switchboard.Contracts.Live;

namespace Switchboard.Api.Live;

/// <summary>
/// This host as the silos push live events to it (<see cref="ILiveHost"/>): registered with the cluster's
/// <see cref="ILiveHostRegistryGrain"/> with the tenants whose interactions stream it follows, again whenever that list
/// changes or the connection to the cluster came back, and every third of <see cref="LiveHostRegistration.Expiry"/>;
/// unregistered as the host stops. Pushed events go to the feeds, which drop the stream's copy when it follows.
/// </summary>
public sealed class LivePushReceiver(IClusterClient cluster, LiveFeeds feeds, TimeProvider time, ILogger<LivePushReceiver> logger) : BackgroundService, ILiveHost
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(1);
    private readonly Guid hostId = Guid.NewGuid();
    private ILiveHost? reference;
    private Task? registering;
    private TaskCompletionSource registered = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes at this host's next successful registration.</summary>
    public Task NextRegistration => Volatile.Read(ref registered).Task;

    public Task OnInteractionEvent(string tenantId, LiveEvent<InteractionLiveEvent> liveEvent)
    {
        feeds.Push(LiveStreams.Interactions, tenantId, liveEvent);
        return Task.CompletedTask;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The cluster keeps only a weak reference to an observer: this receiver lives as long as the host (a singleton).
        reference = cluster.CreateObjectReference<ILiveHost>(this);
        var registry = cluster.GetGrain<ILiveHostRegistryGrain>(LiveHostRegistration.RegistryKey);
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan next;
            try
            {
                registering = registry.Register(new LiveHostRegistration(hostId, reference, feeds.Following(LiveStreams.Interactions)));
                await registering.WaitAsync(stoppingToken);
                Interlocked.Exchange(ref registered, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
                next = LiveHostRegistration.Expiry / 3;
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // Events reach the sockets through the streams meanwhile, only later.
                LiveLog.PushRegistrationFailed(logger, exception);
                next = RetryAfter;
            }

            using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            wait.CancelAfter(next);
            try
            {
                await feeds.FollowingChanged.ReadAsync(wait.Token);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                // Time to renew.
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (reference is null)
        {
            return;
        }

        try
        {
            // A registration still on its way would otherwise land after the removal and be pushed to until it expires.
            if (registering is { } pending)
            {
                try
                {
                    await pending.WaitAsync(UnregisterWithin, time, cancellationToken);
                }
                catch (Exception)
                {
                    // Landed or not, the removal follows.
                }
            }

            await cluster.GetGrain<ILiveHostRegistryGrain>(LiveHostRegistration.RegistryKey).Unregister(hostId).WaitAsync(UnregisterWithin, time, cancellationToken);
        }
        catch (Exception exception)
        {
            // The entry expires on its own.
            LiveLog.PushUnregistrationFailed(logger, exception);
        }

        try
        {
            cluster.DeleteObjectReference<ILiveHost>(reference);
        }
        catch (ArgumentException)
        {
            // A co-hosted client stopping with its silo has let go of its observers already.
        }
    }

    private static readonly TimeSpan UnregisterWithin = TimeSpan.FromSeconds(2);
}
