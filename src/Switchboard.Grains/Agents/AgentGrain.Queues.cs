using Switchboard.Contracts;
using Switchboard.Contracts.Agents;
using Switchboard.Contracts.Queues;
using Switchboard.Domain.Agents;
using Switchboard.Domain.Queues;
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

    /// <summary>
    /// What routed work the agent may be offered now (<see cref="RoutingEligibility.RoutableMedia"/>; none, when its media
    /// are empty), and why not the rest; null when it does not exist.
    /// </summary>
    private RoutingReadiness? Readiness(AgentGrainState s, UtilizationRule rule)
    {
        if (!s.Exists)
        {
            return null;
        }

        var active = s.ActiveMedia();
        var (status, holdsOffer, capacity) = (s.ToStatus(), s.HeldOffer is not null, CapacityOf(s));
        return new RoutingReadiness(
            s.LastOfferEndedAt is { } ended && ended > s.Since ? ended : s.Since,
            active.Count,
            RoutingEligibility.RoutableMedia(status, active, holdsOffer, capacity, rule),
            Unroutable: RoutingEligibility.Unroutable(status, active, holdsOffer, capacity, rule));
    }

    /// <summary>
    /// Tells the agent's queues (one way) when what it may be offered, or why not, changes; with <paramref name="evenIfUnready"/>
    /// also that it may be offered nothing, though they should know already.
    /// </summary>
    private bool NotifyQueues(RoutingReadiness? before, UtilizationRule rule, bool evenIfUnready = false)
    {
        var after = Readiness(state.State, rule);
        var ready = after is { Media.Count: > 0 } ? after : null;
        if (Same(before, after) && !(evenIfUnready && ready is null))
        {
            return false;
        }

        var version = NextNoticeVersion();
        foreach (var queueId in state.State.Queues.Keys)
        {
            (ready is not null ? Router(queueId).MemberReady(agentId, ready with { Version = version }) : Router(queueId).MemberNotReady(agentId, version, after?.Unroutable)).Ignore();
        }

        return true;
    }

    /// <summary>The version of the next notice: after every earlier one of this agent, whatever order they arrive in.</summary>
    private NoticeVersion NextNoticeVersion() => new(state.State.NoticeSequence, activation, ++noticeStep);

    /// <summary>Whether two readinesses tell a queue the same: when and how loaded matter only while some medium may be offered.</summary>
    private static bool Same(RoutingReadiness? a, RoutingReadiness? b) =>
        a is null || b is null
            ? a is null && b is null
            : a.Media.SequenceEqual(b.Media) && SameReasons(a.Unroutable, b.Unroutable) && (a.Media.Count == 0 || (a.IdleSince == b.IdleSince && a.Load == b.Load));

    private static bool SameReasons(IReadOnlyDictionary<MediaType, SkipReason>? a, IReadOnlyDictionary<MediaType, SkipReason>? b) =>
        (a?.Count ?? 0) == (b?.Count ?? 0) && (a is null || a.All(r => b!.TryGetValue(r.Key, out var other) && other == r.Value));

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
