using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;
using Switchboard.Grains;
using Switchboard.Hosting;

namespace Switchboard.Grains.Tests;

/// <summary>One two-silo in-process cluster for the whole assembly, with a fake clock both silos share.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    /// <summary>Where the fake clock starts; any fixed instant will do.</summary>
    public static readonly DateTimeOffset Start = new(2030, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private InProcessTestCluster? cluster;

    public FakeTimeProvider Time { get; } = new(Start);

    public InProcessTestCluster Cluster => cluster ?? throw new InvalidOperationException("The cluster is not deployed.");

    public IClusterClient Client => Cluster.Client;

    public async ValueTask InitializeAsync()
    {
        // Both silos share the fake business clock; Orleans keeps the real one for its own probes and timeouts.
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddSwitchboardStorage(new StorageOptions());
            silo.Services.AddKeyedSingleton<TimeProvider>(SwitchboardClock.ServiceKey, Time);
        });
        cluster = builder.Build();
        await cluster.DeployAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (cluster is not null)
        {
            await cluster.DisposeAsync();
            cluster = null;
        }
    }
}
