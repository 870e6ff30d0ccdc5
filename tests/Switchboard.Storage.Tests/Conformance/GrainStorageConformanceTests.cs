using Orleans;
using Orleans.Runtime;
using Orleans.Storage;

namespace Switchboard.Storage.Tests.Conformance;

/// <summary>
/// The contract every Switchboard grain storage provider must meet: the cases Orleans runs against its own providers
/// (Orleans.Persistence.TestKit's <c>GrainStorageTestRunner</c>, the older <c>CommonStorageTests</c> and the Cyrillic and odd-id
/// data sets), plus the "row untouched" checks Orleans leaves implicit. A provider's test class
/// derives from this with a factory; every [Fact] here runs against it.
/// </summary>
/// <remarks>
/// Clear may leave the ETag null (row deleted) or set a new one (tombstone); both are accepted, as in Orleans's suite.
/// A provider with a size limit runs <see cref="SizeLimitedGrainStorageConformanceTests"/> as well; one that keeps any
/// key apart from any other runs <see cref="ExactKeyGrainStorageConformanceTests"/>.
/// </remarks>
public abstract class GrainStorageConformanceTests : IAsyncLifetime
{
    protected const string StateName = "state";

    private readonly Func<Task<IGrainStorage>> storageFactory;
    private IGrainStorage? storage;

    /// <param name="storageFactory">Makes a started provider; each test gets its own.</param>
    protected GrainStorageConformanceTests(Func<Task<IGrainStorage>> storageFactory)
    {
        ArgumentNullException.ThrowIfNull(storageFactory);
        this.storageFactory = storageFactory;
    }

    /// <summary>The provider under test.</summary>
    protected IGrainStorage Storage => storage ?? throw new InvalidOperationException("Not initialized.");

    public virtual async ValueTask InitializeAsync() => storage = await storageFactory();

    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    protected static GrainId NewGrainId(string type = "test-grain") => GrainId.Create(type, Guid.NewGuid().ToString("N"));

    protected async Task<GrainState<T>> ReadAsync<T>(GrainId grainId, string stateName = StateName)
        where T : new()
    {
        var read = new GrainState<T> { State = new T() };
        await Storage.ReadStateAsync(stateName, grainId, read);
        return read;
    }

    protected async Task<T> ReadValueAsync<T>(GrainId grainId, string stateName = StateName)
        where T : new()
    {
        var read = await ReadAsync<T>(grainId, stateName);
        Assert.NotNull(read.State);
        return read.State;
    }

    protected async Task<GrainState<TestState1>> WriteNewAsync(GrainId grainId, TestState1 state, string stateName = StateName)
    {
        var grainState = new GrainState<TestState1> { State = state };
        await Storage.WriteStateAsync(stateName, grainId, grainState);
        return grainState;
    }

    [Theory]
    [MemberData(nameof(OddIds.Indexes), MemberType = typeof(OddIds))]
    public async Task WriteRead_odd_grain_key(int index)
    {
        var grainId = GrainId.Create("test-grain", OddIds.Values[index]);
        var written = await WriteNewAsync(grainId, new TestState1 { A = OddIds.Values[index], B = index, C = long.MaxValue });

        var read = await ReadAsync<TestState1>(grainId);

        Assert.True(read.RecordExists);
        Assert.Equal(written.ETag, read.ETag);
        Assert.Equal(written.State, read.State);
    }

    [Theory]
    [MemberData(nameof(OddIds.Indexes), MemberType = typeof(OddIds))]
    public async Task WriteRead_odd_state_name(int index)
    {
        var grainId = NewGrainId();
        var written = await WriteNewAsync(grainId, new TestState1 { A = "by state name", B = index }, OddIds.Values[index]);

        var read = await ReadAsync<TestState1>(grainId, OddIds.Values[index]);

        Assert.True(read.RecordExists);
        Assert.Equal(written.ETag, read.ETag);
        Assert.Equal(written.State, read.State);
        Assert.False((await ReadAsync<TestState1>(grainId, StateName)).RecordExists);
    }

    [Fact]
    public async Task WriteRead_Cyrillic_state_value()
    {
        const string Cyrillic = "\u041f\u0440\u0438\u0432\u0435\u0442, \u043c\u0438\u0440";
        var grainId = NewGrainId();
        var written = await WriteNewAsync(grainId, new TestState1 { A = Cyrillic });

        var read = await ReadAsync<TestState1>(grainId);

        Assert.Equal(written.ETag, read.ETag);
        Assert.Equal(Cyrillic, read.State!.A);
    }

