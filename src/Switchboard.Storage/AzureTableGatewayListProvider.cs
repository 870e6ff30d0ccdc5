using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Configuration;
using Orleans.Messaging;
using Orleans.Runtime;

namespace Switchboard.Storage;

/// <summary>
/// The gateway list of an Orleans client from the rows <see cref="AzureTableMembershipTable"/> writes: every Active silo of
/// the cluster with a proxy port, as a gateway URI.
/// </summary>
public sealed class AzureTableGatewayListProvider : IGatewayListProvider
{
    private readonly string clusterId;
    private readonly string partitionKey;
    private readonly TableClient table;
    private readonly ILogger logger;

    public AzureTableGatewayListProvider(
        IOptions<ClusterOptions> clusterOptions,
        IOptions<AzureTableClusteringOptions> options,
        IOptions<GatewayOptions> gatewayOptions,
        ILogger<AzureTableGatewayListProvider> logger)
    {
        ArgumentNullException.ThrowIfNull(clusterOptions);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(gatewayOptions);
        ArgumentNullException.ThrowIfNull(logger);
        (clusterId, partitionKey, table) = ClusterTable.Open(options.Value, clusterOptions.Value.ClusterId);
        MaxStaleness = gatewayOptions.Value.GatewayListRefreshPeriod;
        this.logger = logger;
    }

    /// <summary>How long the client may use a list before asking again (<c>GatewayOptions.GatewayListRefreshPeriod</c>).</summary>
    public TimeSpan MaxStaleness { get; }

    /// <summary>The list follows the membership table, so the client refreshes it.</summary>
    public bool IsUpdatable => true;

    [Obsolete("Use InitializeGatewayListProviderAsync instead.")]
    public Task InitializeGatewayListProvider() => InitializeGatewayListProviderAsync(CancellationToken.None);

    /// <summary>Creates the table if missing, so a client started before any silo sees an empty list instead of an error.</summary>
    public async Task InitializeGatewayListProviderAsync(CancellationToken cancellationToken) =>
        await table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);

    [Obsolete("Use GetGatewaysAsync instead.")]
    public Task<IList<Uri>> GetGateways() => GetGatewaysAsync(CancellationToken.None);

    /// <summary>The gateway URIs of the Active silos of the cluster whose proxy port is set.</summary>
    public async Task<IList<Uri>> GetGatewaysAsync(CancellationToken cancellationToken)
    {
        var filter = $"PartitionKey eq '{partitionKey.Replace("'", "''", StringComparison.Ordinal)}'"
            + $" and {MembershipRows.StatusProperty} eq '{nameof(SiloStatus.Active)}' and {MembershipRows.ProxyPortProperty} gt 0";
        var gateways = new List<Uri>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (!MembershipRows.IsVersionRow(row))
            {
                gateways.Add(MembershipRows.ToGatewayUri(row));
            }
        }

        MembershipLog.Gateways(logger, clusterId, gateways.Count);
        return gateways;
    }
}
