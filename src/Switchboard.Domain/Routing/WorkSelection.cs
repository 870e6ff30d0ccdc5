namespace Switchboard.Domain.Routing;

/// <summary>
/// Which of its queues' work an agent in several queues takes: the highest priority, then the oldest arrival, then
/// the queue id (so that every agent decides the same way).
/// </summary>
public static class WorkSelection
{
    public static QueueHead? Best(IEnumerable<QueueHead?> heads)
    {
        ArgumentNullException.ThrowIfNull(heads);
        QueueHead? best = null;
        foreach (var head in heads)
        {
            if (head is not null && (best is null || IsBetter(head, best)))
            {
                best = head;
            }
        }

        return best;
    }

    /// <summary>True if <paramref name="candidate"/> should be offered before <paramref name="other"/>.</summary>
    public static bool IsBetter(QueueHead candidate, QueueHead other)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(other);
        if (candidate.Priority != other.Priority)
        {
            return candidate.Priority > other.Priority;
        }

        if (candidate.EnqueuedAt != other.EnqueuedAt)
        {
            return candidate.EnqueuedAt < other.EnqueuedAt;
        }

        return string.CompareOrdinal(candidate.QueueId, other.QueueId) < 0;
    }
}