    [Fact]
    public async Task WriteRead_integer_and_guid_keys()
    {
        var integerId = GrainId.Create(GrainType.Create("test-grain"), GrainIdKeyExtensions.CreateIntegerKey(Random.Shared.NextInt64()));
        var guidId = GrainId.Create(GrainType.Create("test-grain"), GrainIdKeyExtensions.CreateGuidKey(Guid.NewGuid()));
        await WriteNewAsync(integerId, new TestState1 { A = "integer" });
        await WriteNewAsync(guidId, new TestState1 { A = "guid" });

        Assert.Equal("integer", (await ReadValueAsync<TestState1>(integerId)).A);
        Assert.Equal("guid", (await ReadValueAsync<TestState1>(guidId)).A);
    }

    [Fact]
    public async Task WriteRead_rich_class_state()
    {
        var grainId = NewGrainId();
        var state = new RichState
        {
            Id = Guid.NewGuid(),
            Tags = ["a", "\u0416", ""],
            Counters = new Dictionary<string, int> { ["x"] = 1, ["/y#?"] = -2 },
            Mood = Mood.Away,
            ChangedAt = new DateTimeOffset(2031, 2, 3, 4, 5, 6, 789, TimeSpan.FromHours(-5)),
            Maybe = 42,
            Nothing = null,
            Amount = 12345.6789m,
            Child = new RichChild { Name = "child", Numbers = [1, 2, 3] },
            Children = new Dictionary<string, RichChild> { ["k"] = new RichChild { Name = "kid", Numbers = [] } },
        };
        var grainState = new GrainState<RichState> { State = state };
        await Storage.WriteStateAsync(StateName, grainId, grainState);

        var read = await ReadValueAsync<RichState>(grainId);

        Assert.Equal(state.Id, read.Id);
        Assert.Equal(state.Tags, read.Tags);
        Assert.Equal(state.Counters, read.Counters);
        Assert.Equal(Mood.Away, read.Mood);
        Assert.Equal(state.ChangedAt, read.ChangedAt);
        Assert.Equal(state.ChangedAt.Offset, read.ChangedAt.Offset);
        Assert.Equal(42, read.Maybe);
        Assert.Null(read.Nothing);
        Assert.Equal(state.Amount, read.Amount);
        Assert.Equal("child", read.Child?.Name);
        Assert.Equal([1, 2, 3], read.Child?.Numbers);
        Assert.Equal("kid", read.Children["k"].Name);
    }

    [Fact]
    public async Task WriteRead_record_with_primary_constructor()
    {
        var grainId = NewGrainId();
        var at = DateTimeOffset.UtcNow;
        var grainState = new GrainState<PositionalState> { State = new PositionalState("name", 3, Mood.Busy, at, ["x", "y"]) };
        await Storage.WriteStateAsync(StateName, grainId, grainState);

        var read = new GrainState<PositionalState>();
        await Storage.ReadStateAsync(StateName, grainId, read);

        Assert.True(read.RecordExists);
        Assert.Equal(("name", 3, Mood.Busy, at), (read.State!.Name, read.State.Count, read.State.Mood, read.State.At));
        Assert.Equal(["x", "y"], read.State.Items);
    }

    [Fact]
    public async Task ReadNonExistentState_gives_a_fresh_state_no_ETag_and_no_record()
    {
        var grainState = new GrainState<TestState1> { State = new TestState1 { A = "stale", B = 1, C = 2 }, ETag = "stale", RecordExists = true };

        await Storage.ReadStateAsync(StateName, NewGrainId(), grainState);

        Assert.False(grainState.RecordExists);
        Assert.Null(grainState.ETag);
        Assert.NotNull(grainState.State);
        Assert.Equal(new TestState1(), grainState.State);
    }

    [Fact]
    public async Task ReadNonExistentState_of_a_record_without_parameterless_constructor_is_not_null()
    {
        var grainState = new GrainState<PositionalState>();

        await Storage.ReadStateAsync(StateName, NewGrainId(), grainState);

        Assert.False(grainState.RecordExists);
        Assert.Null(grainState.ETag);
        Assert.NotNull(grainState.State);
    }

