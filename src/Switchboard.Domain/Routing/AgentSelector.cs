using Switchboard.Domain.Queues;

namespace Switchboard.Domain.Routing;

/// <summary>
/// Orders a queue's eligible members for an offer, per the queue's strategy. Longest-idle and skill-level offer the
/// least loaded agent first (an idle agent before one already in two chats). Deterministic: ties end on the agent id.
/// </summary>
public static class AgentSelector
{
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
