using System.Collections.Concurrent;
using Switchboard.Contracts;
using Switchboard.Contracts.Live;

namespace Switchboard.Api.Live;

/// <summary>This API host's feeds: one per tenant stream (<see cref="LiveStreams"/>), created on first use.</summary>
public sealed class LiveFeeds(IClusterClient cluster, LiveEventMapping mapping, ILogger<LiveFeeds> logger)
{
    private readonly ConcurrentDictionary<(string Kind, string TenantId), ILiveFeed> feeds = new();

    public ILiveFeed For(string kind, string tenantId) => feeds.GetOrAdd((kind, tenantId), key => Create(key.Kind, key.TenantId));

    /// <summary>How many Orleans stream subscriptions this host holds now.</summary>
    public int SubscriptionCount => feeds.Values.Count(f => f.Subscribed);

    /// <summary>Subscribes every feed in use again (after the cluster connection came back).</summary>
    public async Task RenewAll()
    {
        foreach (var feed in feeds.Values.Where(f => f.SinkCount > 0))
        {
            await feed.Renew();
        }
    }

    private ILiveFeed Create(string kind, string tenantId) => kind switch
    {
        LiveStreams.Agents => Feed<AgentChanged>(kind, tenantId, mapping.Map),
        LiveStreams.Interactions => Feed<InteractionChanged>(kind, tenantId, mapping.Map),
        LiveStreams.Queues => Feed<QueueStatsChanged>(kind, tenantId, mapping.Map),
        LiveStreams.Alerts => Feed<AlertSent>(kind, tenantId, mapping.Map),
        LiveStreams.Platform => Feed<PlatformNoticeSent>(kind, tenantId, mapping.Map),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown live stream."),
    };

    private LiveFeed<T> Feed<T>(string kind, string tenantId, Func<T, IEnumerable<LiveFanOut>> map) =>
        new(cluster.GetStreamProvider(StreamNames.Provider).GetStream<T>(StreamId.Create(kind, tenantId)), map, logger);
}