    [Fact]
    public async Task WriteClearWrite()
    {
        var grainId = NewGrainId();
        var grainState = await WriteNewAsync(grainId, new TestState1 { A = "First", B = 1 });
        var firstETag = grainState.ETag;
        Assert.NotNull(firstETag);
        Assert.True(grainState.RecordExists);

        await Storage.ClearStateAsync(StateName, grainId, grainState);
        var clearedETag = grainState.ETag;
        Assert.NotEqual(firstETag, clearedETag);
        Assert.False(grainState.RecordExists);

        grainState.State = new TestState1 { A = "Second", B = 2 };
        await Storage.WriteStateAsync(StateName, grainId, grainState);
        Assert.NotEqual(clearedETag, grainState.ETag);
        Assert.True(grainState.RecordExists);

        var read = await ReadAsync<TestState1>(grainId);
        Assert.Equal(new TestState1 { A = "Second", B = 2 }, read.State);
        Assert.Equal(grainState.ETag, read.ETag);
    }

    [Fact]
    public async Task WriteClearRead()
    {
        var grainId = NewGrainId();
        var grainState = await WriteNewAsync(grainId, new TestState1 { A = "Original", B = 42, C = 100 });
        var writtenETag = grainState.ETag;

        await Storage.ClearStateAsync(StateName, grainId, grainState);
        Assert.NotEqual(writtenETag, grainState.ETag);
        Assert.False(grainState.RecordExists);
        Assert.Equal(new TestState1(), grainState.State);

        var afterClear = await ReadAsync<TestState1>(grainId);
        Assert.False(afterClear.RecordExists);
        Assert.Equal(new TestState1(), afterClear.State);

        // A write with whatever ETag the clear left behind succeeds and stores the fresh state.
        var fresh = new GrainState<TestState1> { State = new TestState1(), ETag = grainState.ETag };
        await Storage.WriteStateAsync(StateName, grainId, fresh);
        Assert.True(fresh.RecordExists);
        var read = await ReadAsync<TestState1>(grainId);
        Assert.True(read.RecordExists);
        Assert.Equal(new TestState1(), read.State);
    }

    [Fact]
    public async Task ClearBeforeWrite_succeeds_and_resets_the_state()
    {
        var grainState = new GrainState<TestState1> { State = new TestState1 { A = "stale", B = 1, C = 2 }, RecordExists = true };

        await Storage.ClearStateAsync(StateName, NewGrainId(), grainState);

        Assert.False(grainState.RecordExists);
        Assert.Equal(new TestState1(), grainState.State);
    }

    [Fact]
    public async Task ClearUpdatesETag()
    {
        var grainId = NewGrainId();
        var grainState = await WriteNewAsync(grainId, new TestState1 { A = "TestData" });
        var writeETag = grainState.ETag;
        Assert.NotNull(writeETag);

        await Storage.ClearStateAsync(StateName, grainId, grainState);

        Assert.NotEqual(writeETag, grainState.ETag);
        Assert.False(grainState.RecordExists);
        Assert.NotNull(grainState.State);
    }

    [Fact]
    public async Task MultipleClearOperations_are_idempotent()
    {
        var grainId = NewGrainId();
        var grainState = await WriteNewAsync(grainId, new TestState1 { A = "TestData" });

        await Storage.ClearStateAsync(StateName, grainId, grainState);
        Assert.False(grainState.RecordExists);
        await Storage.ClearStateAsync(StateName, grainId, grainState);
        Assert.False(grainState.RecordExists);
        Assert.NotNull(grainState.State);
        await Storage.ClearStateAsync(StateName, grainId, grainState);

        Assert.False((await ReadAsync<TestState1>(grainId)).RecordExists);
    }

    [Fact]
    public async Task WriteReadClearReadCycle()
    {
        var grainId = NewGrainId();
        var grainState = await WriteNewAsync(grainId, new TestState1 { A = "InitialValue", B = 99 });

        var first = await ReadAsync<TestState1>(grainId);
        Assert.True(first.RecordExists);
        Assert.Equal(grainState.ETag, first.ETag);
        Assert.Equal(grainState.State, first.State);

        await Storage.ClearStateAsync(StateName, grainId, grainState);
        var second = await ReadAsync<TestState1>(grainId);
        Assert.False(second.RecordExists);
        Assert.NotNull(second.State);
        Assert.Equal(grainState.ETag, second.ETag);
    }

