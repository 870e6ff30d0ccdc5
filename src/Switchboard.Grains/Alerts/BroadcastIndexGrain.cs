using Switchboard.Contracts;
using Switchboard.Contracts.Alerts;

namespace Switchboard.Grains.Alerts;

/// <summary>A tenant's broadcasts for listing, newest <see cref="IBroadcastIndexGrain.MaxEntries"/> kept.</summary>
public sealed class BroadcastIndexGrain(
    [PersistentState("broadcasts", StorageNames.Default)] IPersistentState<BroadcastIndexState> state) : Grain, IBroadcastIndexGrain
{
    public async Task Add(IndexedBroadcast entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (state.State.Entries.Any(e => e.Id == entry.Id))
        {
            return;
        }

        var before = state.State.Entries;
        var entries = new List<IndexedBroadcast>(before) { entry };
        if (entries.Count > IBroadcastIndexGrain.MaxEntries)
        {
            entries = [.. entries.OrderByDescending(e => e.SentAt).ThenByDescending(e => e.Id, StringComparer.Ordinal).Take(IBroadcastIndexGrain.MaxEntries)];
        }

        state.State.Entries = entries;
        await state.WriteOrRollbackAsync(() => state.State.Entries = before);
    }

    public Task<IReadOnlyList<IndexedBroadcast>> ListBefore(IndexedBroadcast? position, int max, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<IndexedBroadcast>>([.. state.State.Entries
            .Where(e => position is null || e.SentAt < position.SentAt || (e.SentAt == position.SentAt && string.CompareOrdinal(e.Id, position.Id) < 0))
            .OrderByDescending(e => e.SentAt)
            .ThenByDescending(e => e.Id, StringComparer.Ordinal)
            .Take(Math.Max(0, max))]);
}
