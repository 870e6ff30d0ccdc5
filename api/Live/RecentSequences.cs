namespace Switchboard.Api.Live;

/// <summary>
/// The latest change of each thing (an interaction, an agent's state) a feed delivered to each route lately, to drop an
/// older change that arrives after a newer one: an event that was pushed can overtake an earlier one that only its
/// stream carried, and a queue gives out again, late, an event a killed silo had read.
/// Remembered as long as <see cref="RecentEventIds"/> remembers ids, and at most <see cref="RecentEventIds.Capacity"/>
/// entries, so memory stays bounded. Not thread-safe.
/// </summary>
public sealed class RecentSequences(TimeProvider time)
{
    private readonly Dictionary<(string Route, string Key), long> latest = [];
    private readonly Queue<(long At, string Route, string Key, long Sequence)> order = new();

    public int Count => latest.Count;

    /// <summary>Records change <paramref name="sequence"/> of <paramref name="key"/> on <paramref name="route"/>; false if a later or the same one was delivered there within the window.</summary>
    public bool TryAdvance(string route, string key, long sequence) => TryAdvance(route, key, sequence, out _);

    /// <summary>As <see cref="TryAdvance(string, string, long)"/>, with the change the route had before, when remembered.</summary>
    public bool TryAdvance(string route, string key, long sequence, out long? previous)
    {
        var now = time.GetTimestamp();
        while (order.TryPeek(out var oldest) && (order.Count >= RecentEventIds.Capacity || time.GetElapsedTime(oldest.At, now) > RecentEventIds.Window))
        {
            order.Dequeue();
            if (latest.TryGetValue((oldest.Route, oldest.Key), out var kept) && kept == oldest.Sequence)
            {
                latest.Remove((oldest.Route, oldest.Key));
            }
        }

        previous = latest.TryGetValue((route, key), out var seen) ? seen : null;
        if (previous is not null && sequence <= seen)
        {
            return false;
        }

        latest[(route, key)] = sequence;
        order.Enqueue((now, route, key, sequence));
        return true;
    }
}
