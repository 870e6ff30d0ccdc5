using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Switchboard.Contracts;
using Switchboard.TestSupport.Azurite;

namespace Switchboard.Cluster.Tests;

/// <summary>
/// Stream pub/sub state (<c>PubSubStore</c>) is on Azure Tables too, so an explicit stream subscription made
/// before a silo restart still delivers after it, on a new silo that knows it only from the table. With pub/sub state in
/// memory the second silo would know no subscriber and the item would never arrive.
/// </summary>
public sealed class StreamSubscriptionRestartTests
{
    [Fact(Timeout = 180_000)]
    public async Task An_explicit_stream_subscription_made_before_a_silo_restart_delivers_after_it()
    {
        var output = TestContext.Current.TestOutputHelper!;
        var total = Stopwatch.StartNew();
        await using var azurite = await AzuriteInstance.StartAsync(TestContext.Current.CancellationToken);
        var clusterId = "streams-" + Guid.NewGuid().ToString("N")[..12];
        var key = "probe-" + Guid.NewGuid().ToString("N");

        StreamProbe.Generation = 1;
        var first = await InProcessSilo.StartAsync(azurite.ConnectionString, clusterId);
        try
        {
            await first.Services.GetRequiredService<IGrainFactory>().GetGrain<IStreamProbeGrain>(key).Subscribe();
            await PublishAsync(first, key, "before-restart");
            Assert.Equal(1, await StreamProbe.Arrival(key, "before-restart").WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken));
        }
        finally
        {
            await first.StopAsync(TestContext.Current.CancellationToken);
            first.Dispose();
        }

        StreamProbe.Generation = 2;
        using var second = await InProcessSilo.StartAsync(azurite.ConnectionString, clusterId);
        try
        {
            // Nothing activates the probe grain here: only pub/sub, read back from the table, knows it subscribed.
            await PublishAsync(second, key, "after-restart");
            var generation = await StreamProbe.Arrival(key, "after-restart").WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
            output.WriteLine($"item published after the restart delivered; total {total.Elapsed.TotalSeconds:F1} s");
            Assert.Equal(2, generation);
        }
        finally
        {
            await second.StopAsync(CancellationToken.None);
        }
    }

    private static Task PublishAsync(IHost silo, string key, string item) =>
        silo.Services.GetRequiredService<IClusterClient>()
            .GetStreamProvider(StreamNames.Provider)
            .GetStream<string>(StreamProbeGrain.StreamOf(key))
            .OnNextAsync(item);
}
