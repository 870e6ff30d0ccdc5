using Switchboard.Contracts;
using Switchboard.Contracts.Agents;
using Switchboard.Contracts.Queues;
using Switchboard.Domain.Agents;
using Switchboard.Domain.Routing;

namespace Switchboard.Grains.Agents;

/// <summary>
/// Queue memberships, kept in step by the queue grains, and the notices that tell the agent's queues (one way) whether
/// it can take routed work.
/// </summary>
public sealed partial class AgentGrain
{
    public async Task<bool> JoinQueue(string queueId, int skillLevel, CancellationToken cancellationToken = default)
    {
        if (!state.State.Exists)
        {
            return false;
        }

        if (!state.State.Queues.TryGetValue(queueId, out var current) || current != skillLevel)
        {
            await Persist(s => s.Queues[queueId] = skillLevel);
        }

        return true;
    }

    public async Task LeaveQueue(string queueId, CancellationToken cancellationToken = default)
    {
        if (state.State.Queues.ContainsKey(queueId))
        {
            await Persist(s => s.Queues.Remove(queueId));
        }
    }

    public Task<IReadOnlyList<QueueMembership>?> GetQueues(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<QueueMembership>?>(state.State.Exists
            ? state.State.Queues.OrderBy(q => q.Key, StringComparer.Ordinal).Select(q => new QueueMembership(q.Key, q.Value)).ToList()
            : null);

    /// <summary>Tells this activation's notices apart from those of the agent's earlier activations.</summary>
    private readonly long activation = Random.Shared.NextInt64();

    /// <summary>
    /// Notices of this activation so far. Never reset: a version handed out while a write was under way (a read
    /// interleaved with it) may name a change that then failed, and the notices after must still be newer.
    /// </summary>
    private int noticeStep;

    public async Task<RoutingReadiness?> GetRoutingReadiness(CancellationToken cancellationToken = default) =>
        Readiness(state.State, await Utilization(cancellationToken)) is { } ready ? ready with { Version = NextNoticeVersion() } : null;

    public async Task RenotifyQueues() => NotifyQueues(null, await Utilization(), evenIfUnready: true);

    /// <summary>What routed work the agent may be offered now (<see cref="RoutingEligibility.RoutableMedia"/>), or null: none.</summary>
    private RoutingReadiness? Readiness(AgentGrainState s, UtilizationRule rule)
    {
        if (!s.Exists)
        {
            return null;
        }

        var active = s.ActiveMedia();
        var media = RoutingEligibility.RoutableMedia(s.ToStatus(), active, s.HeldOffer is not null, CapacityOf(s), rule);
        return media.Count == 0
            ? null
            : new RoutingReadiness(s.LastOfferEndedAt is { } ended && ended > s.Since ? ended : s.Since, active.Count, media);
    }

    /// <summary>
    /// Tells the agent's queues (one way) when what it may be offered changes; with <paramref name="evenIfUnready"/> also
    /// that it may be offered nothing, though they should know already.
    /// </summary>
    private bool NotifyQueues(RoutingReadiness? before, UtilizationRule rule, bool evenIfUnready = false)
    {
        var after = Readiness(state.State, rule);
        if (Same(before, after) && !(evenIfUnready && after is null))
        {
            return false;
        }

        var version = NextNoticeVersion();
        foreach (var queueId in state.State.Queues.Keys)
        {
            (after is not null ? Router(queueId).MemberReady(agentId, after with { Version = version }) : Router(queueId).MemberNotReady(agentId, version)).Ignore();
        }

        return true;
    }

    /// <summary>The version of the next notice: after every earlier one of this agent, whatever order they arrive in.</summary>
    private NoticeVersion NextNoticeVersion() => new(state.State.NoticeSequence, activation, ++noticeStep);

    private static bool Same(RoutingReadiness? a, RoutingReadiness? b) =>
        a is null || b is null ? a is null && b is null : a.IdleSince == b.IdleSince && a.Load == b.Load && a.Media.SequenceEqual(b.Media);

    /// <summary>After a stored change: the queues hear what the agent may be offered now, or else that its state changed.</summary>
    private void TellQueues(RoutingReadiness? readyBefore, AgentState stateBefore, UtilizationRule rule)
    {
        if (!NotifyQueues(readyBefore, rule) && stateBefore != state.State.State)
        {
            // Queue figures count members by state, not only those who can take work.
            foreach (var queueId in state.State.Queues.Keys)
            {
                Router(queueId).MemberStateChanged(agentId).Ignore();
            }
        }
    }

    private IQueueGrain Queue(string queueId) => GrainFactory.GetGrain<IQueueGrain>(GrainKeys.Queue(tenantId, queueId));

    private IQueueRouterGrain Router(string queueId) => GrainFactory.GetGrain<IQueueRouterGrain>(GrainKeys.Queue(tenantId, queueId));
}
