using System.Collections.Concurrent;
using System.Threading.Channels;
using Switchboard.Contracts;
using Switchboard.Contracts.Live;

namespace Switchboard.Api.Live;

/// <summary>This API host's feeds: one per tenant stream (<see cref="LiveStreams"/>), created on first use.</summary>
public sealed class LiveFeeds(IClusterClient cluster, LiveEventMapping mapping, TimeProvider time, ILogger<LiveFeeds> logger)
{
    private const int RenewAttempts = 10;
    private static readonly TimeSpan RenewRetryDelay = TimeSpan.FromSeconds(1);
    private readonly ConcurrentDictionary<(string Kind, string TenantId), ILiveFeed> feeds = new();
    private readonly Channel<bool> followingChanged = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public ILiveFeed For(string kind, string tenantId) => feeds.GetOrAdd((kind, tenantId), key => Create(key.Kind, key.TenantId));

    /// <summary>The tenants whose <paramref name="kind"/> stream this host follows now.</summary>
    public IReadOnlyList<string> Following(string kind) =>
        [.. feeds.Where(f => f.Key.Kind == kind && f.Value.Subscribed).Select(f => f.Key.TenantId).Order(StringComparer.Ordinal)];

    /// <summary>Readable once after any feed took or let go of its subscription (or all were renewed): <see cref="Following"/> may differ.</summary>
    public ChannelReader<bool> FollowingChanged => followingChanged.Reader;

    /// <summary>An event pushed to this host: to the feed of its stream if this host follows it, else nowhere.</summary>
    public void Push<T>(string kind, string tenantId, LiveEvent<T> liveEvent)
    {
        if (feeds.TryGetValue((kind, tenantId), out var feed) && feed is LiveFeed<T> typed)
        {
            typed.Push(liveEvent);
        }
    }

    /// <summary>How many Orleans stream subscriptions this host holds now.</summary>
    public int SubscriptionCount => feeds.Values.Count(f => f.Subscribed);

    /// <summary>
    /// Subscribes every feed in use again (after the cluster connection came back). One that fails (silos still coming
    /// back) does not stop the others and is tried again, a few times, a second apart.
    /// </summary>
    public async Task RenewAll(CancellationToken cancellationToken)
    {
        var pending = feeds.Values.Where(f => f.SinkCount > 0).ToList();
        for (var attempt = 1; pending.Count > 0; attempt++)
        {
            var failed = new List<ILiveFeed>();
            foreach (var feed in pending)
            {
                try
                {
                    await feed.Renew();
                }
                catch (Exception exception) when (attempt < RenewAttempts)
                {
                    LiveLog.RenewFailed(logger, exception);
                    failed.Add(feed);
                }
            }

            pending = failed;
            followingChanged.Writer.TryWrite(true);
            if (pending.Count > 0)
            {
                await Task.Delay(RenewRetryDelay, cancellationToken);
            }
        }
    }

    private ILiveFeed Create(string kind, string tenantId) => kind switch
    {
        LiveStreams.Agents => Feed<AgentChanged>(kind, tenantId, mapping.Map),
        LiveStreams.Interactions => Feed<InteractionLiveEvent>(kind, tenantId, mapping.Map),
        LiveStreams.Queues => Feed<QueueStatsChanged>(kind, tenantId, mapping.Map),
        LiveStreams.Alerts => Feed<AlertSent>(kind, tenantId, mapping.Map),
        LiveStreams.Platform => Feed<PlatformNoticeSent>(kind, tenantId, mapping.Map),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown live stream."),
    };

    private LiveFeed<T> Feed<T>(string kind, string tenantId, Func<T, IEnumerable<LiveFanOut>> map) =>
        new(cluster.GetStreamProvider(StreamNames.Provider).GetStream<LiveEvent<T>>(StreamId.Create(kind, tenantId)), map, time, logger,
            () => followingChanged.Writer.TryWrite(true));
}
