using Switchboard.Domain.Agents;
using Switchboard.Domain.Queues;

namespace Switchboard.Domain.Routing;

/// <summary>Who may be offered what: the agent grain asks this before it holds an offer, and tells its queues the answer.</summary>
public static class RoutingEligibility
{
    private static readonly MediaType[] AllMedia = Enum.GetValues<MediaType>();

    /// <summary>
    /// Whether an agent with <paramref name="status"/>, working on <paramref name="activeMedia"/> (one entry per piece of
    /// work), may be offered work of <paramref name="media"/> now. It holds one offer at a time. With no work: routed
    /// (queue) work reaches an <c>Available</c> agent, direct work (calls to it, transfers, consults) an <c>Offline</c> one
    /// too. With work: only while it has room for the medium (<paramref name="capacity"/>), nothing in hand blocks it
    /// (<paramref name="rule"/>), and the state it goes to once the work is done (the next state it asked for, else the
    /// state it took the work from) receives this kind of work: an agent who asked for a break takes no more. Never on
    /// break, logged out, or in wrap-up. A second line: a direct call (never a routed one) reaches an agent on one call
    /// that it has on hold (<paramref name="callsOnHold"/>), as if it had room for it.
    /// </summary>
    public static bool CanTake(
        AgentStatus status, IReadOnlyList<MediaType> activeMedia, bool holdsOffer, MediaType media, bool routed, WorkCapacity capacity, UtilizationRule rule,
        int callsOnHold = 0) =>
        WhyNot(status, activeMedia, holdsOffer, media, routed, capacity, rule, callsOnHold) is null;

    /// <summary>Why the agent may not be offered work of <paramref name="media"/> now (<see cref="CanTake"/>), or null: it may.</summary>
    public static SkipReason? WhyNot(
        AgentStatus status, IReadOnlyList<MediaType> activeMedia, bool holdsOffer, MediaType media, bool routed, WorkCapacity capacity, UtilizationRule rule,
        int callsOnHold = 0)
    {
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(activeMedia);
        ArgumentNullException.ThrowIfNull(capacity);
        ArgumentNullException.ThrowIfNull(rule);
        if (holdsOffer)
        {
            return SkipReason.HasOffer;
        }

        if (capacity.For(media) <= 0)
        {
            return SkipReason.NoCapacity;
        }

        if (status.ActiveWork.Count == 0)
        {
            return Receives(status.State, routed) ? null : InState(status.State);
        }

        if (status.State != AgentState.Busy)
        {
            return InState(status.State);
        }

        if (!Receives(status.Next?.State ?? status.ResumeState ?? AgentState.Available, routed))
        {
            return SkipReason.AwayNext;
        }

        if (activeMedia.Count(m => m == media) >= capacity.For(media) && !SecondLine(activeMedia, media, routed, callsOnHold))
        {
            return SkipReason.AtCapacity;
        }

        return rule.Blocks(activeMedia, media) ? SkipReason.BlockedMedium : null;
    }

    /// <summary>The media of which routed work may be offered to the agent now, in media order (what its queues hear).</summary>
    public static IReadOnlyList<MediaType> RoutableMedia(
        AgentStatus status, IReadOnlyList<MediaType> activeMedia, bool holdsOffer, WorkCapacity capacity, UtilizationRule rule) =>
        [.. AllMedia.Where(m => CanTake(status, activeMedia, holdsOffer, m, routed: true, capacity, rule))];

    /// <summary>Why routed work of each medium the agent may not be offered now may not be (the others are absent).</summary>
    public static IReadOnlyDictionary<MediaType, SkipReason> Unroutable(
        AgentStatus status, IReadOnlyList<MediaType> activeMedia, bool holdsOffer, WorkCapacity capacity, UtilizationRule rule)
    {
        var reasons = new Dictionary<MediaType, SkipReason>();
        foreach (var media in AllMedia)
        {
            if (WhyNot(status, activeMedia, holdsOffer, media, routed: true, capacity, rule) is { } why)
            {
                reasons[media] = why;
            }
        }

        return reasons;
    }

    /// <summary>Line 2: a direct call while the agent's only call is on hold.</summary>
    private static bool SecondLine(IReadOnlyList<MediaType> activeMedia, MediaType media, bool routed, int callsOnHold) =>
        media == MediaType.Voice && !routed && callsOnHold == 1 && activeMedia.Count(m => m == MediaType.Voice) == 1;

    private static SkipReason InState(AgentState state) => state switch
    {
        AgentState.LoggedOut => SkipReason.LoggedOut,
        AgentState.Offline => SkipReason.Offline,
        AgentState.Break => SkipReason.Break,
        AgentState.WrapUp => SkipReason.WrapUp,
        _ => SkipReason.Busy,
    };

    private static bool Receives(AgentState state, bool routed) =>
        routed ? AgentStates.ReceivesRoutedWork(state) : AgentStates.ReceivesDirectWork(state);
}
