using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Configuration;
using Orleans.Providers.Streams.Common;
using Orleans.Serialization;
using Orleans.Streams;
using Switchboard.Hosting.Streams;

namespace Switchboard.Api.Tests;

/// <summary>
/// The embedded host's live-event queues: what a publish puts on a queue comes off it in the same order, numbered, as
/// copies, and a full queue refuses a publish rather than grow without bound. (Delivery through Orleans' pulling agents
/// to sockets is what every live-socket test of this suite runs on.)
/// </summary>
public sealed class InProcessStreamQueueTests
{
    private const string Provider = "live";

    private readonly IQueueAdapterFactory factory;
    private readonly IQueueAdapter adapter;
    private readonly StreamId stream = StreamId.Create("agents", "acme");

    public InProcessStreamQueueTests()
    {
        var services = new ServiceCollection()
            .AddSerializer()
            .AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
            .AddOptions()
            .BuildServiceProvider();
        factory = InProcessQueueAdapterFactory.Create(services, Provider);
        adapter = factory.CreateAdapter(CancellationToken.None).GetAwaiter().GetResult();
    }

    private QueueId QueueOf(StreamId id) => factory.GetStreamQueueMapper().GetQueueForStream(id);

    [Fact]
    public async Task A_stream_s_events_come_off_its_queue_in_publishing_order_with_rising_sequence_numbers()
    {
        var receiver = adapter.CreateReceiver(QueueOf(stream));
        await receiver.Initialize(TimeSpan.FromSeconds(1), CancellationToken.None);
        for (var i = 0; i < 5; i++)
        {
            await adapter.QueueMessageBatchAsync(stream, [$"event {i}"], null, null);
        }

        var first = await receiver.GetQueueMessagesAsync(3, CancellationToken.None);
        var rest = await receiver.GetQueueMessagesAsync(QueueAdapterConstants.UNLIMITED_GET_QUEUE_MSG, CancellationToken.None);

        Assert.Equal(3, first.Count);
        IBatchContainer[] all = [.. first, .. rest];
        Assert.Equal(["event 0", "event 1", "event 2", "event 3", "event 4"], all.Select(b => b.GetEvents<string>().Single().Item1));
        Assert.All(all, b => Assert.Equal(stream, b.StreamId));
        var numbers = all.Select(b => b.SequenceToken.SequenceNumber).ToList();
        Assert.Equal(numbers.Order(), numbers);
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
        Assert.Empty(await receiver.GetQueueMessagesAsync(10, CancellationToken.None));
    }

    [Fact]
    public async Task A_publish_is_a_copy_so_a_publisher_changing_its_object_later_changes_nothing_delivered()
    {
        var receiver = adapter.CreateReceiver(QueueOf(stream));
        var item = new List<string> { "as published" };

        await adapter.QueueMessageBatchAsync(stream, [item], null, null);
        item[0] = "changed after the publish";

        var delivered = (await receiver.GetQueueMessagesAsync(10, CancellationToken.None)).Single().GetEvents<List<string>>().Single().Item1;
        Assert.Equal(["as published"], delivered);
    }

    [Fact]
    public async Task A_full_queue_refuses_a_publish_until_the_pulling_agent_takes_from_it()
    {
        var receiver = adapter.CreateReceiver(QueueOf(stream));
        for (var i = 0; i < InProcessQueueAdapterFactory.QueueCapacity; i++)
        {
            await adapter.QueueMessageBatchAsync(stream, [i], null, null);
        }

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => adapter.QueueMessageBatchAsync(stream, [-1], null, null));
        Assert.Contains("undelivered events", refused.Message, StringComparison.Ordinal);

