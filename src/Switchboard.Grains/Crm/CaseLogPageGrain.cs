using Switchboard.Contracts;
using Switchboard.Contracts.Crm;

namespace Switchboard.Grains.Crm;

/// <summary>One page of a case's notes or history; written only by its case, one entry at a time.</summary>
[CollectionAgeLimit(Minutes = 5)]
public sealed class CaseLogPageGrain(
    [PersistentState("caselog", StorageNames.Default)] IPersistentState<CaseLogPageState> state) : Grain, ICaseLogPageGrain
{
    public Task Put(CaseLogEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return state.State.Entries.Contains(entry)
            ? Task.CompletedTask
            : state.WriteAsync(this, s => s.Entries = [.. s.Entries.Where(e => e.Sequence != entry.Sequence).Append(entry).OrderBy(e => e.Sequence)]);
    }

    public Task<IReadOnlyList<CaseLogEntry>> Read(CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<CaseLogEntry>>(state.State.Entries);
}

[GenerateSerializer, Alias("Switchboard.Grains.CaseLogPageState")]
public sealed class CaseLogPageState
{
    [Id(0)] public List<CaseLogEntry> Entries { get; set; } = [];
}
