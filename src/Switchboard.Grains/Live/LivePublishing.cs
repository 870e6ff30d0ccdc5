using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Switchboard.Contracts.Live;

namespace Switchboard.Grains.Live;

/// <summary>Publishes a live event on its tenant's stream (<see cref="LiveStreams"/>) after the change it tells of is stored.</summary>
internal static class LivePublishing
{
    /// <summary>
    /// For events that only inform (alerts kept in an inbox, notices, figures, typing): awaited, so one grain's events
    /// reach the stream in the order of its changes. A failure is logged, not thrown: the change is already stored and
    /// acknowledged, and a console that reconnects reads it in its snapshot. Events that webhooks report go through a
    /// <see cref="LiveOutbox{T}"/> instead, which keeps them until they are published.
    /// </summary>
    public static async Task PublishLive<T>(this Grain grain, string kind, string tenantId, T item, ILogger logger)
    {
        try
        {
            await Publisher(grain).Publish(grain, kind, tenantId, new LiveEvent<T>(Guid.NewGuid(), item));
        }
        catch (Exception exception)
        {
            LiveLog.PublishFailed(logger, exception, kind, tenantId);
        }
    }

    public static ILivePublisher Publisher(Grain grain) => grain.GrainContext.ActivationServices.GetRequiredService<ILivePublisher>();

    /// <summary>
    /// The id of the event that tells of change <paramref name="sequence"/> of grain <paramref name="grainKey"/> (its
    /// <paramref name="part"/>-th event when one change tells of more than one thing): the same each time it is published
    /// again, so sockets and webhook receivers keep it once.
    /// </summary>
    public static Guid EventId(string kind, string grainKey, long sequence, int part = 0)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{kind}\n{grainKey}\n{sequence}\n{part}"));
        return new Guid(hash.AsSpan(0, 16));
    }
}
