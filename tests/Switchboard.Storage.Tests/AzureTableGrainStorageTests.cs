using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Orleans.Runtime;
using Orleans.Storage;
using Switchboard.Hosting;
using Switchboard.Storage.Tests.Azurite;
using Switchboard.Storage.Tests.Conformance;
using Switchboard.Storage.Tests.Support;

namespace Switchboard.Storage.Tests;

/// <summary>
/// What Switchboard relies on from Orleans' Azure Table grain storage beyond the conformance suite: the row it writes,
/// isolation of services sharing a table, failing loudly on a damaged row, and making its table at silo start-up.
/// </summary>
public sealed class AzureTableGrainStorageTests(AzuriteFixture fixture)
{
    private const string StateName = "state";

    [Fact]
    public async Task A_state_is_one_row_of_Orleans_binary_data_in_64_KiB_properties_under_readable_keys()
    {
        var table = AzuriteFixture.NewTableName();
        var storage = await OfficialProviders.StartGrainStorageAsync(fixture, table);
        var grainId = GrainId.Create("agent", "tenant/agent#7?");
        var state = new TestState1 { A = new string('x', 200_000), B = 7 };
        await storage.WriteStateAsync("agent state", grainId, new GrainState<TestState1> { State = state });

        var row = Assert.Single(await RawTables.AllRowsAsync(fixture, table));

        Assert.Equal("svc_agent_tenant_agent_7_", row.PartitionKey);
        Assert.Equal("agent state", row.RowKey);
        var chunks = new[] { "Data", "Data1", "Data2", "Data3" }.Select(name => row.GetBinary(name)!).ToArray();
        Assert.All(chunks[..3], chunk => Assert.Equal(64 * 1024, chunk.Length));
        Assert.Equal(OfficialProviders.Serializer.SerializeToArray(state), chunks.SelectMany(chunk => chunk).ToArray());
        Assert.Null(row.GetBinary("Data4"));
    }

    [Fact]
    public async Task Orleans_runtime_types_round_trip_as_stream_pub_sub_state_holds_them()
    {
        var storage = await OfficialProviders.StartGrainStorageAsync(fixture);
        var grainId = GrainId.Create("pubsubrendezvous", "switchboard-streams/agent/dev/a1");
        var state = new Dictionary<string, GrainId>
        {
            ["\u043e\u043f\u0435\u0440\u0430\u0442\u043e\u0440"] = GrainId.Create("agent", "dev/a1"),
            ["queue"] = GrainId.Create("queue", "dev/support"),
        };
        var written = new GrainState<Dictionary<string, GrainId>> { State = state };
        await storage.WriteStateAsync("PubSubStore", grainId, written);

        var read = new GrainState<Dictionary<string, GrainId>>();
        await storage.ReadStateAsync("PubSubStore", grainId, read);

        Assert.True(read.RecordExists);
        Assert.Equal(written.ETag, read.ETag);
        Assert.Equal(state, read.State);
    }

    [Fact]
    public async Task Clear_leaves_an_empty_row_behind_under_a_new_etag()
    {
        // Switchboard keeps Orleans' default DeleteStateOnClear = false: a cleared state costs an empty row.
        var table = AzuriteFixture.NewTableName();
        var storage = await OfficialProviders.StartGrainStorageAsync(fixture, table);
        var grainId = GrainId.Create("test-grain", "cleared");
        var grainState = new GrainState<TestState1> { State = new TestState1 { A = "x" } };
        await storage.WriteStateAsync(StateName, grainId, grainState);

        await storage.ClearStateAsync(StateName, grainId, grainState);

        var row = Assert.Single(await RawTables.AllRowsAsync(fixture, table));
        Assert.Null(row.GetBinary("Data"));
        Assert.Equal(row.ETag.ToString(), grainState.ETag);
        Assert.False((await ReadAsync(storage, grainId)).RecordExists);
    }

    [Fact]
    public async Task Services_sharing_one_table_are_isolated()
    {
        var table = AzuriteFixture.NewTableName();
        // "svc" is a prefix of the others, and "svc-test-grain" ends where a naive "service-grain" key would.
        var services = new List<(string ServiceId, IGrainStorage Storage)>();
        foreach (var serviceId in new[] { "svc", "svc2", "svc-test-grain", "s" })
        {
            services.Add((serviceId, await OfficialProviders.StartGrainStorageAsync(fixture, table, serviceId)));
        }

        var grainId = GrainId.Create("test-grain", "shared-key");
        foreach (var (serviceId, storage) in services)
        {
            await storage.WriteStateAsync(StateName, grainId, new GrainState<TestState1> { State = new TestState1 { A = serviceId } });
        }

        await services[0].Storage.ClearStateAsync(StateName, grainId, await ReadAsync(services[0].Storage, grainId));

        Assert.False((await ReadAsync(services[0].Storage, grainId)).RecordExists);
        foreach (var (serviceId, storage) in services.Skip(1))
        {
            Assert.Equal(serviceId, (await ReadAsync(storage, grainId)).State!.A);
        }
    }

