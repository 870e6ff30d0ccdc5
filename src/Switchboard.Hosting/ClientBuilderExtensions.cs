using Orleans.Dashboard;
using Microsoft.Extensions.Configuration;
using Orleans.Configuration;
using Switchboard.Contracts;

namespace Switchboard.Hosting;

public static class ClientBuilderExtensions
{
    /// <summary>
    /// Configures an Orleans client of separate Switchboard silos: gateways from the membership table on Azure Tables,
    /// or the configured loopback gateway ports otherwise.
    /// </summary>
    public static IClientBuilder AddSwitchboardClient(this IClientBuilder client, IConfiguration configuration, bool dashboard = false)
    {
        var cluster = OptionsReader.Read<SwitchboardClusterOptions>(configuration, SwitchboardClusterOptions.Section);
        var storage = OptionsReader.Read<StorageOptions>(configuration, StorageOptions.Section);
        LiveQueues.RequireAzureTables(storage);
        CachedGrainInterfaceTypes.AddTo(client.Services);
        if (SwitchboardTelemetry.Traces(configuration))
        {
            client.AddActivityPropagation();
        }

        if (dashboard)
        {
            client.AddDashboard(); // the silos must run it too (Dashboard:Enabled there)
        }

        client.Services.AddSwitchboardContent(storage, configuration.GetConnectionString(SiloBuilderExtensions.ConnectionStringName), cluster.ServiceId, inProcess: false);
        if (storage.Provider == StorageProvider.AzureTables)
        {
            var connectionString = SiloBuilderExtensions.RequireConnectionString(configuration.GetConnectionString(SiloBuilderExtensions.ConnectionStringName));
            client.Configure<ClusterOptions>(options =>
            {
                options.ClusterId = cluster.ClusterId;
                options.ServiceId = cluster.ServiceId;
            });
            client.UseAzureStorageClustering(options =>
            {
                options.TableServiceClient = AzureTableClients.Create(connectionString);
                options.TableName = storage.MembershipTable;
            });
            client.Configure<GatewayOptions>(options => options.GatewayListRefreshPeriod = TimeSpan.FromSeconds(cluster.GatewayRefreshSeconds));
        }
        else
        {
            client.UseLocalhostClustering(cluster.GatewayPorts is { Length: > 0 } ports ? ports : [cluster.GatewayPort], cluster.ServiceId, cluster.ClusterId);
        }

        // Live status: the API host subscribes to the silos' live streams (one subscription per tenant stream it needs).
        if (storage.UsesLiveQueues)
        {
            client.AddLiveQueueStreams(SiloBuilderExtensions.RequireConnectionString(configuration.GetConnectionString(SiloBuilderExtensions.ConnectionStringName)), cluster.ServiceId, storage);
        }
        else
        {
            client.AddMemoryStreams(StreamNames.Provider);
        }
        return client;
    }
}
