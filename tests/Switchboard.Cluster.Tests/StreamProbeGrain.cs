using System.Collections.Concurrent;
using Orleans.Runtime;
using Orleans.Streams;
using Switchboard.Contracts;

namespace Switchboard.Cluster.Tests;

/// <summary>A test grain that subscribes explicitly to the stream named by its own key and reports what it receives.</summary>
[Alias("Switchboard.Cluster.Tests.IStreamProbeGrain")]
public interface IStreamProbeGrain : IGrainWithStringKey
{
    [Alias("Subscribe")]
    Task Subscribe();
}

public sealed class StreamProbeGrain : Grain, IStreamProbeGrain
{
    public const string Namespace = "probe";

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // The documented pattern for explicit subscriptions: a new activation re-attaches to the handles pub/sub kept.
        foreach (var handle in await Stream().GetAllSubscriptionHandles())
        {
            await handle.ResumeAsync(OnNextAsync);
        }
    }

    public async Task Subscribe()
    {
        if ((await Stream().GetAllSubscriptionHandles()).Count == 0)
        {
            await Stream().SubscribeAsync(OnNextAsync);
        }
    }

    public static StreamId StreamOf(string key) => StreamId.Create(Namespace, key);

    private IAsyncStream<string> Stream() =>
        this.GetStreamProvider(StreamNames.Provider).GetStream<string>(StreamOf(this.GetPrimaryKeyString()));

    private Task OnNextAsync(string item, StreamSequenceToken? token)
    {
        StreamProbe.Received(this.GetPrimaryKeyString(), item);
        return Task.CompletedTask;
    }
}

/// <summary>Stream items the probe grains received in this process, with the silo host generation running at the time.</summary>
public static class StreamProbe
{
    private static readonly ConcurrentDictionary<(string Key, string Item), TaskCompletionSource<int>> Items = new();

    public static int Generation { get; set; }

    public static Task<int> Arrival(string key, string item) => Items.GetOrAdd((key, item), _ => New()).Task;

    public static void Received(string key, string item) => Items.GetOrAdd((key, item), _ => New()).TrySetResult(Generation);

    private static TaskCompletionSource<int> New() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
