using Orleans.Runtime;
using Orleans.Storage;

namespace Switchboard.Storage.Tests.Conformance;

/// <summary>
/// The conformance suite plus the size limit of a provider that stores rows of bounded size: a state exactly at the
/// limit round-trips, one byte more is refused without writing anything, so the previous row survives.
/// </summary>
public abstract class SizeLimitedGrainStorageConformanceTests(Func<Task<IGrainStorage>> storageFactory) : GrainStorageConformanceTests(storageFactory)
{
    /// <summary>The largest serialized state the provider accepts, in bytes.</summary>
    protected abstract int MaxStateBytes { get; }

    /// <summary>The size of <paramref name="state"/> in the provider's serialized form.</summary>
    protected abstract int SerializedSize(TestState1 state);

    /// <summary>Checks the exception of a write over <see cref="MaxStateBytes"/> (it must not be an ETag conflict).</summary>
    protected virtual void AssertTooLarge(Exception exception, GrainId grainId, int size) =>
        Assert.IsNotAssignableFrom<InconsistentStateException>(exception);

    [Fact]
    public async Task State_exactly_at_the_size_limit_round_trips()
    {
        var grainId = NewGrainId();
        var state = StateOfSerializedSize(MaxStateBytes);

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

    [Fact]
    public async Task A_first_state_over_the_limit_writes_nothing()
    {
        var grainId = NewGrainId();
        var grainState = new GrainState<TestState1> { State = StateOfSerializedSize(MaxStateBytes + 1) };

        var exception = await Record.ExceptionAsync(() => Storage.WriteStateAsync(StateName, grainId, grainState));

        Assert.NotNull(exception);
        AssertTooLarge(exception, grainId, MaxStateBytes + 1);
        Assert.Null(grainState.ETag);
        Assert.False(grainState.RecordExists);
        Assert.False((await ReadAsync<TestState1>(grainId)).RecordExists);
    }

    /// <summary>A <see cref="TestState1"/> whose serialized form is exactly <paramref name="bytes"/> long.</summary>
    protected TestState1 StateOfSerializedSize(int bytes)
    {
        // Length prefixes grow with the string, so the padding converges in a few steps rather than one.
        var state = new TestState1 { A = string.Empty };
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var size = SerializedSize(state);
            if (size == bytes)
            {
                return state;
            }

            state = new TestState1 { A = new string('x', Math.Max(0, state.A!.Length + bytes - size)) };
        }

        throw new InvalidOperationException($"No state of exactly {bytes} serialized bytes was found.");
    }
}
