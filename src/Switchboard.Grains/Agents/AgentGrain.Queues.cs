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

    public Task<DateTimeOffset?> GetRoutingStatus(CancellationToken cancellationToken = default) => Task.FromResult(IdleSince(state.State));

    public Task RenotifyQueues()
    {
        NotifyQueues(null);
        return Task.CompletedTask;
    }

    /// <summary>Since when the agent can take routed work (available, nothing offered), or null.</summary>
    private static DateTimeOffset? IdleSince(AgentGrainState s) =>
        s.Exists && RoutingEligibility.CanTakeRoutedOffer(s.State, s.HeldOffer is not null)
            ? (s.LastOfferEndedAt is { } ended && ended > s.Since ? ended : s.Since)
            : null;

    /// <summary>Tells the agent's queues (one way) when it starts or stops being able to take routed work.</summary>
    private bool NotifyQueues(DateTimeOffset? before)
    {
        var after = IdleSince(state.State);
        if ((before is null) == (after is null) && before == after)
        {
            return false;
        }

        foreach (var queueId in state.State.Queues.Keys)
        {
            (after is { } idleSince ? Router(queueId).MemberAvailable(agentId, idleSince) : Router(queueId).MemberUnavailable(agentId)).Ignore();
        }

        return true;
    }

    /// <summary>After a stored change: the queues hear whether the agent can take work now, or else that its state changed.</summary>
    private void TellQueues(DateTimeOffset? idleBefore, AgentState stateBefore)
    {
        if (!NotifyQueues(idleBefore) && stateBefore != state.State.State)
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
