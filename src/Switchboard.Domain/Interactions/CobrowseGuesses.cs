namespace Switchboard.Domain.Interactions;

/// <summary>
/// The join codes one client address tried: after <see cref="MaxWrong"/> wrong codes within <see cref="Window"/> the
/// address is locked out for <see cref="Lockout"/>, right codes included. An attempt counts as wrong from when it
/// begins until it is known to be right, so that guesses sent all at once cannot slip past the count.
/// </summary>
public sealed class CobrowseGuesses
{
    public const int MaxWrong = 5;

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    public static readonly TimeSpan Lockout = TimeSpan.FromMinutes(15);

    /// <summary>An attempt not finished by then (its API host failed) no longer counts.</summary>
    private static readonly TimeSpan PendingLimit = TimeSpan.FromMinutes(1);

    /// <summary>How long to wait while attempts under way may still come out right.</summary>
    private static readonly TimeSpan BusyWait = TimeSpan.FromSeconds(1);

    private readonly List<DateTimeOffset> wrong = [];
    private readonly Dictionary<long, DateTimeOffset> pending = [];
    private long lastAttempt;

    /// <summary>Until when the address is locked out, if it is.</summary>
    public DateTimeOffset? LockedUntil { get; private set; }

    /// <summary>
    /// Begins an attempt, or refuses it with how long to wait: while locked out, or while the wrong codes and the attempts
    /// under way could make the limit.
    /// </summary>
    public bool TryBegin(DateTimeOffset now, out long attempt, out TimeSpan retryAfter)
    {
        Forget(now);
        attempt = 0;
        retryAfter = TimeSpan.Zero;
        if (LockedUntil is { } until)
        {
            retryAfter = until - now;
            return false;
        }

        if (wrong.Count + pending.Count >= MaxWrong)
        {
            retryAfter = BusyWait;
            return false;
        }

        attempt = ++lastAttempt;
        pending[attempt] = now;
        return true;
    }

    /// <summary>Ends an attempt; a wrong code counts, and the one that makes the limit starts the lockout.</summary>
    public void Finish(long attempt, bool right, DateTimeOffset now)
    {
        pending.Remove(attempt);
        if (right)
        {
            return;
        }

        Forget(now);
        wrong.Add(now);
        if (wrong.Count >= MaxWrong)
        {
            LockedUntil = now + Lockout;
            wrong.Clear();
        }
    }

    /// <summary>Whether nothing is remembered any more (the holder may be dropped).</summary>
    public bool IsEmpty(DateTimeOffset now)
    {
        Forget(now);
        return LockedUntil is null && wrong.Count == 0 && pending.Count == 0;
    }

    private void Forget(DateTimeOffset now)
    {
        if (LockedUntil is { } until && until <= now)
        {
            LockedUntil = null;
        }

        wrong.RemoveAll(at => at <= now - Window);
        foreach (var (id, _) in pending.Where(p => p.Value <= now - PendingLimit).ToList())
        {
            pending.Remove(id);
        }
    }
}
