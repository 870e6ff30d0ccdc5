using Orleans.Dashboard;
using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Configuration;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;
using Orleans.Storage;
using Switchboard.Contracts;
using Switchboard.Contracts.Reports;
using Switchboard.Grains;
using Switchboard.Grains.Content;
using Switchboard.Grains.Email;
using Switchboard.Grains.PlatformChanges;
using Switchboard.Grains.Telephony;
using Switchboard.Grains.Tenancy;
using Switchboard.Hosting.Streams;
using Switchboard.Storage;

namespace Switchboard.Hosting;

public static class SiloBuilderExtensions
{
    /// <summary>
    /// Configures a Switchboard silo from configuration: clustering, storage, streams, time. An <paramref name="embedded"/>
    /// silo runs inside the API host and is the whole cluster: on in-memory storage it keeps grain state and live-event
    /// queues in its own process memory (no storage or queue grain between a change and its write or its event), which
    /// is why no other silo may join it (<see cref="SoleSiloGuard"/>); separate silo processes share Orleans' memory
    /// storage and streams instead.
    /// </summary>
    public static ISiloBuilder AddSwitchboardSilo(this ISiloBuilder silo, IConfiguration configuration, bool embedded = false, bool dashboard = false)
    {
        var cluster = OptionsReader.Read<SwitchboardClusterOptions>(configuration, SwitchboardClusterOptions.Section);
        var storage = OptionsReader.Read<StorageOptions>(configuration, StorageOptions.Section);
        LiveQueues.RequireAzureTables(storage);
        var inProcess = embedded && storage.Provider == StorageProvider.Memory
            && (cluster.PrimarySiloPort is null || cluster.PrimarySiloPort == cluster.SiloPort);

        // Read here so that a bad value stops the silo at start-up, not at the first final notice.
        OptionsReader.Read<PlatformChangeOptions>(configuration, PlatformChangeOptions.Section);
        OptionsReader.Read<TenancyOptions>(configuration, TenancyOptions.Section);
        OptionsReader.Read<RetentionOptions>(configuration, RetentionOptions.Section);
        OptionsReader.Read<SmtpOptions>(configuration, SmtpOptions.Section);

        CachedGrainInterfaceTypes.AddTo(silo.Services);
        if (SwitchboardTelemetry.Traces(configuration))
        {
            silo.AddActivityPropagation(); // a trace follows a request from the API into the grains it calls
        }

        if (dashboard)
        {
            silo.AddDashboard();
        }

        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (storage.Provider == StorageProvider.AzureTables)
        {
            // Silos find each other through the membership table. Loopback by default, so that on one machine Orleans
            // never advertises another address; on Azure each silo advertises its own (Orleans:AdvertisedAddress).
            var advertised = AdvertisedAddress.Resolve(cluster.AdvertisedAddress);
            silo.ConfigureEndpoints(advertised, cluster.SiloPort, cluster.GatewayPort, listenOnAnyHostAddress: !IPAddress.IsLoopback(advertised));
            silo.Configure<ClusterOptions>(options =>
            {
                options.ClusterId = cluster.ClusterId;
                options.ServiceId = cluster.ServiceId;
            });
            var tables = AzureTableClients.Create(RequireConnectionString(connectionString));
            silo.UseAzureStorageClustering(options =>
            {
                options.TableServiceClient = tables;
                options.TableName = storage.MembershipTable;
            });
            silo.UseAzureTableReminderService(options =>
            {
                options.TableServiceClient = tables;
                options.TableName = storage.RemindersTable;
            });
        }
        else
        {
            if (!IPAddress.IsLoopback(AdvertisedAddress.Resolve(cluster.AdvertisedAddress)))
            {
                throw new InvalidOperationException(
                    $"{SwitchboardClusterOptions.Section}:{nameof(SwitchboardClusterOptions.AdvertisedAddress)} is '{cluster.AdvertisedAddress}', but silos on the in-memory default find each other on 127.0.0.1 only; set Storage:Provider=AzureTables for silos on several machines.");
            }

            // Reminders keep offer, wrap-up and overflow deadlines across activations; in memory with this provider.
            silo.UseInMemoryReminderService();

            // Loopback only: otherwise Orleans advertises the machine's other address.
            silo.UseLocalhostClustering(
                cluster.SiloPort,
                cluster.GatewayPort,
                cluster.PrimarySiloPort is { } primary && primary != cluster.SiloPort ? new IPEndPoint(IPAddress.Loopback, primary) : null,
                cluster.ServiceId,
                cluster.ClusterId);
        }

        if (inProcess)
        {
            foreach (var name in new[] { StorageNames.Default, StorageNames.PubSub })
            {
                silo.Services.AddGrainStorage(name, static (services, _) => ActivatorUtilities.CreateInstance<InProcessGrainStorage>(services));
            }

            silo.AddPersistentStreams(StreamNames.Provider, InProcessQueueAdapterFactory.Create, streams => streams.ConfigurePullingAgent(agent =>
                agent.Configure(o => o.GetQueueMsgsTimerPeriod = LiveStreamPolling.Period)));
            silo.Services.AddHostedService<SoleSiloGuard>();
        }
        else
        {
            silo.AddSwitchboardStorage(storage, connectionString);
            if (storage.UsesLiveQueues)
            {
                silo.AddLiveQueueStreams(RequireConnectionString(connectionString), cluster.ServiceId, storage);
            }
            else
            {
                silo.AddMemoryStreams(StreamNames.Provider, streams => streams.ConfigurePullingAgent(agent =>
                    agent.Configure(o => o.GetQueueMsgsTimerPeriod = LiveStreamPolling.Period)));
            }
        }

        if (storage.Provider == StorageProvider.AzureTables)
        {
            silo.Services.AddSingleton<IEventHistoryStore>(
                new TableEventHistory(AzureTableClients.Create(RequireConnectionString(connectionString)), storage.HistoryTablePrefix));
        }
        else if (inProcess)
        {
            silo.Services.AddSingleton<IEventHistoryStore, Grains.Reports.InProcessEventHistory>();
        }

        silo.Services.AddSwitchboardInteractions();
        silo.Services.AddSwitchboardContent(storage, connectionString, cluster.ServiceId, inProcess);
        silo.Services.AddOptions<RetentionOptions>().Bind(configuration.GetSection(RetentionOptions.Section));
        silo.Services.AddOptions<SmtpOptions>().Bind(configuration.GetSection(SmtpOptions.Section));
        silo.AddStartupTask(ContentStores.StartRetention);
        silo.Services.AddOptions<TelephonyOptions>().Bind(configuration.GetSection(TelephonyOptions.Section));
        silo.Services.AddOptions<PlatformChangeOptions>().Bind(configuration.GetSection(PlatformChangeOptions.Section));
        silo.Services.AddOptions<TenancyOptions>().Bind(configuration.GetSection(TenancyOptions.Section));

        // Failure detection (probe timeouts, missed probes, IAmAlive period) can be tuned per deployment. One default
        // differs from Orleans': silos that start after every silo died can vote the dead rows out only once those have
        // missed two "I am alive" writes, so writing every 10 s instead of 30 s brings such a restart from about 118 s
        // to about 55 s, for one small table write per silo every 10 s.
        silo.Services.AddOptions<ClusterMembershipOptions>()
            .Configure(options => options.IAmAliveTablePublishTimeout = DefaultIAmAlivePeriod)
            .Bind(configuration.GetSection(MembershipSection));
        silo.Services.TryAddKeyedSingleton(SwitchboardClock.ServiceKey, TimeProvider.System);
        return silo;
    }

