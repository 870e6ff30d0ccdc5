namespace Switchboard.Domain.Routing;

/// <summary>Priority first (highest first), then arrival (oldest first): the order work is offered in.</summary>
public sealed class WaitingWorkOrder : IComparer<WaitingWork>
{
    public static WaitingWorkOrder Instance { get; } = new();

    public int Compare(WaitingWork? x, WaitingWork? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null)
        {
            return -1;
        }

        if (y is null)
        {
            return 1;
        }

        var byPriority = y.Priority.CompareTo(x.Priority);
        if (byPriority != 0)
        {
            return byPriority;
        }

        var byArrival = x.EnqueuedAt.CompareTo(y.EnqueuedAt);
        if (byArrival != 0)
        {
            return byArrival;
        }

        var bySequence = x.Sequence.CompareTo(y.Sequence);
        return bySequence != 0 ? bySequence : string.CompareOrdinal(x.InteractionId, y.InteractionId);
    }
}
