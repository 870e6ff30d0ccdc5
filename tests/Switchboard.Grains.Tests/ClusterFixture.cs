using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;
using Orleans.TestingHost;
using Switchboard.Contracts;
using Switchboard.Grains;
using Switchboard.Storage.Content;

namespace Switchboard.Grains.Tests;

/// <summary>
/// One two-silo in-process cluster for the whole assembly, with a fake clock both silos share and grain storage
/// that fails the writes tests ask it to (<see cref="Faults"/>, also shared by both silos).
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    /// <summary>Where the fake clock starts; any fixed instant will do.</summary>
    public static readonly DateTimeOffset Start = new(2030, 1, 2, 3, 4, 5, TimeSpan.Zero);

    /// <summary>The memory storage behind <see cref="FaultInjectingGrainStorage"/>.</summary>
    private const string InnerStorage = StorageNames.Default + "-inner";

    private InProcessTestCluster? cluster;

    public FakeTimeProvider Time { get; } = new(Start);

    /// <summary>Write failures to inject into the "switchboard" storage of every silo.</summary>
    public StorageFaults Faults { get; } = new();

    /// <summary>Live publish failures to inject into every silo.</summary>
    public LiveFaults LiveFaults { get; } = new();

    /// <summary>Event history appends to fail, in every silo.</summary>
    public HistoryFaults HistoryFaults { get; } = new();

    /// <summary>Where both silos send email.</summary>
    public RecordingEmailSender Mail { get; } = new();

    /// <summary>The content store both silos share.</summary>
    public MemoryContentStore Content { get; } = new();

    public InProcessTestCluster Cluster => cluster ?? throw new InvalidOperationException("The cluster is not deployed.");

    public IClusterClient Client => Cluster.Client;

    /// <summary>
    /// Deactivates each grain and checks that the activation is gone, so the next call reads the state from storage. A
    /// grain may be activated again at once by a message already on its way (a reminder tick, a one-way notice): that
    /// is a new activation, which is just as good.
    /// </summary>
    /// <summary>The silo <paramref name="grain"/> is active on.</summary>
    public SiloAddress SiloOf(IAddressable grain)
    {
        Assert.True(Cluster.TryGetGrainContext(grain.GetGrainId(), out var context), $"{grain.GetGrainId()} is not active.");
        return context.Address.SiloAddress!;
    }

    /// <summary>Moves <paramref name="grain"/> to <paramref name="silo"/> unless it is there already.</summary>
    public async Task EnsureOn(IAddressable grain, SiloAddress silo)
    {
        if (!SiloOf(grain).Equals(silo))
        {
            await Cluster.MigrateAsync(grain, silo);
        }

        Assert.Equal(silo, SiloOf(grain));
    }

    public async Task DeactivateAllAsync(params IAddressable[] grains)
    {
        foreach (var grain in grains)
        {
            var before = Cluster.TryGetGrainContext(grain.GetGrainId(), out var context) ? context.ActivationId : (ActivationId?)null;
            await Cluster.DeactivateAsync(grain);
            var after = Cluster.TryGetGrainContext(grain.GetGrainId(), out var again) ? again.ActivationId : (ActivationId?)null;
            Assert.True(after is null || after != before, $"{grain.GetGrainId()} is still the same activation.");
        }
    }

    public async ValueTask InitializeAsync()
    {
        // Both silos share the fake business clock; Orleans keeps the real one for its own probes and timeouts.
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSilo((_, silo) =>
        {
            // As AddSwitchboardStorage does for memory, but "switchboard" is the fault-injecting decorator around it.
            foreach (var name in new[] { InnerStorage, StorageNames.PubSub })
            {
                silo.AddMemoryGrainStorage(name);
                silo.Services.AddOptions<MemoryGrainStorageOptions>(name)
                    .Configure<Serializer>((options, serializer) => options.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer));
            }

            // Named grain storage is a keyed IGrainStorage, as AddMemoryGrainStorage registers it.
            silo.Services.AddKeyedSingleton<IGrainStorage>(
                StorageNames.Default,
                (services, _) => new FaultInjectingGrainStorage(services.GetRequiredKeyedService<IGrainStorage>(InnerStorage), Faults));
            silo.Services.AddKeyedSingleton<TimeProvider>(SwitchboardClock.ServiceKey, Time);
            silo.Services.AddSingleton(Faults); // for the probe grain's notes
            silo.Services.AddSingleton<Contracts.Reports.IEventHistoryStore>(services =>
                new FaultInjectingHistory(ActivatorUtilities.CreateInstance<Reports.MemoryEventHistory>(services), HistoryFaults));
            silo.Services.AddSwitchboardInteractions();
            silo.Services.AddSingleton<IContentStore>(Content);
            silo.Services.AddSingleton<Email.IEmailSender>(Mail);
            silo.Services.AddSingleton<Live.ILivePublisher>(services => new FaultInjectingLivePublisher(services, LiveFaults));
            silo.UseInMemoryReminderService();
            silo.AddMemoryStreams(StreamNames.Provider);
        });
        builder.ConfigureClient(client => client.AddMemoryStreams(StreamNames.Provider));
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
