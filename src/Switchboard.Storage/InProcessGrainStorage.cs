using System.Collections.Concurrent;
using System.Globalization;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Storage;

namespace Switchboard.Storage;

/// <summary>
/// Grain state in the silo's own memory, for a silo that is the whole cluster (the embedded default). Orleans' memory
/// storage keeps each state in a storage grain, so every write is a grain call with the state serialized; here a
/// write is a deep copy (Orleans' <see cref="DeepCopier"/>, which shares <c>[Immutable]</c> members) put in a
/// dictionary, with the same ETag rules as every other provider. State is lost when the process ends, as with any
/// in-memory storage, and is never seen by another silo: only a single-silo host may use it.
/// </summary>
public sealed class InProcessGrainStorage(DeepCopier copier) : IGrainStorage
{
    private readonly ConcurrentDictionary<(string StateName, GrainId GrainId), Row> rows = new();
    private long lastETag;

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ReadStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        WriteStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ClearStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled(cancellationToken);
        }

        if (rows.TryGetValue((stateName, grainId), out var row))
        {
            // A copy: the grain changes its state in place before writing it, and a change that is not written must not be stored.
            grainState.State = copier.Copy((T)row.State);
            grainState.ETag = row.ETag;
            grainState.RecordExists = true;
        }
        else
        {
            grainState.State = StateFactory<T>.Create();
            grainState.ETag = null;
            grainState.RecordExists = false;
        }

        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled(cancellationToken);
        }

        var key = (stateName, grainId);
        var row = new Row(copier.Copy(grainState.State)!, NextETag());
        var written = grainState.ETag is null
            ? rows.TryAdd(key, row)
            : rows.TryGetValue(key, out var current) && current.ETag == grainState.ETag && rows.TryUpdate(key, row, current);
        if (!written)
        {
            return Task.FromException(Inconsistent("Write", stateName, grainId, StoredETag(key), grainState.ETag));
        }

        grainState.ETag = row.ETag;
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled(cancellationToken);
        }

        var key = (stateName, grainId);
        var cleared = rows.TryGetValue(key, out var current)
            ? current.ETag == grainState.ETag && rows.TryRemove(KeyValuePair.Create(key, current))
            : grainState.ETag is null;
        if (!cleared)
        {
            return Task.FromException(Inconsistent("Clear", stateName, grainId, StoredETag(key), grainState.ETag));
        }

        grainState.State = StateFactory<T>.Create();
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    private string NextETag() => Interlocked.Increment(ref lastETag).ToString(CultureInfo.InvariantCulture);

    private string? StoredETag((string StateName, GrainId GrainId) key) => rows.TryGetValue(key, out var row) ? row.ETag : null;

    private static InconsistentStateException Inconsistent(string operation, string stateName, GrainId grainId, string? stored, string? presented) =>
        new($"{operation} of state '{stateName}' of {grainId} refused: the stored ETag is '{stored ?? "(none)"}', not '{presented ?? "(none)"}'.",
            stored ?? string.Empty, presented ?? string.Empty);

    /// <summary>A stored state and its ETag; compared by reference, so an update replaces exactly the row it read.</summary>
    private sealed class Row(object state, string eTag)
    {
        public object State { get; } = state;

        public string ETag { get; } = eTag;
    }
}
