using Switchboard.Contracts;
using Switchboard.Contracts.Interactions;

namespace Switchboard.Grains.Interactions;

/// <summary>One tenant's interactions created in one UTC hour, newest first.</summary>
public sealed class InteractionIndexGrain(
    [PersistentState("index", StorageNames.Default)] IPersistentState<InteractionIndexState> state) : Grain, IInteractionIndexGrain
{
    public async Task Add(IndexedInteraction entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (state.State.Entries.Any(e => e.Id == entry.Id))
        {
            return;
        }

        var entries = state.State.Entries;
        state.State.Entries = [.. entries, entry];
        await state.WriteOrRollbackAsync(() => state.State.Entries = entries);
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
