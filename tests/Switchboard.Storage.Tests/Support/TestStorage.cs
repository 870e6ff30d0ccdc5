using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Storage.Tests.Azurite;

namespace Switchboard.Storage.Tests.Support;

/// <summary>Providers and raw table access on the test run's Azurite.</summary>
internal static class TestStorage
{
    public static AzureTableGrainStorage Create(AzuriteFixture fixture, string? table = null, string serviceId = "svc", Action<AzureTableGrainStorageOptions>? configure = null)
    {
        var options = new AzureTableGrainStorageOptions
        {
            ConnectionString = fixture.ConnectionString,
            TableName = table ?? AzuriteFixture.NewTableName(),
            ServiceId = serviceId,
        };
        configure?.Invoke(options);
        return new AzureTableGrainStorage("test", options, NullLogger<AzureTableGrainStorage>.Instance);
    }

    public static TableClient RawTable(AzuriteFixture fixture, string table) => new(fixture.ConnectionString, table);

    public static async Task<List<TableEntity>> AllRowsAsync(AzuriteFixture fixture, string table)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in RawTable(fixture, table).QueryAsync<TableEntity>())
        {
            rows.Add(row);
        }

        return rows;
    }

    public static async Task<bool> TableExistsAsync(AzuriteFixture fixture, string table)
    {
        await foreach (var item in new TableServiceClient(fixture.ConnectionString).QueryAsync(t => t.Name == table))
        {
            return true;
        }

        return false;
    }
}
