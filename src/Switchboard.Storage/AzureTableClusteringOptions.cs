using Azure.Data.Tables;

namespace Switchboard.Storage;

/// <summary>
/// Configuration of <see cref="AzureTableMembershipTable"/> (silos) and <see cref="AzureTableGatewayListProvider"/> (clients).
/// The cluster id comes from Orleans's <c>ClusterOptions.ClusterId</c>.
/// </summary>
public sealed class AzureTableClusteringOptions
{
    /// <summary>The table used when none is configured.</summary>
    public const string DefaultTableName = "SwitchboardMembership";

    /// <summary>A client to use as is (its own retry policy applies). Takes precedence over <see cref="ConnectionString"/>.</summary>
    public TableServiceClient? TableServiceClient { get; set; }

    /// <summary>An Azure Storage or Azurite connection string, e.g. <c>UseDevelopmentStorage=true</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The table holding the membership rows of every cluster that shares it (one partition per cluster id).</summary>
    public string TableName { get; set; } = DefaultTableName;

    /// <summary>
    /// The table client: <see cref="TableServiceClient"/> if set, else one built from <see cref="ConnectionString"/> with
    /// <see cref="AzureTableGrainStorageOptions.CreateClientOptions"/> (transient faults retried, conflicts never).
    /// </summary>
    internal TableClient CreateTableClient()
    {
        var service = TableServiceClient ?? new TableServiceClient(ConnectionString, AzureTableGrainStorageOptions.CreateClientOptions());
        return service.GetTableClient(TableName);
    }
}
