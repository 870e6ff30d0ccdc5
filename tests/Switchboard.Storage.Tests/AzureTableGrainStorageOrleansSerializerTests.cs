using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Storage;
using Switchboard.Storage.Tests.Azurite;
using Switchboard.Storage.Tests.Support;

namespace Switchboard.Storage.Tests;

/// <summary>
/// The provider with Orleans' own serializer in place of System.Text.Json, as hosts configure it for stream pub/sub
/// state (which holds grain and stream ids): same row layout, concurrency and limits.
/// </summary>
public sealed class AzureTableGrainStorageOrleansSerializerTests(AzuriteFixture fixture)
{
    private const string StateName = "pubsub";

    private static readonly Serializer OrleansSerializer = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();

    [Fact]
    public async Task Orleans_runtime_types_round_trip_and_are_stored_in_orleans_binary_form()
    {
        var table = AzuriteFixture.NewTableName();
        var storage = Create(table);
        var grainId = GrainId.Create("pubsubrendezvous", "switchboard-streams/agent/dev/a1");
        var state = new Dictionary<string, GrainId>
        {
            ["оператор"] = GrainId.Create("agent", "dev/a1"),
            ["queue"] = GrainId.Create("queue", "dev/support"),
        };

        var written = new GrainState<Dictionary<string, GrainId>> { State = state };
        await storage.WriteStateAsync(StateName, grainId, written);
        var read = await ReadAsync(storage, grainId);

        Assert.True(read.RecordExists);
        Assert.Equal(written.ETag, read.ETag);
        Assert.Equal(state, read.State);
        var row = Assert.Single(await TestStorage.AllRowsAsync(fixture, table));
        Assert.Equal(OrleansSerializer.SerializeToArray(state), row.GetBinary("Data0"));
    }

    [Fact]
    public async Task A_stale_etag_is_rejected_and_the_row_is_left_as_it_was()
    {
        var storage = Create(AzuriteFixture.NewTableName());
        var grainId = GrainId.Create("pubsubrendezvous", "stale");
        var first = new GrainState<Dictionary<string, GrainId>> { State = new() { ["a"] = GrainId.Create("agent", "1") } };
        await storage.WriteStateAsync(StateName, grainId, first);
        var staleETag = first.ETag;
        first.State["b"] = GrainId.Create("agent", "2");
        await storage.WriteStateAsync(StateName, grainId, first);

        var stale = new GrainState<Dictionary<string, GrainId>> { State = new() { ["c"] = GrainId.Create("agent", "3") }, ETag = staleETag };
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, grainId, stale));

        var read = await ReadAsync(storage, grainId);
        Assert.Equal(first.ETag, read.ETag);
        Assert.Equal(["a", "b"], read.State!.Keys.Order());
    }

    [Fact]
    public async Task The_size_limit_applies_to_the_binary_form()
    {
        var storage = Create(AzuriteFixture.NewTableName(), maxStateBytes: 1_000);
        var grainId = GrainId.Create("pubsubrendezvous", "big");
        var state = Enumerable.Range(0, 100).ToDictionary(i => $"subscriber-{i}", i => GrainId.Create("agent", $"dev/{i}"));
        var size = OrleansSerializer.SerializeToArray(state).Length;
        Assert.True(size > 1_000, $"the test state must exceed the limit ({size} bytes)");

        var exception = await Assert.ThrowsAsync<GrainStateTooLargeException>(
            () => storage.WriteStateAsync(StateName, grainId, new GrainState<Dictionary<string, GrainId>> { State = state }));

        Assert.Equal(size, exception.Size);
        Assert.False((await ReadAsync(storage, grainId)).RecordExists);
    }

    private AzureTableGrainStorage Create(string table, int? maxStateBytes = null) =>
        TestStorage.Create(fixture, table, configure: options =>
        {
            options.GrainStorageSerializer = new OrleansGrainStorageSerializer(OrleansSerializer);
            options.MaxStateBytes = maxStateBytes ?? options.MaxStateBytes;
        });

    private static async Task<GrainState<Dictionary<string, GrainId>>> ReadAsync(AzureTableGrainStorage storage, GrainId grainId)
    {
        var state = new GrainState<Dictionary<string, GrainId>>();
        await storage.ReadStateAsync(StateName, grainId, state);
        return state;
    }
}