    [Fact]
    public async Task WriteDuplicate_without_ETag_fails_with_InconsistentStateException_and_keeps_the_row()
    {
        var grainId = NewGrainId();
        var first = await WriteNewAsync(grainId, new TestState1 { A = "first activation" });

        // A second activation that never read the row believes there is none.
        var duplicate = new GrainState<TestState1> { State = new TestState1 { A = "second activation" } };
        await Assert.ThrowsAnyAsync<InconsistentStateException>(() => Storage.WriteStateAsync(StateName, grainId, duplicate));

        Assert.Null(duplicate.ETag);
        Assert.False(duplicate.RecordExists);
        var read = await ReadAsync<TestState1>(grainId);
        Assert.Equal(first.State, read.State);
        Assert.Equal(first.ETag, read.ETag);
    }

    [Fact]
    public async Task WriteInconsistent_with_stale_ETag_fails_and_keeps_the_latest_row()
    {
        var grainId = NewGrainId();
        var grainState = await WriteNewAsync(grainId, new TestState1 { A = "initial", B = 1, C = 2 });
        var staleETag = grainState.ETag;
        grainState.State = new TestState1 { A = "latest", B = 3, C = 4 };
        await Storage.WriteStateAsync(StateName, grainId, grainState);

        var stale = new GrainState<TestState1> { State = new TestState1 { A = "stale", B = 5, C = 6 }, ETag = staleETag, RecordExists = true };
        await Assert.ThrowsAnyAsync<InconsistentStateException>(() => Storage.WriteStateAsync(StateName, grainId, stale));

        Assert.Equal(staleETag, stale.ETag);
        var read = await ReadAsync<TestState1>(grainId);
        Assert.True(read.RecordExists);
        Assert.Equal(grainState.State, read.State);
        Assert.Equal(grainState.ETag, read.ETag);
    }

    [Fact]
    public async Task Write_with_ETag_of_a_row_cleared_elsewhere_fails_and_does_not_recreate_it()
    {
        var grainId = NewGrainId();
        var grainState = await WriteNewAsync(grainId, new TestState1 { A = "written" });
        var other = await ReadAsync<TestState1>(grainId);
        await Storage.ClearStateAsync(StateName, grainId, other);

        grainState.State = new TestState1 { A = "resurrected" };
        await Assert.ThrowsAnyAsync<InconsistentStateException>(() => Storage.WriteStateAsync(StateName, grainId, grainState));

        Assert.False((await ReadAsync<TestState1>(grainId)).RecordExists);
    }

    [Fact]
    public async Task ClearInconsistent_with_stale_ETag_fails_and_keeps_the_latest_row()
    {
        var grainId = NewGrainId();
        var grainState = await WriteNewAsync(grainId, new TestState1 { A = "initial", B = 1, C = 2 });
        var staleETag = grainState.ETag;
        grainState.State = new TestState1 { A = "latest", B = 3, C = 4 };
        await Storage.WriteStateAsync(StateName, grainId, grainState);

        var stale = new GrainState<TestState1> { State = new TestState1 { A = "stale" }, ETag = staleETag, RecordExists = true };
        await Assert.ThrowsAnyAsync<InconsistentStateException>(() => Storage.ClearStateAsync(StateName, grainId, stale));

        Assert.Equal(staleETag, stale.ETag);
        Assert.Equal("stale", stale.State.A);
        var read = await ReadAsync<TestState1>(grainId);
        Assert.True(read.RecordExists);
        Assert.Equal(grainState.State, read.State);
        Assert.Equal(grainState.ETag, read.ETag);
    }

    [Fact]
    public async Task Clear_with_ETag_of_a_row_cleared_elsewhere_fails()
    {
        var grainId = NewGrainId();
        var grainState = await WriteNewAsync(grainId, new TestState1 { A = "written" });
        var other = await ReadAsync<TestState1>(grainId);
        await Storage.ClearStateAsync(StateName, grainId, other);

        await Assert.ThrowsAnyAsync<InconsistentStateException>(() => Storage.ClearStateAsync(StateName, grainId, grainState));
    }

    [Fact]
    public async Task Clear_without_ETag_while_a_row_exists_fails_and_keeps_the_row()
    {
        var grainId = NewGrainId();
        var written = await WriteNewAsync(grainId, new TestState1 { A = "someone else's" });

        var unaware = new GrainState<TestState1> { State = new TestState1() };
        await Assert.ThrowsAnyAsync<InconsistentStateException>(() => Storage.ClearStateAsync(StateName, grainId, unaware));

        var read = await ReadAsync<TestState1>(grainId);
        Assert.Equal(written.State, read.State);
        Assert.Equal(written.ETag, read.ETag);
    }

