namespace Switchboard.Api.Live;

/// <summary>
/// The ids of the events a feed delivered lately, to drop a second delivery of one. An id is remembered for
/// <see cref="Window"/> (a queue message read by a silo that died becomes visible again 30 s after the read) and at
/// most <see cref="Capacity"/> ids are kept, so memory stays bounded on a busy stream. Not thread-safe.
/// </summary>
public sealed class RecentEventIds(TimeProvider time)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(2);

    public const int Capacity = 100_000;

    private readonly HashSet<Guid> ids = [];
    private readonly Queue<(long At, Guid Id)> order = new();

    public int Count => ids.Count;

    /// <summary>Records <paramref name="id"/>; false if it was already delivered within the window.</summary>
    public bool TryAdd(Guid id)
    {
        var now = time.GetTimestamp();
        while (order.TryPeek(out var oldest) && time.GetElapsedTime(oldest.At, now) > Window)
        {
            ids.Remove(order.Dequeue().Id);
        }

        if (ids.Contains(id))
        {
            return false;
        }

        if (order.Count >= Capacity)
        {
            ids.Remove(order.Dequeue().Id);
        }

        ids.Add(id);
        order.Enqueue((now, id));
        return true;
    }
}
