using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Configuration;
using Orleans.Messaging;
using Switchboard.Storage.Tests.Azurite;
using Switchboard.Storage.Tests.Conformance;

namespace Switchboard.Storage.Tests;

/// <summary>The membership conformance suite against <see cref="AzureTableMembershipTable"/> on Azurite (a fresh table per test).</summary>
public sealed class AzureTableMembershipTableConformanceTests(AzuriteFixture fixture) : MembershipTableConformanceTests
{
    private const int BatchSize = 100;
    private readonly string tableName = AzuriteFixture.NewTableName("m");

    protected override IMembershipTable CreateTable(string clusterId) =>
        new AzureTableMembershipTable(Cluster(clusterId), Clustering(), NullLogger<AzureTableMembershipTable>.Instance);

    protected override IGatewayListProvider CreateGatewayListProvider(string clusterId) =>
        new AzureTableGatewayListProvider(Cluster(clusterId), Clustering(), Options.Create(new GatewayOptions()), NullLogger<AzureTableGatewayListProvider>.Instance);

    /// <summary>Writes the rows directly, 100 to a transaction and the transactions in parallel (the version row is left alone).</summary>
    protected override async Task SeedAsync(IMembershipTable target, IReadOnlyList<MembershipEntry> entries)
    {
        var membership = Assert.IsType<AzureTableMembershipTable>(target);
        var client = new TableClient(fixture.ConnectionString, tableName);
        var partition = MembershipRows.PartitionKey(membership.ClusterId);
        await Parallel.ForEachAsync(
            entries.Chunk(BatchSize),
            async (chunk, token) => await client.SubmitTransactionAsync(
                chunk.Select(entry => new TableTransactionAction(TableTransactionActionType.Add, MembershipRows.SiloRow(partition, entry))),
                token));

        // The rows must really span more than one page of a query, or ReadAll's paging would go untested.
        var pages = 0;
        await foreach (var page in client.QueryAsync<TableEntity>($"PartitionKey eq '{partition}'", select: ["RowKey"]).AsPages())
        {
            pages++;
        }

        Assert.True(pages > 1, $"{entries.Count} rows came back in {pages} page(s)");
    }

    [Fact]
    public async Task The_obsolete_members_call_the_async_ones()
    {
#pragma warning disable CS0618 // the members Orleans 10 marks obsolete must still work for older callers
        var entry = NewEntry(11111);
        Assert.True(await Table.InsertRow(entry, (await Table.ReadAll()).Version.Next()));
        var row = await Table.ReadRow(entry.SiloAddress);
        Assert.True(await Table.UpdateRow(entry, row.Members[0].Item2, row.Version.Next()));
        entry.IAmAliveTime = entry.IAmAliveTime.AddMinutes(1);
        await Table.UpdateIAmAlive(entry);
        Assert.Equal(entry.IAmAliveTime, (await Table.ReadRow(entry.SiloAddress)).Members[0].Item1.IAmAliveTime);
        Assert.Single(await CreateGatewayListProvider(ClusterId).GetGateways());
        await Table.CleanupDefunctSiloEntries(DateTimeOffset.UtcNow);
        await Table.DeleteMembershipTableEntries(ClusterId);
        Assert.Empty((await Table.ReadAll()).Members);
#pragma warning restore CS0618
    }

    [Fact]
    public async Task UpdateIAmAlive_of_a_missing_row_fails_and_creates_nothing()
    {
        await Assert.ThrowsAsync<Azure.RequestFailedException>(() => Table.UpdateIAmAliveAsync(NewEntry(11111)));

        Assert.Empty((await Table.ReadAllAsync()).Members);
    }

    private static IOptions<ClusterOptions> Cluster(string clusterId) =>
        Options.Create(new ClusterOptions { ClusterId = clusterId, ServiceId = "svc" });

    private IOptions<AzureTableClusteringOptions> Clustering() =>
        Options.Create(new AzureTableClusteringOptions { ConnectionString = fixture.ConnectionString, TableName = tableName });
}
