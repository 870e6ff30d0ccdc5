using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Providers.Streams.Common;
using Orleans.Serialization;
using Orleans.Streams;

namespace Switchboard.Hosting.Streams;

/// <summary>
/// Stream queues in the silo's own memory, for a silo that is the whole cluster (the embedded default). Orleans' memory
/// streams keep each queue in a grain, so every published event is serialized and sent to that grain, and every poll
/// of an idle queue is a grain call too; here publishing deep-copies the events (as a grain call would) onto a queue
/// the pulling agent reads directly. Events are delivered as with memory streams: in publishing order per stream,
/// through Orleans' pub/sub and pulling agents (<see cref="FromNowQueueCache"/> says how a slow consumer differs).
/// Only a single-silo host may use it: another silo could not read these queues.
/// </summary>
public sealed class InProcessQueueAdapterFactory : IQueueAdapterFactory, IQueueAdapter, IQueueAdapterCache
{
    /// <summary>Batches (one per publish) waiting in one queue at most, as in Orleans' memory streams; beyond it a publish fails.</summary>
    public const int QueueCapacity = 16_384;

    private readonly ConcurrentDictionary<QueueId, InProcessQueue> queues = new();
    private readonly HashRingBasedStreamQueueMapper mapper;
    private readonly SimpleQueueCacheOptions cacheOptions;
    private readonly ILoggerFactory loggerFactory;
    private readonly DeepCopier copier;
    private readonly IStreamFailureHandler failureHandler = new NoOpStreamDeliveryFailureHandler();

    private InProcessQueueAdapterFactory(string name, HashRingStreamQueueMapperOptions mapperOptions, SimpleQueueCacheOptions cacheOptions, DeepCopier copier, ILoggerFactory loggerFactory)
    {
        Name = name;
        mapper = new HashRingBasedStreamQueueMapper(mapperOptions, name);
        this.cacheOptions = cacheOptions;
        this.loggerFactory = loggerFactory;
        this.copier = copier;
    }

    public string Name { get; }

    public bool IsRewindable => false;

    public StreamProviderDirection Direction => StreamProviderDirection.ReadWrite;

    /// <summary>The factory Orleans' <c>AddPersistentStreams</c> takes.</summary>
    public static IQueueAdapterFactory Create(IServiceProvider services, string name) => new InProcessQueueAdapterFactory(
        name,
        services.GetOptionsByName<HashRingStreamQueueMapperOptions>(name),
        services.GetOptionsByName<SimpleQueueCacheOptions>(name),
        services.GetRequiredService<DeepCopier>(),
        services.GetRequiredService<ILoggerFactory>());

    public Task<IQueueAdapter> CreateAdapter() => Task.FromResult<IQueueAdapter>(this);

    public IQueueAdapterCache GetQueueAdapterCache() => this;

    public IQueueCache CreateQueueCache(QueueId queueId) =>
        new FromNowQueueCache(cacheOptions.CacheSize, loggerFactory.CreateLogger($"{typeof(InProcessQueueAdapterFactory).FullName}.{Name}.{queueId}"));

    public IStreamQueueMapper GetStreamQueueMapper() => mapper;

    public Task<IStreamFailureHandler> GetDeliveryFailureHandler(QueueId queueId) => Task.FromResult(failureHandler);

    public IQueueAdapterReceiver CreateReceiver(QueueId queueId) => new Receiver(Queue(queueId));

    public Task QueueMessageBatchAsync<T>(StreamId streamId, IEnumerable<T> events, StreamSequenceToken? token, Dictionary<string, object>? requestContext)
    {
        ArgumentNullException.ThrowIfNull(events);

        // Copied now, as a grain call would: the publisher may change its objects after the publish returns.
        var batch = new InProcessBatch(streamId, [.. events.Select(e => (object)copier.Copy(e)!)], requestContext);
        return Queue(mapper.GetQueueForStream(streamId)).TryEnqueue(batch)
            ? Task.CompletedTask
            : Task.FromException(new InvalidOperationException($"Stream queue of '{streamId}' holds {QueueCapacity} undelivered events; the publish is refused."));
    }

    private InProcessQueue Queue(QueueId queueId) => queues.GetOrAdd(queueId, static _ => new InProcessQueue());