    [Fact]
    public async Task ETagChangesOnWrite()
    {
        var grainId = NewGrainId();
        var grainState = await WriteNewAsync(grainId, new TestState1 { A = "Version1" });
        var eTags = new List<string?> { grainState.ETag };
        foreach (var version in new[] { "Version2", "Version3" })
        {
            grainState.State = grainState.State! with { A = version };
            await Storage.WriteStateAsync(StateName, grainId, grainState);
            eTags.Add(grainState.ETag);
        }

        Assert.All(eTags, Assert.NotNull);
        Assert.Equal(eTags.Count, eTags.Distinct().Count());
    }

    [Fact]
    public async Task WriteWithSameValuesUpdatesETag()
    {
        var grainId = NewGrainId();
        var grainState = await WriteNewAsync(grainId, new TestState1 { A = "SameValue", B = 123 });
        var first = grainState.ETag;

        await Storage.WriteStateAsync(StateName, grainId, grainState);

        Assert.NotNull(grainState.ETag);
        Assert.NotEqual(first, grainState.ETag);
    }

    [Fact]
    public async Task StateNamesUseIndependentRecords()
    {
        var grainId = NewGrainId();
        var first = await WriteNewAsync(grainId, new TestState1 { A = "first", B = 1, C = 2 }, "first-state");
        var second = await WriteNewAsync(grainId, new TestState1 { A = "second", B = 3, C = 4 }, "second-state");

        Assert.Equal(first.State, (await ReadAsync<TestState1>(grainId, "first-state")).State);
        Assert.Equal(second.State, (await ReadAsync<TestState1>(grainId, "second-state")).State);

        await Storage.ClearStateAsync("first-state", grainId, first);
        Assert.False((await ReadAsync<TestState1>(grainId, "first-state")).RecordExists);
        Assert.Equal(second.State, (await ReadAsync<TestState1>(grainId, "second-state")).State);
    }

    [Fact]
    public async Task Same_state_name_on_different_grains_is_independent()
    {
        var key = Guid.NewGuid().ToString("N");
        var agent = GrainId.Create("agent", key);
        var tenant = GrainId.Create("tenant", key);
        await WriteNewAsync(agent, new TestState1 { A = "agent" });
        await WriteNewAsync(tenant, new TestState1 { A = "tenant" });

        Assert.Equal("agent", (await ReadValueAsync<TestState1>(agent)).A);
        Assert.Equal("tenant", (await ReadValueAsync<TestState1>(tenant)).A);
    }

    [Fact]
    public async Task WriteReadWriteRead_many_states_in_parallel()
    {
        const int Grains = 200;
        const int Rounds = 5;
        var grains = Enumerable.Range(0, Grains)
            .Select(i => (Id: GrainId.Create("test-grain", $"parallel-{Guid.NewGuid():N}-{i}"), State: new GrainState<TestState1> { State = new TestState1 { B = i } }))
            .ToArray();

        await Parallel.ForEachAsync(grains, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (grain, _) =>
        {
            for (var round = 0; round < Rounds; round++)
            {
                var before = grain.State.ETag;
                grain.State.State = grain.State.State! with { C = round, A = $"round {round}" };
                await Storage.WriteStateAsync(StateName, grain.Id, grain.State);
                Assert.NotEqual(before, grain.State.ETag);

                var read = await ReadAsync<TestState1>(grain.Id);
                Assert.Equal(grain.State.ETag, read.ETag);
                Assert.Equal(grain.State.State, read.State);
            }
        });

        foreach (var (id, state) in grains)
        {
            Assert.Equal(new TestState1 { A = $"round {Rounds - 1}", B = state.State!.B, C = Rounds - 1 }, (await ReadAsync<TestState1>(id)).State);
        }
    }

    [Fact]
    public async Task Operations_honour_cancellation()
    {
        var grainId = NewGrainId();
        await WriteNewAsync(grainId, new TestState1 { A = "warm-up" }); // the table exists; only the operation itself is cancelled
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var grainState = new GrainState<TestState1> { State = new TestState1() };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Storage.ReadStateAsync(StateName, grainId, grainState, cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Storage.WriteStateAsync(StateName, NewGrainId(), grainState, cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Storage.ClearStateAsync(StateName, grainId, grainState, cancelled.Token));
    }
}
