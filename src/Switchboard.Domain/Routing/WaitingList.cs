namespace Switchboard.Domain.Routing;

/// <summary>
/// The work waiting in one queue, in offer order (<see cref="WaitingWorkOrder"/>). Each interaction is in it at most
/// once. Adding is O(log n); the head is O(1).
/// </summary>
public sealed class WaitingList
{
    private readonly SortedSet<WaitingWork> ordered = new(WaitingWorkOrder.Instance);
    private readonly Dictionary<string, WaitingWork> byInteraction = new(StringComparer.Ordinal);

    public WaitingList(IEnumerable<WaitingWork>? items = null, long nextSequence = 1)
    {
        NextSequence = nextSequence;
        foreach (var item in items ?? [])
        {
            Restore(item);
        }
    }

    /// <summary>The sequence number the next new arrival gets (persist it with the items).</summary>
    public long NextSequence { get; private set; }

    public int Count => ordered.Count;

    /// <summary>The work to offer next, or null when nothing waits.</summary>
    public WaitingWork? Head => ordered.Count == 0 ? null : ordered.Min;

    /// <summary>All waiting work in offer order.</summary>
    public IReadOnlyList<WaitingWork> Items => [.. ordered];

    /// <summary>When the longest-waiting work started waiting, or null when nothing waits.</summary>
    public DateTimeOffset? OldestArrival => ordered.Count == 0 ? null : byInteraction.Values.Min(w => w.EnqueuedAt);

    public bool Contains(string interactionId) => byInteraction.ContainsKey(interactionId);

    public WaitingWork? Find(string interactionId) => byInteraction.GetValueOrDefault(interactionId);

    /// <summary>
    /// Adds newly arrived work, or returns the entry already waiting for this interaction (an enqueue is idempotent, so
    /// a retried request never makes a second entry).
    /// </summary>
    public WaitingWork Add(string interactionId, int priority, DateTimeOffset enqueuedAt, string? preferredAgentId = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(interactionId);
        ArgumentOutOfRangeException.ThrowIfLessThan(priority, WaitingWork.LowestPriority);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(priority, WaitingWork.HighestPriority);
        if (byInteraction.TryGetValue(interactionId, out var existing))
        {
            return existing;
        }

        var work = new WaitingWork(interactionId, priority, enqueuedAt, NextSequence++, preferredAgentId);
        Insert(work);
        return work;
    }

    /// <summary>
    /// Puts work back exactly where it was (same priority, arrival and sequence): after an unanswered or rejected offer
    /// it is at the head again unless something of higher priority arrived meanwhile.
    /// </summary>
    public WaitingWork Restore(WaitingWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (byInteraction.TryGetValue(work.InteractionId, out var existing))
        {
            return existing;
        }

        Insert(work);
        NextSequence = Math.Max(NextSequence, work.Sequence + 1);
        return work;
    }

    public bool Remove(string interactionId, out WaitingWork? removed)
    {
        if (!byInteraction.Remove(interactionId, out removed))
        {
            return false;
        }

        ordered.Remove(removed);
        return true;
    }


    private void Insert(WaitingWork work)
    {
        byInteraction.Add(work.InteractionId, work);
        ordered.Add(work);
    }
}
