namespace Switchboard.Domain.Routing;

/// <summary>
/// An agent in several queues takes the oldest, most urgent work among them (<see cref="WorkSelection"/>): offered worse
/// work by one queue, it says no and tells the queue with the better work to offer that instead. Should that queue not
/// do so within <see cref="Window"/> (its work went elsewhere, or it does not know the agent as a member), the same work
/// offered again is taken: the agent never idles, and never turns work away for ever.
/// </summary>
public static class WorkPreference
{
    /// <summary>How long the agent waits for the queue with better work before it takes what it is offered.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Whether an offer is first weighed against the heads of the agent's other queues: routed work, to an agent in more
    /// than one queue, unless it is the work the agent declined <see cref="Window"/> or longer ago.
    /// </summary>
    public static bool LooksElsewhere(string interactionId, bool routed, int queueCount, DeclinedOffer? declined, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(interactionId);
        var insisted = declined is not null && declined.InteractionId == interactionId && now - declined.Since >= Window;
        return routed && queueCount > 1 && !insisted;
    }

    /// <summary>The head of another queue the agent takes before <paramref name="offered"/>, or null: it takes the offer.</summary>
    public static QueueHead? BetterElsewhere(QueueHead offered, IEnumerable<QueueHead?> otherHeads)
    {
        ArgumentNullException.ThrowIfNull(offered);
        var best = WorkSelection.Best(otherHeads);
        return best is not null && WorkSelection.IsBetter(best, offered) ? best : null;
    }

    /// <summary>
    /// What the agent remembers once it declined <paramref name="interactionId"/>: when it first declined that work, so
    /// that the window runs from then however often the work comes back.
    /// </summary>
    public static DeclinedOffer Decline(DeclinedOffer? declined, string interactionId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(interactionId);
        return declined is not null && declined.InteractionId == interactionId ? declined : new DeclinedOffer(interactionId, now);
    }
}
