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
        if (FollowInOrder(entries, current.Count > 0 ? current[^1].Sequence : 0))
        {
            // The usual batch: newer than everything on the page, in order, so it goes on the end as it is.
            await state.WriteAsync(this, s => s.Entries.AddRange(entries));
            return;
        }

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

    private static bool FollowInOrder(IReadOnlyList<StateHistoryEntry> entries, long last)
    {
        foreach (var entry in entries)
        {
            if (entry.Sequence <= last)
            {
                return false;
            }

            last = entry.Sequence;
        }

        return entries.Count > 0;
    }

    public Task<IReadOnlyList<StateHistoryEntry>> GetEntries(CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<StateHistoryEntry>>(state.State.Entries);
}
