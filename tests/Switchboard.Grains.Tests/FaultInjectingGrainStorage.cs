using Orleans.Storage;

namespace Switchboard.Grains.Tests;

/// <summary>
/// Grain storage that forwards to another one, except for the writes a test asked to fail: those throw
/// <see cref="InjectedStorageFaultException"/> before anything reaches the inner storage, as an unreachable database would.
/// </summary>
public sealed class FaultInjectingGrainStorage(IGrainStorage inner, StorageFaults faults) : IGrainStorage
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ReadStateAsync(stateName, grainId, grainState);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        faults.ThrowIfWriteFails(stateName, grainId.Key.ToString()!, grainState.State);
        return inner.WriteStateAsync(stateName, grainId, grainState);
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ClearStateAsync(stateName, grainId, grainState);
}
