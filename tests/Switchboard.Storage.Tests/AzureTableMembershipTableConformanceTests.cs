using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Orleans.Messaging;
using Switchboard.Storage.Tests.Azurite;
using Switchboard.Storage.Tests.Conformance;
using Switchboard.Storage.Tests.Support;

namespace Switchboard.Storage.Tests;

/// <summary>
/// The membership conformance suite against Orleans' Azure Table membership table and gateway list provider on Azurite
/// (a fresh table per test), and where they differ from what the suite once asked, asserted as they are.
/// </summary>
public sealed class AzureTableMembershipTableConformanceTests(AzuriteFixture fixture) : MembershipTableConformanceTests
{
    private const int BatchSize = 100;
    private readonly string tableName = AzuriteFixture.NewTableName("m");

    protected override IMembershipTable CreateTable(string clusterId) =>
        OfficialProviders.CreateMembershipTable(OfficialProviders.Client(fixture), tableName, clusterId);

    protected override IGatewayListProvider CreateGatewayListProvider(string clusterId) =>
        OfficialProviders.CreateGatewayListProvider(OfficialProviders.Client(fixture), tableName, clusterId);

    /// <summary>
    /// Inserts the first entry through the provider, then copies its row for the others (their address and status
    /// changed), 100 to a transaction and the transactions in parallel; the version rows are left alone.
    /// </summary>
    protected override async Task SeedAsync(IMembershipTable target, IReadOnlyList<MembershipEntry> entries)
    {
        Assert.True(await target.InsertRowAsync(entries[0], (await target.ReadAllAsync()).Version.Next()));
        var client = RawTables.Table(fixture, tableName);
        var template = (await client.GetEntityAsync<TableEntity>(ClusterId, RowKey(entries[0].SiloAddress))).Value;
        await Parallel.ForEachAsync(
            entries.Skip(1).Chunk(BatchSize),
            async (chunk, token) => await client.SubmitTransactionAsync(
                chunk.Select(entry => new TableTransactionAction(TableTransactionActionType.Add, CopyOf(template, entry))),
                token));

        // The rows must really span more than one page of a query, or ReadAll's paging would go untested.
        var pages = 0;
        await foreach (var page in client.QueryAsync<TableEntity>($"PartitionKey eq '{ClusterId}'", select: ["RowKey"]).AsPages())
        {
            pages++;
        }

        Assert.True(pages > 1, $"{entries.Count} rows came back in {pages} page(s)");
    }

    [Fact]
    public async Task InitializeMembershipTable_creates_the_table()
    {
        var table = AzuriteFixture.NewTableName("m");

        await OfficialProviders.CreateMembershipTable(OfficialProviders.Client(fixture), table, ClusterId).InitializeMembershipTableAsync(true);

        Assert.True(await RawTables.ExistsAsync(fixture, table));
    }

    [Fact]
    public async Task UpdateIAmAlive_of_a_missing_row_fails_and_creates_nothing()
    {
        var exception = await Assert.ThrowsAsync<RequestFailedException>(() => Table.UpdateIAmAliveAsync(NewEntry(11111)));

        Assert.Equal(404, exception.Status);
        Assert.Empty((await Table.ReadAllAsync()).Members);
    }

    [Fact]
    public async Task Times_are_stored_to_the_millisecond()
    {
        // Orleans' row format prints times to the millisecond. Workaround: none needed; membership counts seconds.
        var precise = new DateTime(2026, 11, 25, 10, 11, 12, DateTimeKind.Utc).AddTicks(1_234_567);
        var entry = NewEntry(11111, iAmAlive: precise);
        Assert.True(await Table.InsertRowAsync(entry, (await Table.ReadAllAsync()).Version.Next()));

        var read = Assert.Single((await Table.ReadAllAsync()).Members).Item1;

        var truncated = new DateTime(2026, 11, 25, 10, 11, 12, 123, DateTimeKind.Utc);
        Assert.Equal(truncated, read.IAmAliveTime);
        Assert.Equal(truncated.AddMinutes(-5), read.StartTime);
        Assert.Equal(truncated.AddSeconds(-1), Assert.Single(read.SuspectTimes!).Item2);
    }