    [Fact]
    public async Task A_service_id_with_an_underscore_can_share_rows_with_another_service()
    {
        // "{serviceId}_{grainId}" is ambiguous once a service id holds '_'. Workaround: Switchboard's ServiceId may hold
        // only letters, digits and '-', so the first '_' always ends it.
        var table = AzuriteFixture.NewTableName();
        var plain = await OfficialProviders.StartGrainStorageAsync(fixture, table, "svc");
        var underscored = await OfficialProviders.StartGrainStorageAsync(fixture, table, "svc_a");
        await plain.WriteStateAsync(StateName, GrainId.Create("a_t", "k"), new GrainState<TestState1> { State = new TestState1 { A = "svc" } });

        await Assert.ThrowsAsync<TableStorageUpdateConditionNotSatisfiedException>(() =>
            underscored.WriteStateAsync(StateName, GrainId.Create("t", "k"), new GrainState<TestState1> { State = new TestState1 { A = "svc_a" } }));

        Assert.Equal("svc", (await ReadAsync(underscored, GrainId.Create("t", "k"))).State!.A);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("Orleans:ServiceId", "svc_a")]).Build();
        var invalid = Assert.Throws<InvalidOperationException>(() => OptionsReader.Read<SwitchboardClusterOptions>(configuration, SwitchboardClusterOptions.Section));
        Assert.Contains("ServiceId", invalid.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_row_of_unreadable_data_fails_the_read_instead_of_resetting_the_state()
    {
        var table = AzuriteFixture.NewTableName();
        var storage = await OfficialProviders.StartGrainStorageAsync(fixture, table);
        var grainId = GrainId.Create("test-grain", "damaged");
        await storage.WriteStateAsync(StateName, grainId, new GrainState<TestState1> { State = new TestState1 { A = "x" } });
        var row = Assert.Single(await RawTables.AllRowsAsync(fixture, table));
        await RawTables.Table(fixture, table).UpdateEntityAsync(new TableEntity(row.PartitionKey, row.RowKey) { ["Data"] = new byte[] { 0xFF, 0x00, 0x13, 0x37 } }, ETag.All);

        var read = new GrainState<TestState1> { State = new TestState1 { A = "in memory" } };
        await Assert.ThrowsAsync<AggregateException>(() => storage.ReadStateAsync(StateName, grainId, read));

        Assert.Equal("in memory", read.State!.A);
    }

    [Fact]
    public async Task The_table_is_created_in_the_application_services_stage_of_the_silo_lifecycle()
    {
        var table = AzuriteFixture.NewTableName();
        var storage = OfficialProviders.CreateGrainStorage(OfficialProviders.Client(fixture), table);
        Assert.False(await RawTables.ExistsAsync(fixture, table));

        var lifecycle = await OfficialProviders.StartAsync(storage);

        Assert.Equal(ServiceLifecycleStage.ApplicationServices, lifecycle.HighestCompletedStage);
        Assert.True(await RawTables.ExistsAsync(fixture, table));
    }

    [Fact]
    public async Task Before_its_start_up_stage_the_provider_refuses_every_operation_and_makes_no_table()
    {
        // No lazy table creation: Orleans runs the stage before any grain activates, so Switchboard never meets this.
        var table = AzuriteFixture.NewTableName();
        var storage = OfficialProviders.CreateGrainStorage(OfficialProviders.Client(fixture), table);
        var grainId = GrainId.Create("test-grain", "early");
        var grainState = new GrainState<TestState1> { State = new TestState1() };

        await Assert.ThrowsAsync<ArgumentException>(() => storage.ReadStateAsync(StateName, grainId, grainState));
        await Assert.ThrowsAsync<ArgumentException>(() => storage.WriteStateAsync(StateName, grainId, grainState));
        await Assert.ThrowsAsync<ArgumentException>(() => storage.ClearStateAsync(StateName, grainId, grainState));

        Assert.False(await RawTables.ExistsAsync(fixture, table));
    }

    [Fact]
    public async Task An_existing_table_and_its_rows_are_kept_at_start_up()
    {
        var table = AzuriteFixture.NewTableName();
        var grainId = GrainId.Create("test-grain", "survivor");
        var first = await OfficialProviders.StartGrainStorageAsync(fixture, table);
        await first.WriteStateAsync(StateName, grainId, new GrainState<TestState1> { State = new TestState1 { A = "kept" } });

        var restarted = await OfficialProviders.StartGrainStorageAsync(fixture, table);

        Assert.Equal("kept", (await ReadAsync(restarted, grainId)).State!.A);
    }

    private static async Task<GrainState<TestState1>> ReadAsync(IGrainStorage storage, GrainId grainId)
    {
        var read = new GrainState<TestState1> { State = new TestState1() };
        await storage.ReadStateAsync(StateName, grainId, read);
        return read;
    }
}
