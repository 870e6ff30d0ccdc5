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

        var entries = new List<IndexedBroadcast>(state.State.Entries) { entry with { Sequence = state.State.NextSequence } };
        if (entries.Count > IBroadcastIndexGrain.MaxEntries)
        {
            entries = [.. entries.OrderByDescending(e => e.SentAt).ThenByDescending(e => e.Sequence).Take(IBroadcastIndexGrain.MaxEntries)];
        }

        await state.WriteAsync(this, s =>
        {
            s.Entries = entries;
            s.NextSequence++;
        });
    }

    public Task<IReadOnlyList<IndexedBroadcast>> ListBefore(IndexedBroadcast? position, int max, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<IndexedBroadcast>>([.. state.State.Entries
            .Where(e => position is null || e.SentAt < position.SentAt || (e.SentAt == position.SentAt && e.Sequence < position.Sequence))
            .OrderByDescending(e => e.SentAt)
            .ThenByDescending(e => e.Sequence)
            .Take(Math.Max(0, max))]);
}
