using Orleans.Streams;
using Switchboard.Contracts.Live;

namespace Switchboard.Api.Live;

/// <summary>
/// One tenant stream (<see cref="Contracts.Live.LiveStreams"/>) seen by this API host: subscribed while at least one
/// local socket topic needs it and unsubscribed when the last leaves, so the cluster's pub/sub holds one entry per
/// host and stream, never one per socket. Events are routed to sinks by route key (an agent id, a queue id...); an
/// event delivered again (queued streams deliver at least once, and a pushed event comes by the stream too) is dropped,
/// as is a change older than one its route already got (<see cref="LiveFanOut.OrderKey"/>).
/// <paramref name="subscriptionChanged"/> is told each time the stream subscription is taken or let go.
/// </summary>
public sealed class LiveFeed<T>(IAsyncStream<LiveEvent<T>> stream, Func<T, IEnumerable<LiveFanOut>> map, TimeProvider time, ILogger logger, Action subscriptionChanged) : ILiveFeed
{
    private readonly RecentEventIds delivered = new(time);
    private readonly RecentSequences changes = new(time);
    private readonly Lock delivering = new();
    private readonly SemaphoreSlim transitions = new(1, 1);
    private readonly Lock gate = new();
    private readonly Dictionary<string, HashSet<ILiveSink>> routes = new(StringComparer.Ordinal);
    private int sinkCount;
    private StreamSubscriptionHandle<LiveEvent<T>>? handle;

    public int SinkCount => Volatile.Read(ref sinkCount);

    public bool Subscribed => Volatile.Read(ref handle) is not null;

    public async Task Join(string route, ILiveSink sink, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (!routes.TryGetValue(route, out var sinks))
            {
                routes[route] = sinks = [];
            }

            if (sinks.Add(sink))
            {
                sinkCount++;
            }
        }

        try
        {
            await transitions.WaitAsync(cancellationToken);
            try
            {
                if (handle is null && SinkCount > 0)
                {
                    handle = await stream.SubscribeAsync(OnNext);
                    subscriptionChanged();
                }
            }
            finally
            {
                transitions.Release();
            }
        }
        catch
        {
            await Leave(route, sink);
            throw;
        }
    }

    public async Task Leave(string route, ILiveSink sink)
    {
        lock (gate)
        {
            if (routes.TryGetValue(route, out var sinks) && sinks.Remove(sink))
            {
                sinkCount--;
                if (sinks.Count == 0)
                {
                    routes.Remove(route);
                }
            }
        }

        await transitions.WaitAsync();
        try
        {
            if (handle is not null && SinkCount == 0)
            {
                var last = handle;
                handle = null;
                subscriptionChanged();
                await last.UnsubscribeAsync();
            }
        }
        catch (Exception exception)
        {
            // The subscription dies with the client or is dropped by the stream's pub/sub on delivery failure.
            LiveLog.UnsubscribeFailed(logger, exception, stream.StreamId.ToString());
        }
        finally
        {
            transitions.Release();
        }
    }

    public async Task Renew()
    {
        await transitions.WaitAsync();
        try
        {
            if (handle is not null)
            {
                try
                {
                    await handle.UnsubscribeAsync();
                }
                catch (Exception exception)
                {
                    LiveLog.UnsubscribeFailed(logger, exception, stream.StreamId.ToString());
                }

                handle = null;
            }

            if (SinkCount > 0)
            {
                handle = await stream.SubscribeAsync(OnNext);
            }
        }
        finally
        {
            transitions.Release();
        }
    }

    /// <summary>An event pushed to this host ahead of its stream: delivered now, and its stream copy dropped when it comes.</summary>
    public void Push(LiveEvent<T> item) => OnNext(item, null);

    private Task OnNext(LiveEvent<T> item, StreamSequenceToken? token)
    {
        try
        {
            // One event at a time, as the stream alone delivered them: pushed copies come on another thread, and a change
            // must not reach a sink after a newer one that passed its check later.
            lock (delivering)
            {
                if (!delivered.TryAdd(item.Id))
                {
                    if (logger.IsEnabled(LogLevel.Debug))
                    {
                        LiveLog.DuplicateDropped(logger, item.Id, stream.StreamId.ToString());
                    }

                    return Task.CompletedTask;
                }

                foreach (var fanOut in map(item.Item))
                {
                    foreach (var route in fanOut.Routes)
                    {
                        // Recorded even with nobody on the route, so a console that joins later is not taken for one that lost changes.
                        long? previous = null;
                        if (fanOut.OrderKey is { } key && !changes.TryAdvance(route, key, fanOut.OrderSequence, out previous))
                        {
                            continue;
                        }

                        ILiveSink[] sinks;
                        lock (gate)
                        {
                            if (!routes.TryGetValue(route, out var set))
                            {
                                continue;
                            }

                            sinks = [.. set];
                        }

                        var lost = fanOut.Consecutive && previous is { } last && fanOut.OrderSequence > last + 1;
                        foreach (var sink in sinks)
                        {
                            if (lost)
                            {
                                sink.Missed();
                            }

                            sink.Deliver(fanOut.Delivery);
                        }
                    }
                }
            }
        }
        catch (Exception exception)
        {
            // Never fail the stream's delivery: Orleans would retry or drop the subscription, for every socket.
            LiveLog.FanOutFailed(logger, exception, stream.StreamId.ToString());
        }

        return Task.CompletedTask;
    }
}
