using Switchboard.Contracts;
using Switchboard.Contracts.Interactions;

namespace Switchboard.Grains.Interactions;

/// <summary>One shard of one tenant's interactions created in one UTC hour.</summary>
public sealed class InteractionIndexGrain(
    [PersistentState("index", StorageNames.Default)] IPersistentState<InteractionIndexState> state) : Grain, IInteractionIndexGrain
{
    private HashSet<string>? ids;

    public async Task Add(IndexedInteraction entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ids ??= new HashSet<string>(state.State.Entries.Select(e => e.Id), StringComparer.Ordinal);
        if (ids.Contains(entry.Id))
        {
            return;
        }

        await state.WriteAsync(this, s => s.Entries.Add(entry));
        ids.Add(entry.Id);
    }

    public Task<IReadOnlyList<IndexedInteraction>> ListBefore(IndexedInteraction? position, int max, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<IndexedInteraction>>([.. state.State.Entries
            .Where(e => position is null || IsBefore(e, position))
            .OrderByDescending(e => e.CreatedAt)
            .ThenByDescending(e => e.Id, StringComparer.Ordinal)
            .Take(max)]);

    private static bool IsBefore(IndexedInteraction entry, IndexedInteraction position) =>
        entry.CreatedAt < position.CreatedAt || (entry.CreatedAt == position.CreatedAt && string.CompareOrdinal(entry.Id, position.Id) < 0);
}
