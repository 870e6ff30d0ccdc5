using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Hosting;
using Orleans.Messaging;

namespace Switchboard.Storage;

/// <summary>Registration of <see cref="AzureTableMembershipTable"/> and <see cref="AzureTableGatewayListProvider"/> in Orleans's naming style.</summary>
public static class AzureTableClusteringExtensions
{
    /// <summary>
    /// Makes the silo use Azure Table Storage for membership (an <see cref="IMembershipTable"/> singleton, as
    /// <c>UseAzureStorageClustering</c> and <c>UseAdoNetClustering</c> do); the options are validated at start-up.
    /// </summary>
    public static ISiloBuilder UseAzureTableClustering(this ISiloBuilder builder, Action<AzureTableClusteringOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        AddOptions(builder.Services, configure);
        builder.Services.AddSingleton<IMembershipTable, AzureTableMembershipTable>();
        return builder;
    }

    /// <summary>Makes the client find gateways in the Azure Table membership rows (an <see cref="IGatewayListProvider"/> singleton).</summary>
    public static IClientBuilder UseAzureTableClustering(this IClientBuilder builder, Action<AzureTableClusteringOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        AddOptions(builder.Services, configure);
        builder.Services.AddSingleton<IGatewayListProvider, AzureTableGatewayListProvider>();
        return builder;
    }

    private static void AddOptions(IServiceCollection services, Action<AzureTableClusteringOptions> configure)
    {
        services.AddOptions<AzureTableClusteringOptions>().Configure(configure);
        services.AddTransient<IConfigurationValidator>(provider =>
            new AzureTableClusteringOptionsValidator(provider.GetRequiredService<IOptions<AzureTableClusteringOptions>>().Value));
    }
}
