using Azure;
using Orleans.Runtime;
using Orleans.Storage;
using Switchboard.Storage.Tests.Azurite;
using Switchboard.Storage.Tests.Conformance;
using Switchboard.Storage.Tests.Support;

namespace Switchboard.Storage.Tests;

/// <summary>
/// The grain storage conformance suite against Orleans' <see cref="AzureTableGrainStorage"/> on Azurite, configured as
/// Switchboard configures it, and the cases where it falls short of an exact-key store, asserted as they are.
/// </summary>
/// <remarks>
/// The provider keys a state by <c>{serviceId}_{grainId}</c> (PartitionKey) and the state name (RowKey), with
/// <c>/ \ # ?</c> replaced by <c>_</c>. So keys that differ only there share a row, and keys the table cannot hold fail.
/// Switchboard's own keys never do either (<c>OfficialKeyFormatTests</c>).
/// </remarks>
public sealed class AzureTableGrainStorageConformanceTests(AzuriteFixture fixture)
    : SizeLimitedGrainStorageConformanceTests(async () => await OfficialProviders.StartGrainStorageAsync(fixture))
{
    /// <summary>Fifteen 64 KiB properties: the provider's own limit, below the table's 1 MiB entity.</summary>
    protected override int MaxStateBytes => 15 * 64 * 1024;

    protected override int SerializedSize(TestState1 state) => OfficialProviders.GrainStorageSerializer.Serialize(state).ToMemory().Length;

    /// <summary>
    /// The provider refuses the state before sending anything, with an <see cref="ArgumentOutOfRangeException"/> and
    /// nothing more specific. Switchboard relies only on the write failing and the stored state staying as it was.
    /// </summary>
    protected override void AssertTooLarge(Exception exception, GrainId grainId, int size)
    {
        var tooLarge = Assert.IsType<ArgumentOutOfRangeException>(exception);
        Assert.Equal(size, tooLarge.ActualValue);
        Assert.Contains($"MaxSize={MaxStateBytes}", tooLarge.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Grain_keys_that_differ_only_in_slash_backslash_hash_or_question_mark_share_one_row()
    {
        // Workaround: Switchboard's key formats never yield two keys that differ only there.
        var suffix = Guid.NewGuid().ToString("N");
        var first = GrainId.Create("test-grain", "a/b\\c#d?e" + suffix);
        var second = GrainId.Create("test-grain", "a_b_c_d_e" + suffix);
        var written = await WriteNewAsync(first, new TestState1 { A = "first" });

        await Assert.ThrowsAsync<TableStorageUpdateConditionNotSatisfiedException>(() => WriteNewAsync(second, new TestState1 { A = "second" }));

        var read = await ReadAsync<TestState1>(second);
        Assert.True(read.RecordExists);
        Assert.Equal("first", read.State!.A);
        Assert.Equal(written.ETag, read.ETag);
    }

    [Fact]
    public async Task State_names_that_differ_only_in_slash_backslash_hash_or_question_mark_share_one_row()
    {
        // Workaround: each Switchboard grain class has a plain state name of its own.
        var grainId = NewGrainId();
        await WriteNewAsync(grainId, new TestState1 { A = "first" }, "a/b\\c#d?e");

        await Assert.ThrowsAsync<TableStorageUpdateConditionNotSatisfiedException>(() => WriteNewAsync(grainId, new TestState1 { A = "second" }, "a_b_c_d_e"));

        Assert.Equal("first", (await ReadValueAsync<TestState1>(grainId, "a_b_c_d_e")).A);
    }

    [Fact]
    public async Task A_grain_type_and_key_split_differently_share_one_row()
    {
        // The row holds "type/key", so the split is lost. Workaround: Switchboard's grain types are the names Orleans
        // gives its grain classes, which never contain '/', so the first '/' always ends the type.
        var key = Guid.NewGuid().ToString("N");
        var first = GrainId.Create("a/b", key + "/c");
        var second = GrainId.Create("a", "b/" + key + "/c");
        await WriteNewAsync(first, new TestState1 { A = "first" });

        await Assert.ThrowsAsync<TableStorageUpdateConditionNotSatisfiedException>(() => WriteNewAsync(second, new TestState1 { A = "second" }));

        Assert.Equal("first", (await ReadValueAsync<TestState1>(second)).A);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task Keys_with_control_characters_are_refused_by_the_table(int index)
    {
        // Azure Tables forbid U+0000-U+001F and U+007F-U+009F in keys. Workaround: Switchboard's ids are letters,
        // digits, '.', '_' and '-' only.
        var value = OddIds.BeyondTableKeys[index];
        Assert.True(value.All(char.IsControl));

        var byKey = await Assert.ThrowsAsync<RequestFailedException>(() => WriteNewAsync(GrainId.Create("test-grain", value), new TestState1()));
        var byName = await Assert.ThrowsAsync<RequestFailedException>(() => WriteNewAsync(NewGrainId(), new TestState1(), value));

        Assert.Equal(400, byKey.Status);
        Assert.Equal(400, byName.Status);
    }

    [Fact]
    public async Task Keys_over_512_characters_are_refused_by_the_table_and_over_1023_by_the_provider()
    {
        // Azurite holds keys of up to 1 KiB of UTF-16; the provider checks only for 1,024 characters. Workaround:
        // Switchboard's keys are bounded far below either (ids of at most 64 characters).
        var fits = GrainId.Create("test-grain", new string('k', 512 - "svc_test-grain/".Length));
        var tooLongForTheTable = GrainId.Create("test-grain", new string('k', 513 - "svc_test-grain/".Length));
        var tooLongForTheProvider = GrainId.Create("test-grain", new string('k', 1024));

        await WriteNewAsync(fits, new TestState1 { A = "fits" });
        var table = await Assert.ThrowsAsync<RequestFailedException>(() => WriteNewAsync(tooLongForTheTable, new TestState1()));
        var provider = await Assert.ThrowsAsync<ArgumentException>(() => WriteNewAsync(tooLongForTheProvider, new TestState1()));
        var name = await Assert.ThrowsAsync<RequestFailedException>(() => WriteNewAsync(NewGrainId(), new TestState1(), new string('s', 513)));

        Assert.Equal("fits", (await ReadValueAsync<TestState1>(fits)).A);
        Assert.Equal(400, table.Status);
        Assert.Contains("too long to be an Azure table key", provider.Message, StringComparison.Ordinal);
        Assert.Equal(400, name.Status);
    }
}