    [Fact]
    public async Task A_stale_row_etag_with_a_fresh_table_version_still_updates_the_row()
    {
        // The row is written with ETag "*": only the version row's ETag is checked. Workaround: none needed; Orleans
        // moves the version with every membership change, so that one check orders all writes.
        var entry = NewEntry(11111, SiloStatus.Joining);
        Assert.True(await Table.InsertRowAsync(entry, (await Table.ReadAllAsync()).Version.Next()));
        var row = await Table.ReadRowAsync(entry.SiloAddress);
        var staleETag = row.Members[0].Item2;
        entry.Status = SiloStatus.Active;
        Assert.True(await Table.UpdateRowAsync(entry, staleETag, row.Version.Next()));
        var updated = await Table.ReadRowAsync(entry.SiloAddress);

        entry.Status = SiloStatus.Dead;
        Assert.True(await Table.UpdateRowAsync(entry, staleETag, updated.Version.Next()));

        var after = await Table.ReadRowAsync(entry.SiloAddress);
        Assert.Equal(SiloStatus.Dead, after.Members[0].Item1.Status);
        Assert.Equal(3, after.Version.Version);
    }

    [Fact]
    public async Task Cleanup_judges_a_dead_silo_by_the_latest_of_its_start_alive_and_suspicion_times()
    {
        // A dead row last alive before the cutoff but suspected after it stays. Workaround: none needed; it goes at a
        // later cleanup.
        var cutoff = new DateTimeOffset(WholeMilliseconds(DateTime.UtcNow.AddHours(-1)));
        var suspectedLate = NewEntry(1, SiloStatus.Dead, cutoff.UtcDateTime.AddMinutes(-10));
        suspectedLate.SuspectTimes = [Tuple.Create(Silo(2), cutoff.UtcDateTime.AddMinutes(5))];
        var quiet = NewEntry(3, SiloStatus.Dead, cutoff.UtcDateTime.AddMinutes(-10));
        foreach (var entry in new[] { suspectedLate, quiet })
        {
            Assert.True(await Table.InsertRowAsync(entry, (await Table.ReadAllAsync()).Version.Next()));
        }

        await Table.CleanupDefunctSiloEntriesAsync(cutoff);

        Assert.Equal(suspectedLate.SiloAddress, Assert.Single((await Table.ReadAllAsync()).Members).Item1.SiloAddress);
    }

    [Fact]
    public async Task After_DeleteMembershipTableEntries_the_cluster_cannot_be_read_until_initialized_again()
    {
        // The version row goes with the silo rows. Workaround: none needed; Switchboard never deletes a cluster's
        // entries, and a silo starting afterwards initializes the table first.
        Assert.True(await Table.InsertRowAsync(NewEntry(11111), (await Table.ReadAllAsync()).Version.Next()));

        await Table.DeleteMembershipTableEntriesAsync(ClusterId);

        await Assert.ThrowsAsync<KeyNotFoundException>(() => Table.ReadAllAsync());
        await Table.InitializeMembershipTableAsync(true);
        var data = await Table.ReadAllAsync();
        Assert.Empty(data.Members);
        Assert.Equal(0, data.Version.Version);
    }

    private static string RowKey(SiloAddress silo) =>
        string.Create(CultureInfo.InvariantCulture, $"{silo.Endpoint.Address}-{silo.Endpoint.Port}-{silo.Generation}");

    private TableEntity CopyOf(TableEntity template, MembershipEntry entry)
    {
        var copy = new TableEntity(ClusterId, RowKey(entry.SiloAddress));
        foreach (var (name, value) in template)
        {
            if (name is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag"))
            {
                copy[name] = value;
            }
        }

        copy["Address"] = entry.SiloAddress.Endpoint.Address.ToString();
        copy["Port"] = entry.SiloAddress.Endpoint.Port.ToString(CultureInfo.InvariantCulture);
        copy["Generation"] = entry.SiloAddress.Generation.ToString(CultureInfo.InvariantCulture);
        copy["Status"] = entry.Status.ToString();
        return copy;
    }
}