        Assert.Equal(100, (await receiver.GetQueueMessagesAsync(100, CancellationToken.None)).Count);
        await adapter.QueueMessageBatchAsync(stream, [-2], null, null);
        var rest = await receiver.GetQueueMessagesAsync(QueueAdapterConstants.UNLIMITED_GET_QUEUE_MSG, CancellationToken.None);
        Assert.Equal(InProcessQueueAdapterFactory.QueueCapacity - 100 + 1, rest.Count);
        Assert.Equal(-2, rest[^1].GetEvents<int>().Single().Item1);
    }

    [Fact]
    public async Task Each_queue_holds_only_the_streams_mapped_to_it()
    {
        var others = Enumerable.Range(0, 50).Select(i => StreamId.Create("agents", $"tenant-{i}")).Where(id => QueueOf(id) != QueueOf(stream)).Take(3).ToList();
        Assert.NotEmpty(others);
        foreach (var other in others)
        {
            await adapter.QueueMessageBatchAsync(other, ["elsewhere"], null, null);
        }

        await adapter.QueueMessageBatchAsync(stream, ["here"], null, null);

        var taken = await adapter.CreateReceiver(QueueOf(stream)).GetQueueMessagesAsync(10, CancellationToken.None);
        Assert.Equal(["here"], taken.Select(b => b.GetEvents<string>().Single().Item1));
    }

    [Fact]
    public async Task A_new_subscriber_starts_after_the_newest_cached_event_not_at_it()
    {
        var queue = QueueOf(stream);
        var receiver = adapter.CreateReceiver(queue);
        var cache = factory.GetQueueAdapterCache().CreateQueueCache(queue);
        await adapter.QueueMessageBatchAsync(stream, ["before the subscription"], null, null);
        cache.AddToCache(await receiver.GetQueueMessagesAsync(10, CancellationToken.None));

        var subscribed = cache.TryGetCacheCursor(stream, null);
        Assert.Equal(QueueCacheCursorResultKind.Success, subscribed.Kind);
        using var cursor = subscribed.Cursor!;
        Assert.Equal(QueueCacheCursorMoveResultKind.NoData, cursor.MoveNextWithResult().Kind);

        await adapter.QueueMessageBatchAsync(stream, ["after the subscription"], null, null);
        var added = await receiver.GetQueueMessagesAsync(10, CancellationToken.None);
        cache.AddToCache(added);
        cursor.Refresh(added[0].SequenceToken);

        Assert.Equal(QueueCacheCursorMoveResultKind.Success, cursor.MoveNextWithResult().Kind);
        Assert.Equal("after the subscription", cursor.GetCurrent(out _)!.GetEvents<string>().Single().Item1);
        Assert.Equal(QueueCacheCursorMoveResultKind.NoData, cursor.MoveNextWithResult().Kind);
    }

    [Fact]
    public async Task A_new_subscriber_gets_its_next_event_even_after_another_stream_s_batches_came_and_were_purged()
    {
        var queue = QueueOf(stream);
        var neighbour = Enumerable.Range(0, 500).Select(i => StreamId.Create("agents", $"tenant-{i}")).First(id => id != stream && QueueOf(id) == queue);
        var receiver = adapter.CreateReceiver(queue);
        var cache = factory.GetQueueAdapterCache().CreateQueueCache(queue);
        await adapter.QueueMessageBatchAsync(stream, ["before the subscription"], null, null);
        cache.AddToCache(await receiver.GetQueueMessagesAsync(10, CancellationToken.None));

        using var cursor = cache.TryGetCacheCursor(stream, null).Cursor!;
        Assert.Equal(QueueCacheCursorMoveResultKind.NoData, cursor.MoveNextWithResult().Kind);

        // Another stream's batches take the next sequence numbers, nobody is reading them, and the cache lets them go.
        for (var i = 0; i < 3; i++)
        {
            await adapter.QueueMessageBatchAsync(neighbour, [$"neighbour {i}"], null, null);
        }

        cache.AddToCache(await receiver.GetQueueMessagesAsync(10, CancellationToken.None));

        // ... and so many more that the cache lets the oldest go (it keeps the newest quarter of itself in any case).
        await PublishAsync(neighbour, CacheSize);
        var purged = await PumpAsync(receiver, cache);
        Assert.Contains(purged, b => b.GetEvents<string>().Single().Item1 == "neighbour 0");

        await adapter.QueueMessageBatchAsync(stream, ["after the subscription"], null, null);
        var added = await receiver.GetQueueMessagesAsync(10, CancellationToken.None);
        cache.AddToCache(added);
        cursor.Refresh(added[0].SequenceToken);

        var moved = cursor.MoveNextWithResult();
        Assert.Equal(QueueCacheCursorMoveResultKind.Success, moved.Kind);
        Assert.Equal("after the subscription", cursor.GetCurrent(out _)!.GetEvents<string>().Single().Item1);
    }

    [Fact]
    public async Task A_subscriber_whose_cursor_is_made_after_a_handshake_still_finds_the_batches_that_arrived_meanwhile()
    {
        var queue = QueueOf(stream);
        var receiver = adapter.CreateReceiver(queue);
        var cache = factory.GetQueueAdapterCache().CreateQueueCache(queue);
        await adapter.QueueMessageBatchAsync(stream, ["before the subscription"], null, null);
        cache.AddToCache(await receiver.GetQueueMessagesAsync(10, CancellationToken.None));

        // Orleans' pulling agent, while its handshake with a new subscriber is under way: two batches arrive (it notes
        // the first as where the subscriber starts), then its next read tries to purge the cache, where no cursor
        // points yet.
        await adapter.QueueMessageBatchAsync(stream, ["during the handshake 1"], null, null);
        await adapter.QueueMessageBatchAsync(stream, ["during the handshake 2"], null, null);
        var arrived = await receiver.GetQueueMessagesAsync(10, CancellationToken.None);
        cache.AddToCache(arrived);
        cache.TryPurgeFromCache(out _);

        // The handshake ends: the cursor starts at the first batch that arrived meanwhile.
        var subscribed = cache.TryGetCacheCursor(stream, arrived[0].SequenceToken);
        Assert.Equal(QueueCacheCursorResultKind.Success, subscribed.Kind);
        using var cursor = subscribed.Cursor!;
        Assert.Equal(["during the handshake 1", "during the handshake 2"], Drain(cursor));

        await adapter.QueueMessageBatchAsync(stream, ["after"], null, null);
        var added = await receiver.GetQueueMessagesAsync(10, CancellationToken.None);
        cache.AddToCache(added);
        cursor.Refresh(added[0].SequenceToken);
        Assert.Equal(["after"], Drain(cursor));
    }

    [Fact]
    public async Task The_cache_keeps_the_newest_quarter_of_itself_and_no_more_than_half_when_nobody_reads()
    {
        var queue = QueueOf(stream);
        var receiver = adapter.CreateReceiver(queue);
        var cache = (SimpleQueueCache)factory.GetQueueAdapterCache().CreateQueueCache(queue);

        for (var round = 0; round < 6; round++)
        {
            await PublishAsync(stream, CacheSize / 4);
            await PumpAsync(receiver, cache);
            cache.TryPurgeFromCache(out _);

            Assert.InRange(cache.Size, CacheSize / 4, CacheSize / 2 + CacheSize / 10);
            Assert.False(cache.IsUnderPressure());
        }
    }

    private const int CacheSize = 4096; // Orleans' default for the simple cache

    private async Task PublishAsync(StreamId id, int count)
    {
        for (var i = 0; i < count; i++)
        {
            await adapter.QueueMessageBatchAsync(id, [$"filler {i}"], null, null);
        }
    }

    /// <summary>As Orleans' pulling agent reads a queue: a purge, then at most what the cache takes at once, until it is empty.</summary>
    private static async Task<List<IBatchContainer>> PumpAsync(IQueueAdapterReceiver receiver, IQueueCache cache)
    {
        var purged = new List<IBatchContainer>();
        while (true)
        {
            if (cache.TryPurgeFromCache(out var items))
            {
                purged.AddRange(items);
            }

            var read = await receiver.GetQueueMessagesAsync(cache.GetMaxAddCount(), CancellationToken.None);
            if (read.Count == 0)
            {
                return purged;
            }

            cache.AddToCache(read);
        }
    }

    private static List<string> Drain(IQueueCacheCursor cursor)
    {
        var seen = new List<string>();
        while (cursor.MoveNextWithResult().Kind == QueueCacheCursorMoveResultKind.Success)
        {
            seen.AddRange(cursor.GetCurrent(out _)!.GetEvents<string>().Select(e => e.Item1));
        }

        return seen;
    }
}
