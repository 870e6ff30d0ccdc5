using Azure.Data.Tables;
using Orleans.Runtime;

namespace Switchboard.Storage;

/// <summary>The membership table and partition of one cluster, as the membership table and the gateway list both open it.</summary>
internal sealed record ClusterTable(string ClusterId, string PartitionKey, TableClient Table)
{
    /// <summary>Validates the options and the cluster id (at start-up, with a clear error) and opens the table.</summary>
    public static ClusterTable Open(AzureTableClusteringOptions options, string? clusterId)
    {
        new AzureTableClusteringOptionsValidator(options).ValidateConfiguration();
        if (string.IsNullOrWhiteSpace(clusterId))
        {
            throw new OrleansConfigurationException("Azure Table clustering: ClusterOptions.ClusterId must not be empty.");
        }

        return new ClusterTable(clusterId, MembershipRows.PartitionKey(clusterId), options.CreateTableClient());
    }
}
