using Orleans.Streams;
using Switchboard.Contracts;
using Switchboard.Contracts.Live;

namespace Switchboard.Grains.Live;

/// <summary>Puts live events on their tenant's streams (<see cref="LiveStreams"/>). A service, so a silo can be given one that fails.</summary>
public interface ILivePublisher
{
    /// <summary>Completes once the stream has taken the event of <paramref name="source"/>'s change; throws if it could not.</summary>
    Task Publish<T>(Grain source, string kind, string tenantId, LiveEvent<T> liveEvent);
}

/// <summary>
/// Publishes on the silo's live stream provider. Interaction events (offers above all) are also pushed to the API hosts
/// following the tenant first, so a console need not wait for the stream's queue to be polled.
/// </summary>
internal sealed class StreamLivePublisher(IServiceProvider services, LiveHostPush push) : ILivePublisher
{
    private IStreamProvider? provider;

    public Task Publish<T>(Grain source, string kind, string tenantId, LiveEvent<T> liveEvent)
    {
        if (liveEvent is LiveEvent<InteractionLiveEvent> interactionEvent)
        {
            push.Push(source, tenantId, interactionEvent);
        }

        provider ??= services.GetRequiredKeyedService<IStreamProvider>(StreamNames.Provider);
        return provider.GetStream<LiveEvent<T>>(StreamId.Create(kind, tenantId)).OnNextAsync(liveEvent);
    }
}
