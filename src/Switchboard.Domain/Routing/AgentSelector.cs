using Switchboard.Domain.Queues;

namespace Switchboard.Domain.Routing;

/// <summary>
/// Orders a queue's eligible members for an offer, per the queue's strategy. Longest-idle and skill-level offer the
/// least loaded agent first (an idle agent before one already in two chats). Deterministic: ties end on the agent id.
/// </summary>
public static class AgentSelector
{
    /// <summary>The most members passed over that an explanation names (the rest it counts): it travels with every offer.</summary>
    public const int SkippedListed = 10;

    /// <param name="strategy">The queue's strategy.</param>
    /// <param name="candidates">Eligible members only.</param>
    /// <param name="lastOffered">For round-robin: the member offered work last, if any.</param>
    /// <param name="preferred">A member the work should go to first when eligible (the agent who answered the customer last).</param>
    public static IReadOnlyList<RoutingCandidate> Order(RoutingStrategy strategy, IEnumerable<RoutingCandidate> candidates, string? lastOffered = null, string? preferred = null)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var ordered = ByStrategy(strategy, candidates, lastOffered);
        var first = preferred is null ? -1 : ordered.FindIndex(c => string.Equals(c.AgentId, preferred, StringComparison.Ordinal));
        if (first > 0)
        {
            var chosen = ordered[first];
            ordered.RemoveAt(first);
            ordered.Insert(0, chosen);
        }

        return ordered;
    }

    /// <summary>
    /// Why <paramref name="chosen"/> is offered the work (<see cref="RoutingExplanation"/>). Passed over, at most
    /// <see cref="SkippedListed"/> listed: first the members ranked before it who turned the offer down
    /// (<paramref name="refused"/>, in that order), then those who could not be offered it (<paramref name="unavailable"/>), by id.
    /// </summary>
    /// <param name="strategy">The queue's strategy.</param>
    /// <param name="candidates">The eligible members in offer order (<see cref="Order"/>), <paramref name="chosen"/> among them.</param>
    /// <param name="chosen">The member offered the work.</param>
    /// <param name="preferred">The member the work was to go to first, if any (as for <see cref="Order"/>).</param>
    /// <param name="refused">Members ranked before <paramref name="chosen"/> who would not hold the offer, and why.</param>
    /// <param name="unavailable">The queue's other members, and why each may not be offered the work.</param>
    /// <param name="now">When the offer is made.</param>
    public static RoutingExplanation Explain(
        RoutingStrategy strategy, IReadOnlyCollection<RoutingCandidate> candidates, RoutingCandidate chosen, string? preferred,
        IReadOnlyCollection<SkippedMember> refused, IReadOnlyCollection<SkippedMember> unavailable, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(chosen);
        ArgumentNullException.ThrowIfNull(refused);
        ArgumentNullException.ThrowIfNull(unavailable);
        SkippedMember[] skipped =
        [
            .. refused.Take(SkippedListed),
            .. unavailable.OrderBy(s => s.AgentId, StringComparer.Ordinal).Take(Math.Max(0, SkippedListed - refused.Count)),
        ];

        // The rotation runs over every member in id order, so the place counts those not eligible now too.
        int? position = strategy == RoutingStrategy.RoundRobin
            ? 1 + candidates.Count(c => Before(c.AgentId, chosen.AgentId)) + unavailable.Count(s => Before(s.AgentId, chosen.AgentId))
            : null;
        return new RoutingExplanation(
            strategy,
            candidates.Count,
            (int)Math.Clamp((now - chosen.IdleSince).TotalSeconds, 0, int.MaxValue),
            chosen.SkillLevel,
            chosen.Load,
            position,
            string.Equals(chosen.AgentId, preferred, StringComparison.Ordinal),
            skipped,
            refused.Count + unavailable.Count - skipped.Length);
    }

    private static bool Before(string agentId, string other) => string.CompareOrdinal(agentId, other) < 0;

    private static List<RoutingCandidate> ByStrategy(RoutingStrategy strategy, IEnumerable<RoutingCandidate> candidates, string? lastOffered) =>
        strategy switch
        {
            RoutingStrategy.LongestIdle => [.. candidates.OrderBy(c => c.Load).ThenBy(c => c.IdleSince).ThenBy(c => c.AgentId, StringComparer.Ordinal)],
            RoutingStrategy.SkillLevel => [.. candidates.OrderByDescending(c => c.SkillLevel).ThenBy(c => c.Load).ThenBy(c => c.IdleSince).ThenBy(c => c.AgentId, StringComparer.Ordinal)],
            RoutingStrategy.RoundRobin => [.. RoundRobin(candidates, lastOffered)],
            _ => throw new ArgumentOutOfRangeException(nameof(strategy), strategy, "Unknown routing strategy."),
        };

    /// <summary>Members in id order, starting with the first one after the member offered work last.</summary>
    private static RoutingCandidate[] RoundRobin(IEnumerable<RoutingCandidate> candidates, string? lastOffered)
    {
        var byId = candidates.OrderBy(c => c.AgentId, StringComparer.Ordinal).ToArray();
        if (lastOffered is null || byId.Length == 0)
        {
            return byId;
        }

        var start = Array.FindIndex(byId, c => string.CompareOrdinal(c.AgentId, lastOffered) > 0);
        return start <= 0 ? byId : [.. byId[start..], .. byId[..start]];
    }
}
