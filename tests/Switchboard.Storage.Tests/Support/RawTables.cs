using Azure.Data.Tables;
using Switchboard.Storage.Tests.Azurite;

namespace Switchboard.Storage.Tests.Support;

/// <summary>Direct table access on the test run's Azurite, to look at rows behind a provider's back.</summary>
internal static class RawTables
{
    public static TableClient Table(AzuriteFixture fixture, string table) => new(fixture.ConnectionString, table);

    public static async Task<List<TableEntity>> AllRowsAsync(AzuriteFixture fixture, string table)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in Table(fixture, table).QueryAsync<TableEntity>())
        {
            rows.Add(row);
        }

        return rows;
    }

    public static async Task<bool> ExistsAsync(AzuriteFixture fixture, string table)
    {
        await foreach (var item in new TableServiceClient(fixture.ConnectionString).QueryAsync(t => t.Name == table))
        {
            return true;
        }

        return false;
    }
}
