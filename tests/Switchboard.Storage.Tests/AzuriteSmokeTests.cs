using Azure.Data.Tables;
using Switchboard.Storage.Tests.Azurite;

namespace Switchboard.Storage.Tests;

/// <summary>The Azurite every storage test runs against is up and takes writes.</summary>
public sealed class AzuriteSmokeTests(AzuriteFixture fixture)
{
    [Fact]
    public async Task Azurite_accepts_a_table_and_an_entity()
    {
        var table = new TableClient(fixture.ConnectionString, AzuriteFixture.NewTableName());
        await table.CreateIfNotExistsAsync();

        await table.AddEntityAsync(new TableEntity("p", "r") { ["Value"] = 42 });

        var read = await table.GetEntityAsync<TableEntity>("p", "r");
        Assert.Equal(42, read.Value.GetInt32("Value"));
    }
}