    /// <summary>Orleans' <c>ClusterMembershipOptions</c> (e.g. <c>ProbeTimeout</c>, <c>NumMissedProbesLimit</c>), bound from here.</summary>
    public const string MembershipSection = "Orleans:Membership";

    /// <summary>How often a silo writes "I am alive" to the membership table unless <c>Orleans:Membership:IAmAliveTablePublishTimeout</c> says otherwise.</summary>
    public static readonly TimeSpan DefaultIAmAlivePeriod = TimeSpan.FromSeconds(10);

    /// <summary>The connection string (<c>ConnectionStrings:AzureStorage</c>) of Azure Storage or Azurite.</summary>
    public const string ConnectionStringName = "AzureStorage";

    /// <summary>Registers the one named grain storage (and pub/sub storage) on the configured provider.</summary>
    public static ISiloBuilder AddSwitchboardStorage(this ISiloBuilder silo, StorageOptions storage, string? connectionString = null)
    {
        switch (storage.Provider)
        {
            case StorageProvider.Memory:
                silo.AddFastMemoryGrainStorage(StorageNames.Default);
                silo.AddFastMemoryGrainStorage(StorageNames.PubSub);
                break;
            case StorageProvider.AzureTables:
                var tables = AzureTableClients.Create(RequireConnectionString(connectionString));
                foreach (var name in new[] { StorageNames.Default, StorageNames.PubSub })
                {
                    // One row per grain state, in Orleans' binary format: the serializer the grains' messages use, so every
                    // state type is storable as it is (the README has the measurement against System.Text.Json).
                    silo.AddAzureTableGrainStorage(name, options =>
                    {
                        options.TableServiceClient = tables;
                        options.TableName = storage.GrainStateTable;
                    });
                    silo.Services.AddOptions<AzureTableStorageOptions>(name)
                        .Configure<Serializer>((options, serializer) => options.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer));
                }

                break;
            default:
                throw new InvalidOperationException($"Storage provider '{storage.Provider}' is not supported.");
        }

        return silo;
    }

    /// <summary>The connection string AzureTables needs, or a start-up error that says how to give it.</summary>
    public static string RequireConnectionString(string? connectionString) => string.IsNullOrWhiteSpace(connectionString)
        ? throw new InvalidOperationException(
            $"Storage:Provider is AzureTables but ConnectionStrings:{ConnectionStringName} is not set (e.g. 'UseDevelopmentStorage=true' for Azurite).")
        : connectionString;

    private static void AddFastMemoryGrainStorage(this ISiloBuilder silo, string name)
    {
        silo.AddMemoryGrainStorage(name);

        // Orleans' binary serializer, not the default Newtonsoft JSON one: it was a fifth of the CPU of an agent-state PUT.
        silo.Services.AddOptions<MemoryGrainStorageOptions>(name)
            .Configure<Serializer>((options, serializer) => options.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer));
    }
}
