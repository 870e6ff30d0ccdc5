using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Configuration;
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
        Assert.True(cache.TryPurgeFromCache(out var purged));
        Assert.NotEmpty(purged);

        await adapter.QueueMessageBatchAsync(stream, ["after the subscription"], null, null);
        var added = await receiver.GetQueueMessagesAsync(10, CancellationToken.None);
        cache.AddToCache(added);
        cursor.Refresh(added[0].SequenceToken);

        var moved = cursor.MoveNextWithResult();
        Assert.Equal(QueueCacheCursorMoveResultKind.Success, moved.Kind);
        Assert.Equal("after the subscription", cursor.GetCurrent(out _)!.GetEvents<string>().Single().Item1);
    }
}
