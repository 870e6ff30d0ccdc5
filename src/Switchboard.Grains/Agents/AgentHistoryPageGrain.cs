using Switchboard.Contracts;
using Switchboard.Contracts.Agents;

namespace Switchboard.Grains.Agents;

/// <summary>One page of an agent's audit trail; written only by that agent's grain, a batch at a time.</summary>
public sealed class AgentHistoryPageGrain(
    [PersistentState("history", StorageNames.Default)] IPersistentState<AgentHistoryPageState> state) : Grain, IAgentHistoryPageGrain
{
    public async Task Append(IReadOnlyList<StateHistoryEntry> entries, CancellationToken cancellationToken = default)
    {
        var current = state.State.Entries;
        var merged = current.ToDictionary(e => e.Sequence);
        foreach (var entry in entries)
        {
            merged[entry.Sequence] = entry;
        }

        if (merged.Count == current.Count && entries.All(e => current.Contains(e)))
        {
            return;
        }

        await state.WriteAsync(this, s => s.Entries = [.. merged.Values.OrderBy(e => e.Sequence)]);
    }

    public Task<IReadOnlyList<StateHistoryEntry>> GetEntries(CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<StateHistoryEntry>>(state.State.Entries);
}
