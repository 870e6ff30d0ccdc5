using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans;
using Orleans.Runtime;
using Orleans.Storage;
using Switchboard.Storage.Tests.Azurite;
using Switchboard.Storage.Tests.Conformance;
using Switchboard.Storage.Tests.Support;

namespace Switchboard.Storage.Tests;

/// <summary>What is specific to the Azure Table provider: row layout, key hashing, isolation, limits and table creation.</summary>
public sealed class AzureTableGrainStorageTests(AzuriteFixture fixture)
{
    private const string StateName = "state";

    [Fact]
    public async Task Services_sharing_one_table_are_isolated()
    {
        var table = AzuriteFixture.NewTableName();
        // "svc" is a prefix of the others, and a naive "service/grain" key would make some of them collide.
        var services = new[] { "svc", "svc2", "svc|test-grain", "svc/test-grain" }
            .Select(serviceId => (ServiceId: serviceId, Storage: TestStorage.Create(fixture, table, serviceId)))
            .ToArray();
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

        Assert.Equal(services.Length - 1, (await TestStorage.AllRowsAsync(fixture, table)).Count);
    }

    [Fact]
    public async Task A_row_holds_the_json_in_64_KiB_chunks_under_decodable_keys()
    {
        var table = AzuriteFixture.NewTableName();
        var storage = TestStorage.Create(fixture, table, "svc/1");
        var grainId = GrainId.Create("agent", "tenant/agent#7?");
        var state = new TestState1 { A = new string('\u0416', 100_000), B = 7 }; // 200,000 bytes of UTF-8: four chunks, the last partial
        await storage.WriteStateAsync("agent state", grainId, new GrainState<TestState1> { State = state });

        var row = Assert.Single(await TestStorage.AllRowsAsync(fixture, table));

        Assert.True(GrainStateKeys.TryDecodePartitionKey(row.PartitionKey, out var serviceId, out var decodedGrain));
        Assert.Equal("svc/1", serviceId);
        Assert.Equal(grainId, decodedGrain);
        Assert.Equal("agent state", TableKeyEncoder.Decode(row.RowKey));
        var json = JsonSerializer.SerializeToUtf8Bytes(state, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Assert.InRange(json.Length, 200_000, 200_100);
        Assert.Equal(json.Length, row.GetInt32("DataLength"));
        var chunks = new[] { "Data0", "Data1", "Data2", "Data3" }.Select(row.GetBinary).ToArray();
        Assert.All(chunks[..3], chunk => Assert.Equal(64 * 1024, chunk!.Length));
        Assert.Equal(json, chunks.SelectMany(chunk => chunk!).ToArray());
        Assert.Null(row.GetBinary("Data4"));
    }

    [Fact]
    public async Task Ids_too_long_for_a_key_are_stored_under_a_hash_with_the_full_key_alongside()
    {
        var table = AzuriteFixture.NewTableName();
        var storage = TestStorage.Create(fixture, table);
        var grainId = GrainId.Create("test-grain", new string('/', 2000));
        var stateName = new string('#', 300);
        await storage.WriteStateAsync(stateName, grainId, new GrainState<TestState1> { State = new TestState1 { A = "long" } });

        var row = Assert.Single(await TestStorage.AllRowsAsync(fixture, table));

        Assert.StartsWith(TableKeyEncoder.HashedKeyPrefix, row.PartitionKey, StringComparison.Ordinal);
        Assert.StartsWith(TableKeyEncoder.HashedKeyPrefix, row.RowKey, StringComparison.Ordinal);
        Assert.True(TableKeyEncoder.IsLegalKey(row.PartitionKey));
        Assert.True(TableKeyEncoder.IsLegalKey(row.RowKey));
        Assert.Equal(GrainStateKeys.EncodePartitionKey("svc", grainId), row.GetString("FullPartitionKey"));
        Assert.Equal(TableKeyEncoder.Encode(stateName), row.GetString("FullRowKey"));
        Assert.Equal("long", (await ReadAsync(storage, grainId, stateName)).State!.A);
    }

    [Fact]
    public async Task A_hashed_row_whose_full_key_does_not_match_is_refused_on_read()
    {
        var table = AzuriteFixture.NewTableName();
        var storage = TestStorage.Create(fixture, table);
        var grainId = GrainId.Create("test-grain", new string('k', 1000));
        await storage.WriteStateAsync(StateName, grainId, new GrainState<TestState1> { State = new TestState1 { A = "mine" } });
        var row = Assert.Single(await TestStorage.AllRowsAsync(fixture, table));
        // Stands in for a SHA-256 collision: the row at our hashed key claims to be another grain's.
        await TestStorage.RawTable(fixture, table).UpdateEntityAsync(new TableEntity(row.PartitionKey, row.RowKey) { ["FullPartitionKey"] = "someone|else|entirely" }, ETag.All, TableUpdateMode.Merge);

        var exception = await Assert.ThrowsAsync<OrleansException>(() => ReadAsync(storage, grainId));

        Assert.Contains("hash collision", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Configured_serializer_options_are_used()
    {
        var table = AzuriteFixture.NewTableName();
        var storage = TestStorage.Create(fixture, table, configure: options => options.Serializer = new JsonSerializerOptions { Converters = { new JsonStringEnumConverter() } });
        var grainId = GrainId.Create("test-grain", "enum");
        await storage.WriteStateAsync(StateName, grainId, new GrainState<RichState> { State = new RichState { Mood = Mood.Away } });

        var row = Assert.Single(await TestStorage.AllRowsAsync(fixture, table));
        var read = new GrainState<RichState>();
        await storage.ReadStateAsync(StateName, grainId, read);

        Assert.Contains("\"Mood\":\"Away\"", Encoding.UTF8.GetString(row.GetBinary("Data0")!), StringComparison.Ordinal);
        Assert.Equal(Mood.Away, read.State!.Mood);
    }

    [Fact]
    public async Task A_state_within_the_limit_whose_entity_would_exceed_1_MiB_is_rejected_before_sending()
    {
        var table = AzuriteFixture.NewTableName();
        var storage = TestStorage.Create(fixture, table, configure: options => options.MaxStateBytes = AzureTableGrainStorageOptions.MaxEntityBytes);
        var grainId = GrainId.Create("test-grain", "big");
        var grainState = new GrainState<TestState1> { State = new TestState1 { A = new string('x', AzureTableGrainStorageOptions.MaxEntityBytes - 100) } };
        await storage.EnsureTableAsync();

        var exception = await Assert.ThrowsAsync<GrainStateTooLargeException>(() => storage.WriteStateAsync(StateName, grainId, grainState));

        Assert.Equal(AzureTableGrainStorageOptions.MaxEntityBytes, exception.Limit);
        Assert.Contains("table entity", exception.Message, StringComparison.Ordinal);
        Assert.Null(grainState.ETag);
        Assert.Empty(await TestStorage.AllRowsAsync(fixture, table));
    }

    [Fact]
    public async Task A_damaged_row_fails_the_read_instead_of_resetting_the_state()
    {
        var table = AzuriteFixture.NewTableName();
        var storage = TestStorage.Create(fixture, table);
        var grainId = GrainId.Create("test-grain", "damaged");
        await storage.WriteStateAsync(StateName, grainId, new GrainState<TestState1> { State = new TestState1 { A = "x" } });
        var row = Assert.Single(await TestStorage.AllRowsAsync(fixture, table));
        await TestStorage.RawTable(fixture, table).UpdateEntityAsync(new TableEntity(row.PartitionKey, row.RowKey) { ["DataLength"] = 70_000 }, ETag.All, TableUpdateMode.Merge);

        var exception = await Assert.ThrowsAsync<OrleansException>(() => ReadAsync(storage, grainId));

        Assert.Contains("damaged", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_row_of_unreadable_json_fails_the_read_naming_the_grain()
    {
        var table = AzuriteFixture.NewTableName();
        var storage = TestStorage.Create(fixture, table);
        var grainId = GrainId.Create("test-grain", "not-json");
        await storage.WriteStateAsync(StateName, grainId, new GrainState<TestState1> { State = new TestState1 { A = "x" } });
        var row = Assert.Single(await TestStorage.AllRowsAsync(fixture, table));
        await TestStorage.RawTable(fixture, table).UpdateEntityAsync(new TableEntity(row.PartitionKey, row.RowKey) { ["DataLength"] = 3, ["Data0"] = "{x}"u8.ToArray() }, ETag.All, TableUpdateMode.Merge);

        var exception = await Assert.ThrowsAsync<OrleansException>(() => ReadAsync(storage, grainId));

        Assert.Contains(grainId.ToString(), exception.Message, StringComparison.Ordinal);
        Assert.IsType<JsonException>(exception.InnerException, exactMatch: false);
    }

    [Fact]
    public async Task The_table_is_created_in_the_application_services_stage_of_the_silo_lifecycle()
    {
        var table = AzuriteFixture.NewTableName();
        var storage = TestStorage.Create(fixture, table);
        var lifecycle = new SiloLifecycleSubject(NullLogger<SiloLifecycleSubject>.Instance);
        storage.Participate(lifecycle);
        Assert.False(await TestStorage.TableExistsAsync(fixture, table));

        await lifecycle.OnStart();

        Assert.Equal(ServiceLifecycleStage.ApplicationServices, lifecycle.HighestCompletedStage);
        Assert.True(await TestStorage.TableExistsAsync(fixture, table));
    }

    [Fact]
    public async Task Without_a_lifecycle_the_table_is_created_once_by_the_first_operations()
    {
        var table = AzuriteFixture.NewTableName();
        var storage = TestStorage.Create(fixture, table);

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            storage.WriteStateAsync(StateName, GrainId.Create("test-grain", i.ToString(System.Globalization.CultureInfo.InvariantCulture)), new GrainState<TestState1> { State = new TestState1 { B = i } })));

        Assert.Equal(20, (await TestStorage.AllRowsAsync(fixture, table)).Count);
    }

    [Fact]
    public async Task An_existing_table_and_its_rows_are_kept_at_start_up()
    {
        var table = AzuriteFixture.NewTableName();
        var grainId = GrainId.Create("test-grain", "survivor");
        await TestStorage.Create(fixture, table).WriteStateAsync(StateName, grainId, new GrainState<TestState1> { State = new TestState1 { A = "kept" } });

        var restarted = TestStorage.Create(fixture, table);
        var lifecycle = new SiloLifecycleSubject(NullLogger<SiloLifecycleSubject>.Instance);
        restarted.Participate(lifecycle);
        await lifecycle.OnStart();

        Assert.Equal("kept", (await ReadAsync(restarted, grainId)).State!.A);
    }

    private static async Task<GrainState<TestState1>> ReadAsync(IGrainStorage storage, GrainId grainId, string stateName = StateName)
    {
        var read = new GrainState<TestState1> { State = new TestState1() };
        await storage.ReadStateAsync(stateName, grainId, read);
        return read;
    }
}
