using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Runtime;

namespace Switchboard.Storage.Tests;

/// <summary>Misconfiguration fails at start-up with a message that names the provider and the setting.</summary>
public sealed class AzureTableGrainStorageOptionsTests
{
    private const string Azurite = "UseDevelopmentStorage=true";

    public static TheoryData<string, string> InvalidCases() => new()
    {
        { "no-connection", "ConnectionString" },
        { "blank-connection", "ConnectionString" },
        { "malformed-connection", "ConnectionString" },
        { "table-too-short", "TableName" },
        { "table-starts-with-digit", "TableName" },
        { "table-with-dash", "TableName" },
        { "table-too-long", "TableName" },
        { "table-reserved", "TableName" },
        { "no-service-id", "ServiceId" },
        { "zero-max-state", "MaxStateBytes" },
        { "max-state-over-entity-limit", "MaxStateBytes" },
    };

    [Fact]
    public void Defaults_fit_azure_limits()
    {
        var options = new AzureTableGrainStorageOptions();

        Assert.Equal("SwitchboardGrainState", options.TableName);
        Assert.Equal(983_040, options.MaxStateBytes);
        Assert.Null(options.Serializer);
        var retry = AzureTableGrainStorageOptions.CreateClientOptions().Retry;
        Assert.Equal(Azure.Core.RetryMode.Exponential, retry.Mode);
        Assert.InRange(retry.MaxRetries, 2, 6);
    }

    [Theory]
    [MemberData(nameof(InvalidCases))]
    public void Invalid_options_are_rejected_naming_the_setting(string @case, string setting)
    {
        var options = Valid();
        Break(options, @case);

        var exception = Assert.Throws<OrleansConfigurationException>(() => new AzureTableGrainStorageOptionsValidator(options, "agents").ValidateConfiguration());

        Assert.Contains("'agents'", exception.Message, StringComparison.Ordinal);
        Assert.Contains(setting, exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(InvalidCases))]
    public void The_provider_cannot_be_constructed_with_invalid_options(string @case, string setting)
    {
        var options = Valid();
        Break(options, @case);

        var exception = Assert.Throws<OrleansConfigurationException>(() => new AzureTableGrainStorage("agents", options, NullLogger<AzureTableGrainStorage>.Instance));

        Assert.Contains(setting, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_connection_string_is_not_echoed_back()
    {
        var options = Valid();
        options.ConnectionString = "AccountName=acct;AccountKey=c2VjcmV0LWtleS12YWx1ZQ==;EndpointSuffix";

        var exception = Assert.Throws<OrleansConfigurationException>(() => new AzureTableGrainStorageOptionsValidator(options, "agents").ValidateConfiguration());

        Assert.DoesNotContain("c2VjcmV0LWtleS12YWx1ZQ==", exception.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("SwitchboardGrainState")]
    [InlineData("a23456789012345678901234567890123456789012345678901234567890123")] // 63 characters
    public void Valid_table_names_are_accepted(string tableName)
    {
        var options = Valid();
        options.TableName = tableName;

        new AzureTableGrainStorageOptionsValidator(options, "agents").ValidateConfiguration();
    }

    [Fact]
    public void A_client_alone_is_enough()
    {
        var options = Valid();
        options.ConnectionString = null;
        options.TableServiceClient = new TableServiceClient(Azurite);

        new AzureTableGrainStorageOptionsValidator(options, "agents").ValidateConfiguration();
    }

    private static AzureTableGrainStorageOptions Valid() => new() { ConnectionString = Azurite, ServiceId = "svc" };

    private static void Break(AzureTableGrainStorageOptions options, string @case)
    {
        switch (@case)
        {
            case "no-connection": options.ConnectionString = null; break;
            case "blank-connection": options.ConnectionString = "  "; break;
            case "malformed-connection": options.ConnectionString = "this is not a connection string"; break;
            case "table-too-short": options.TableName = "ab"; break;
            case "table-starts-with-digit": options.TableName = "1abc"; break;
            case "table-with-dash": options.TableName = "grain-state"; break;
            case "table-too-long": options.TableName = "a" + new string('b', 63); break;
            case "table-reserved": options.TableName = "Tables"; break;
            case "no-service-id": options.ServiceId = " "; break;
            case "zero-max-state": options.MaxStateBytes = 0; break;
            case "max-state-over-entity-limit": options.MaxStateBytes = AzureTableGrainStorageOptions.MaxEntityBytes + 1; break;
            default: throw new ArgumentOutOfRangeException(nameof(@case), @case, null);
        }
    }
}
