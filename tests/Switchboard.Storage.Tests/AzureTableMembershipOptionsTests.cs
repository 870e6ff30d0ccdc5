using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime;

namespace Switchboard.Storage.Tests;

/// <summary>Misconfigured membership fails early with a message that names the setting.</summary>
public sealed class AzureTableMembershipOptionsTests
{
    public static TheoryData<string?, string?, string> InvalidCases() => new()
    {
        { null, "Membership", "ConnectionString" },
        { "  ", "Membership", "ConnectionString" },
        { "not a connection string", "Membership", "ConnectionString" },
        { "UseDevelopmentStorage=true", "ab", "TableName" },
        { "UseDevelopmentStorage=true", "1Membership", "TableName" },
        { "UseDevelopmentStorage=true", "my-membership", "TableName" },
        { "UseDevelopmentStorage=true", "tables", "TableName" },
        { "UseDevelopmentStorage=true", new string('m', 64), "TableName" },
    };

    [Fact]
    public void Defaults()
    {
        var options = new AzureTableClusteringOptions();

        Assert.Equal("SwitchboardMembership", options.TableName);
        Assert.Null(options.ConnectionString);
        Assert.Null(options.TableServiceClient);
    }

    [Theory]
    [MemberData(nameof(InvalidCases))]
    public void Invalid_options_are_rejected_naming_the_setting(string? connectionString, string? tableName, string setting)
    {
        var options = new AzureTableClusteringOptions { ConnectionString = connectionString, TableName = tableName! };

        var exception = Assert.Throws<OrleansConfigurationException>(() => new AzureTableClusteringOptionsValidator(options).ValidateConfiguration());

        Assert.Contains(setting, exception.Message, StringComparison.Ordinal);
        Assert.Throws<OrleansConfigurationException>(() => new AzureTableMembershipTable(
            Options.Create(new ClusterOptions { ClusterId = "c" }), Options.Create(options), NullLogger<AzureTableMembershipTable>.Instance));
    }

    [Fact]
    public void A_table_service_client_needs_no_connection_string()
    {
        var options = new AzureTableClusteringOptions { TableServiceClient = new TableServiceClient("UseDevelopmentStorage=true") };

        new AzureTableClusteringOptionsValidator(options).ValidateConfiguration();
    }

    [Fact]
    public void An_empty_cluster_id_is_rejected()
    {
        var options = Options.Create(new AzureTableClusteringOptions { ConnectionString = "UseDevelopmentStorage=true" });

        var exception = Assert.Throws<OrleansConfigurationException>(() => new AzureTableMembershipTable(
            Options.Create(new ClusterOptions { ClusterId = " " }), options, NullLogger<AzureTableMembershipTable>.Instance));
        Assert.Contains("ClusterId", exception.Message, StringComparison.Ordinal);
    }
}
