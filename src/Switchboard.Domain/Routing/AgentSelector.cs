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
    public static IReadOnlyList<RoutingCandidate> Order(RoutingStrategy strategy, IEnumerable<RoutingCandidate> candidates, string? lastOffered = null)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        return strategy switch
        {
            RoutingStrategy.LongestIdle => [.. candidates.OrderBy(c => c.Load).ThenBy(c => c.IdleSince).ThenBy(c => c.AgentId, StringComparer.Ordinal)],
            RoutingStrategy.SkillLevel => [.. candidates.OrderByDescending(c => c.SkillLevel).ThenBy(c => c.Load).ThenBy(c => c.IdleSince).ThenBy(c => c.AgentId, StringComparer.Ordinal)],
            RoutingStrategy.RoundRobin => RoundRobin(candidates, lastOffered),
            _ => throw new ArgumentOutOfRangeException(nameof(strategy), strategy, "Unknown routing strategy."),
        };
    }

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
