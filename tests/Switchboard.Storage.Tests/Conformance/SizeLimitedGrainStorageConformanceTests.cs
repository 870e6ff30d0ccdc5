using System.Text.Json;
using Orleans.Runtime;
using Orleans.Storage;

namespace Switchboard.Storage.Tests.Conformance;

/// <summary>
/// The conformance suite plus the size limit of a provider that stores rows of bounded size: a state exactly at the
/// limit round-trips, one byte more is refused without touching the row. The states assume the provider serializes with
/// System.Text.Json (they are plain ASCII, so the encoder does not matter).
/// </summary>
public abstract class SizeLimitedGrainStorageConformanceTests(Func<IGrainStorage> storageFactory) : GrainStorageConformanceTests(storageFactory)
{
    /// <summary>The largest serialized state the provider accepts, in bytes.</summary>
    protected abstract int MaxStateBytes { get; }

    /// <summary>Checks the exception of a write over <see cref="MaxStateBytes"/> (it must not be an ETag conflict).</summary>
    protected virtual void AssertTooLarge(Exception exception, GrainId grainId, int size) =>
        Assert.IsNotAssignableFrom<InconsistentStateException>(exception);

    [Fact]
    public async Task State_exactly_at_the_size_limit_round_trips()
    {
        var grainId = NewGrainId();
        var state = StateOfSerializedSize(MaxStateBytes);
        Assert.Equal(MaxStateBytes, JsonSerializer.SerializeToUtf8Bytes(state).Length);

        var written = await WriteNewAsync(grainId, state);
        var read = await ReadAsync<TestState1>(grainId);

        Assert.Equal(written.ETag, read.ETag);
        Assert.Equal(state, read.State);
    }

    [Fact]
    public async Task State_one_byte_over_the_limit_is_rejected_and_the_row_kept()
    {
        var grainId = NewGrainId();
        var grainState = await WriteNewAsync(grainId, new TestState1 { A = "small" });
        var eTag = grainState.ETag;

        grainState.State = StateOfSerializedSize(MaxStateBytes + 1);
        var exception = await Record.ExceptionAsync(() => Storage.WriteStateAsync(StateName, grainId, grainState));

        Assert.NotNull(exception);
        AssertTooLarge(exception, grainId, MaxStateBytes + 1);
        Assert.Equal(eTag, grainState.ETag);
        var read = await ReadAsync<TestState1>(grainId);
        Assert.Equal(new TestState1 { A = "small" }, read.State);
        Assert.Equal(eTag, read.ETag);
    }

    /// <summary>A <see cref="TestState1"/> whose default System.Text.Json form is exactly <paramref name="bytes"/> long.</summary>
    protected static TestState1 StateOfSerializedSize(int bytes)
    {
        var overhead = JsonSerializer.SerializeToUtf8Bytes(new TestState1 { A = string.Empty }).Length;
        return new TestState1 { A = new string('x', bytes - overhead) };
    }
}
