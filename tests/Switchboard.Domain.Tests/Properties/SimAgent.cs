using Switchboard.Domain.Agents;
using Switchboard.Domain.Queues;
using Switchboard.Domain.Routing;

namespace Switchboard.Domain.Tests.Properties;

/// <summary>The state of one agent grain (<c>AgentGrainState</c> plus the grain's in-memory preference and its re-notice deadline).</summary>
internal sealed class SimAgent(string id, IReadOnlyDictionary<string, int> queues, WorkCapacity capacity, DateTimeOffset createdAt)
{
    public string Id { get; } = id;

    public AgentStatus Status { get; set; } = AgentStatus.Initial(createdAt);

    /// <summary>Queue id to skill level.</summary>
    public SortedDictionary<string, int> Queues { get; } = new(queues.ToDictionary(q => q.Key, q => q.Value), StringComparer.Ordinal);

    /// <summary>The profile's capacity per medium (fixed for the life of a world).</summary>
    public WorkCapacity Capacity { get; } = capacity;

    /// <summary>The media of each piece of active work (<c>AgentGrainState.WorkMedia</c>).</summary>
    public Dictionary<string, MediaType> WorkMedia { get; } = new(StringComparer.Ordinal);

    /// <summary>Work that ended and whose wrap-up is not complete (<c>AgentGrainState.OwedWrapUps</c>).</summary>
    public IReadOnlyList<string> OwedWrapUps { get; set; } = [];

    public HeldOffer? HeldOffer { get; set; }

    /// <summary>The agent's calls on hold (<c>AgentGrainState.CallsOnHold</c>): with one, line 2 is free.</summary>
    public List<string> CallsOnHold { get; } = [];

    /// <summary>Mirrors <c>AgentGrain.CallsOnHold</c>: how many of its calls in hand it has on hold.</summary>
    public int HeldCallCount => Status.ActiveWork.Count(w => WorkMedia.GetValueOrDefault(w, MediaType.Voice) == MediaType.Voice && CallsOnHold.Contains(w));

    public DateTimeOffset? LastOfferEndedAt { get; set; }

    /// <summary>The routed work last turned down for better work elsewhere (see <see cref="WorkPreference"/>).</summary>
    public DeclinedOffer? Declined { get; set; }

    /// <summary>When the agent tells its queues again that it can take work (the deadline <c>TryHoldOffer</c> schedules).</summary>
    public DateTimeOffset? RenotifyAt { get; set; }

    /// <summary>Mirrors <c>AgentStateMapping.ActiveMedia</c>: the media of each piece of work, oldest first.</summary>
    public IReadOnlyList<MediaType> ActiveMedia => [.. Status.ActiveWork.Select(w => WorkMedia.GetValueOrDefault(w, MediaType.Voice))];
}
