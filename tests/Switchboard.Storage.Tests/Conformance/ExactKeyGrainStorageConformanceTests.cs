using Orleans.Runtime;
using Orleans.Storage;

namespace Switchboard.Storage.Tests.Conformance;

/// <summary>
/// The conformance suite plus what a provider that keys rows by the exact grain id and state name guarantees: any
/// string is a key, and two different keys never share a row. Orleans' Azure Table provider does not (its tests show
/// how it differs); Switchboard's own keys never need more than the base suite.
/// </summary>
public abstract class ExactKeyGrainStorageConformanceTests(Func<Task<IGrainStorage>> storageFactory) : GrainStorageConformanceTests(storageFactory)
{
    [Theory]
    [MemberData(nameof(OddIds.BeyondTableKeyIndexes), MemberType = typeof(OddIds))]
    public async Task WriteRead_grain_key_beyond_a_table_key(int index)
    {
        var grainId = GrainId.Create("test-grain", OddIds.BeyondTableKeys[index]);
        var written = await WriteNewAsync(grainId, new TestState1 { B = index });

        var read = await ReadAsync<TestState1>(grainId);

        Assert.Equal(written.ETag, read.ETag);
        Assert.Equal(written.State, read.State);
    }

    [Theory]
    [MemberData(nameof(OddIds.BeyondTableKeyIndexes), MemberType = typeof(OddIds))]
    public async Task WriteRead_state_name_beyond_a_table_key(int index)
    {
        var grainId = NewGrainId();
        var written = await WriteNewAsync(grainId, new TestState1 { B = index }, OddIds.BeyondTableKeys[index]);

        var read = await ReadAsync<TestState1>(grainId, OddIds.BeyondTableKeys[index]);

        Assert.Equal(written.ETag, read.ETag);
        Assert.Equal(written.State, read.State);
        Assert.False((await ReadAsync<TestState1>(grainId, StateName)).RecordExists);
    }

    [Fact]
    public async Task Keys_that_differ_only_in_odd_characters_never_share_a_row()
    {
        var suffix = Guid.NewGuid().ToString("N");
        var grainIds = OddIds.Values.Concat(OddIds.BeyondTableKeys).Select(v => GrainId.Create("test-grain", v + suffix)).ToArray();
        for (var i = 0; i < grainIds.Length; i++)
        {
            await WriteNewAsync(grainIds[i], new TestState1 { B = i });
        }

        for (var i = 0; i < grainIds.Length; i++)
        {
            Assert.Equal(i, (await ReadValueAsync<TestState1>(grainIds[i])).B);
        }
    }

    [Fact]
    public async Task State_names_that_differ_only_in_odd_characters_never_share_a_row()
    {
        var grainId = NewGrainId();
        var names = OddIds.Values.Concat(OddIds.BeyondTableKeys).ToArray();
        for (var i = 0; i < names.Length; i++)
        {
            await WriteNewAsync(grainId, new TestState1 { B = i }, names[i]);
        }

        for (var i = 0; i < names.Length; i++)
        {
            Assert.Equal(i, (await ReadValueAsync<TestState1>(grainId, names[i])).B);
        }
    }

    [Fact]
    public async Task Grain_type_and_key_split_differently_are_different_grains()
    {
        var key = Guid.NewGuid().ToString("N");
        var first = GrainId.Create("a/b", key + "/c");
        var second = GrainId.Create("a", "b/" + key + "/c");
        await WriteNewAsync(first, new TestState1 { A = "first" });
        await WriteNewAsync(second, new TestState1 { A = "second" });

        Assert.Equal("first", (await ReadValueAsync<TestState1>(first)).A);
        Assert.Equal("second", (await ReadValueAsync<TestState1>(second)).A);
    }
}
