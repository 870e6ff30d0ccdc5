using Switchboard.Domain.Agents;
using Switchboard.Domain.Routing;

namespace Switchboard.Domain.Tests.Properties;

/// <summary>The state of one agent grain (<c>AgentGrainState</c> plus the grain's in-memory preference and its re-notice deadline).</summary>
internal sealed class SimAgent(string id, IReadOnlyDictionary<string, int> queues, DateTimeOffset createdAt)
{
    public string Id { get; } = id;

    public AgentStatus Status { get; set; } = AgentStatus.Initial(createdAt);

    /// <summary>Queue id to skill level.</summary>
    public SortedDictionary<string, int> Queues { get; } = new(queues.ToDictionary(q => q.Key, q => q.Value), StringComparer.Ordinal);

    public HeldOffer? HeldOffer { get; set; }

    public DateTimeOffset? LastOfferEndedAt { get; set; }

    public string? WrapUpFor { get; set; }

    /// <summary>The routed work last turned down for better work elsewhere (see <see cref="WorkPreference"/>).</summary>
    public DeclinedOffer? Declined { get; set; }

    /// <summary>When the agent tells its queues again that it can take work (the deadline <c>TryHoldOffer</c> schedules).</summary>
    public DateTimeOffset? RenotifyAt { get; set; }
}
