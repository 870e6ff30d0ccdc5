using Orleans.Storage;

namespace Switchboard.Grains.Tests;

/// <summary>
/// Grain storage that forwards to another one, except for the writes a test asked to fail: those throw (an
/// <see cref="InjectedStorageFaultException"/> unless the test chose another exception) before anything reaches the
/// inner storage, as an unreachable database, or a row written meanwhile by someone else, would; and holding the writes
/// a test asked to hold, as a slow database would.
/// </summary>
public sealed class FaultInjectingGrainStorage(IGrainStorage inner, StorageFaults faults) : IGrainStorage
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ReadStateAsync(stateName, grainId, grainState);

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = grainId.Key.ToString()!;
        var holds = faults.HoldsOf(key, stateName);
        var write = (grainState.State as Agents.AgentGrainState)?.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?";
        foreach (var hold in holds)
        {
            await hold.Pass(write);
        }

        faults.ThrowIfWriteFails(stateName, key, grainState.State);
        await inner.WriteStateAsync(stateName, grainId, grainState);
        faults.RecordWrite(stateName, key);
        foreach (var hold in holds)
        {
            hold.Log($"end {write}");
        }
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ClearStateAsync(stateName, grainId, grainState);
}
