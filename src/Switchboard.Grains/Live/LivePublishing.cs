using Microsoft.Extensions.Logging;
using Orleans.Streams;
using Switchboard.Contracts;
using Switchboard.Contracts.Live;

namespace Switchboard.Grains.Live;

/// <summary>Publishes a live event on its tenant's stream (<see cref="LiveStreams"/>) after the change it tells of is stored.</summary>
internal static class LivePublishing
{
    /// <summary>
    /// Awaited, so one grain's events reach the stream in the order of its changes. A failure is logged, not thrown: the
    /// change is already stored and acknowledged, and a console that reconnects reads it in its snapshot.
    /// </summary>
    public static async Task PublishLive<T>(this Grain grain, string kind, string tenantId, T item, ILogger logger)
    {
        try
        {
            await grain.GetStreamProvider(StreamNames.Provider).GetStream<LiveEvent<T>>(StreamId.Create(kind, tenantId)).OnNextAsync(new LiveEvent<T>(Guid.NewGuid(), item));
        }
        catch (Exception exception)
        {
            LiveLog.PublishFailed(logger, exception, kind, tenantId);
        }
    }
}
