using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Serialization;
using Orleans.Storage;
using Switchboard.Storage.Tests.Conformance;

namespace Switchboard.Storage.Tests;

/// <summary>
/// The grain storage conformance suite against <see cref="InProcessGrainStorage"/>, whose copies are Orleans' deep copies
/// (the suite's plain records travel as JSON, as Switchboard's domain records do), and what a store in the grain's own
/// process must add: the stored state and the grain's are never the same object.
/// </summary>
public sealed class InProcessGrainStorageConformanceTests() : ExactKeyGrainStorageConformanceTests(() => Task.FromResult<IGrainStorage>(Create()))
{
    private static readonly DeepCopier Copier = new ServiceCollection()
        .AddSerializer(serializer => serializer.AddJsonSerializer(isSupported: type => type.Namespace == typeof(TestState1).Namespace))
        .BuildServiceProvider()
        .GetRequiredService<DeepCopier>();

    private static InProcessGrainStorage Create() => new(Copier);

    [Fact]
    public async Task A_change_not_written_is_not_stored()
    {
        var grainId = NewGrainId();
        var state = new RichState { Tags = ["a"], Amount = 1m };
        var grainState = new GrainState<RichState> { State = state };
        await Storage.WriteStateAsync(StateName, grainId, grainState);

        state.Amount = 2m;
        state.Tags.Add("b");

        var read = await ReadValueAsync<RichState>(grainId);
        Assert.Equal(1m, read.Amount);
        Assert.Equal(["a"], read.Tags);
    }

    [Fact]
    public async Task Each_read_is_a_copy_of_its_own()
    {
        var grainId = NewGrainId();
        await Storage.WriteStateAsync(StateName, grainId, new GrainState<RichState> { State = new RichState { Tags = ["a"], Amount = 1m } });

        var first = await ReadValueAsync<RichState>(grainId);
        first.Amount = 2m;
        first.Tags.Add("b");

        var second = await ReadValueAsync<RichState>(grainId);
        Assert.NotSame(first, second);
        Assert.Equal(1m, second.Amount);
        Assert.Equal(["a"], second.Tags);
    }
}