    /// <summary>One queue: many publishers, one pulling agent, which gives each batch its sequence number as it takes it.</summary>
    private sealed class InProcessQueue
    {
        private readonly ConcurrentQueue<InProcessBatch> waiting = new();
        private readonly Lock taking = new();
        private int count;
        private long sequence;

        public bool TryEnqueue(InProcessBatch batch)
        {
            if (Interlocked.Increment(ref count) > QueueCapacity)
            {
                Interlocked.Decrement(ref count);
                return false;
            }

            waiting.Enqueue(batch);
            return true;
        }

        public IList<IBatchContainer> Take(int maxCount)
        {
            var taken = new List<IBatchContainer>();
            lock (taking)
            {
                while ((maxCount < 0 || taken.Count < maxCount) && waiting.TryDequeue(out var batch))
                {
                    Interlocked.Decrement(ref count);
                    batch.Stamp(++sequence);
                    taken.Add(batch);
                }
            }

            return taken;
        }
    }

    /// <summary>
    /// Orleans' simple cache, except that a subscriber without a sequence token starts after the newest batch already
    /// cached, as with Orleans' memory streams: the simple cache would hand it that batch, published before it subscribed
    /// and possibly older than the snapshot a console has just been sent. The cursor steps past that batch rather than
    /// wait for a sequence number of its own choosing, which another stream's batch could take and the cache purge.
    /// Unlike the memory streams' cache, a consumer that falls 4,096 batches behind holds the queue back (the simple
    /// cache's back-pressure) instead of missing what was evicted; the live consumers only hand events to socket queues.
    /// The newest batches (a quarter of the cache) are kept even when no cursor points at them (see <see cref="retention"/>).
    /// </summary>
    private sealed class FromNowQueueCache(int cacheSize, ILogger logger) : SimpleQueueCache(cacheSize, logger)
    {
        /// <summary>How many of the newest batches the cache keeps whether or not a cursor points at them (a quarter of it).</summary>
        private readonly int retained = Math.Max(cacheSize / 4, 1);

        /// <summary>The tokens of the batches added since the retention cursor was placed, oldest first.</summary>
        private readonly Queue<StreamSequenceToken> sincePin = new();

        /// <summary>
        /// A cursor of the cache's own, kept between <see cref="retained"/> and twice that many batches back: the cache
        /// purges only what is older than the oldest cursor. Orleans makes a new subscriber's cursor only after a
        /// handshake with it, starting at the first batch that arrived meanwhile; without this the cache could let that
        /// batch go first (no cursor pointed at it yet), and the subscriber would wait for it forever.
        /// </summary>
        private IQueueCacheCursor? retention;

        public override void AddToCache(IList<IBatchContainer> msgs)
        {
            ArgumentNullException.ThrowIfNull(msgs);
            base.AddToCache(msgs);
            foreach (var message in msgs)
            {
                sincePin.Enqueue(message.SequenceToken);
            }

            // Placed on the first batch ever added, then moved forward only onto batches it has kept: never onto a purged one.
            if (retention is null ? sincePin.Count > 0 : sincePin.Count >= 2 * retained)
            {
                while (sincePin.Count > retained)
                {
                    sincePin.Dequeue();
                }

                var previous = retention;
#pragma warning disable CS0618 // the simple cache's own cursor: Orleans' result-typed wrapper adds nothing here
                retention = base.GetCacheCursor(default, sincePin.Peek());
#pragma warning restore CS0618
                previous?.Dispose();
            }
        }

        // Orleans reaches it through IQueueCache.TryGetCacheCursor, which SimpleQueueCache leaves to this method.
        [Obsolete("Called by Orleans through IQueueCache.TryGetCacheCursor.")]
        public override IQueueCacheCursor GetCacheCursor(StreamId streamId, StreamSequenceToken? token)
        {
            var cursor = base.GetCacheCursor(streamId, token);
            if (token is null)
            {
                cursor.MoveNextWithResult();
            }

            return cursor;
        }
    }

    private sealed class Receiver(InProcessQueue queue) : IQueueAdapterReceiver
    {
        public Task Initialize(TimeSpan timeout) => Task.CompletedTask;

        public Task<IList<IBatchContainer>> GetQueueMessagesAsync(int maxCount) => Task.FromResult(queue.Take(maxCount));

        public Task MessagesDeliveredAsync(IList<IBatchContainer> messages) => Task.CompletedTask;

        public Task Shutdown(TimeSpan timeout) => Task.CompletedTask;
    }
}
