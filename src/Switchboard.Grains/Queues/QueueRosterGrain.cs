using Switchboard.Contracts;
using Switchboard.Contracts.Queues;

namespace Switchboard.Grains.Queues;

/// <summary>
/// A tenant's queue list. Queue grains are the source of truth and upsert again on retried creates and on every
/// update, so a list that missed a write is repaired by the next attempt.
/// </summary>
public sealed class QueueRosterGrain(
    [PersistentState("queues", StorageNames.Default)] IPersistentState<QueueRosterState> state) : Grain, IQueueRosterGrain
{
    private SortedDictionary<string, QueueRosterEntry>? sorted;

    private SortedDictionary<string, QueueRosterEntry> Sorted => sorted ??= new(state.State.Queues, StringComparer.Ordinal);

    public async Task Upsert(QueueRosterEntry entry, CancellationToken cancellationToken = default)
    {
        if (state.State.Queues.TryGetValue(entry.Id, out var existing) && existing == entry)
        {
            return;
        }

        await Write(s => s.Queues[entry.Id] = entry);
    }

    public async Task Remove(string queueId, CancellationToken cancellationToken = default)
    {
        if (state.State.Queues.ContainsKey(queueId))
        {
            await Write(s => s.Queues.Remove(queueId));
        }
    }

    public Task<bool> Contains(string queueId, CancellationToken cancellationToken = default) =>
        Task.FromResult(state.State.Queues.ContainsKey(queueId));

    public Task<QueueRosterPage> List(string? after, int limit, CancellationToken cancellationToken = default)
    {
        if (limit <= 0)
        {
            return Task.FromResult(new QueueRosterPage([], after));
        }

        var items = Sorted.Values
            .Where(q => after is null || string.CompareOrdinal(q.Id, after) > 0)
            .Take(limit + 1)
            .ToList();
        var more = items.Count > limit;
        if (more)
        {
            items.RemoveAt(items.Count - 1);
        }

        return Task.FromResult(new QueueRosterPage(items, more ? items[^1].Id : null));
    }

    private Task Write(Action<QueueRosterState> change)
    {
        sorted = null;
        return state.WriteAsync(this, change);
    }
}
