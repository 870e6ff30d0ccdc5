using Microsoft.Extensions.Logging;
using Switchboard.Contracts;
using Switchboard.Contracts.Interactions;
using Switchboard.Contracts.Queues;
using Switchboard.Domain.Queues;
using Switchboard.Domain.Routing;
using Switchboard.Grains.Interactions;
using Switchboard.Grains.Scheduling;

namespace Switchboard.Grains.Routing;

/// <summary>
/// Routing for one queue. Offers go head of the queue first, to members in the order of the queue's strategy; the agent
/// grain has the last word (it holds at most one offer, and prefers older work of its other queues). Every queue routes
/// on its own, so routing scales out with the number of queues; no grain sees all of a tenant's work.
/// One concern a file: the waiting list and offers here; members, overflow and the queue's figures in their own files.
/// </summary>
public sealed partial class QueueRouterGrain(
    [PersistentState("router", StorageNames.Default)] IPersistentState<QueueRouterState> state,
    [FromKeyedServices(SwitchboardClock.ServiceKey)] TimeProvider time,
    DeadlineScheduler deadlines,
    ILogger<QueueRouterGrain> logger) : Grain, IQueueRouterGrain, IRemindable
{
    /// <summary>When each waiting item arrived in this queue (overflow counts from it; order counts from EnqueuedAt).</summary>
    private readonly Dictionary<string, DateTimeOffset> arrivedAt = new(StringComparer.Ordinal);

    private string tenantId = "";
    private string queueId = "";
    private QueueConfig? config;
    private WaitingList waiting = new();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var parts = GrainKeys.Split(this.GetPrimaryKeyString());
        (tenantId, queueId) = (parts[0], parts[1]);
        waiting = new WaitingList(state.State.Waiting.Select(w => new WaitingWork(w.InteractionId, w.Priority, w.EnqueuedAt, w.Sequence, w.PreferredAgentId)), state.State.NextSequence);
        foreach (var item in state.State.Waiting)
        {
            arrivedAt[item.InteractionId] = item.ArrivedAt ?? item.EnqueuedAt;
        }

        // Settings only: asking the members' agents now could deadlock (an agent waiting on this router's PeekHead
        // waits for this activation to finish). Their availability is read in the first turn, right after.
        await LoadSettings(askAgents: false, cancellationToken);
        this.AsReference<IQueueRouterGrain>().SettingsChanged().Ignore();
        if (waiting.Count > 0)
        {
            await KeepTime();
        }
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        deadlines.Cancel(DeadlineKey);
        return Task.CompletedTask;
    }

    public async Task Enqueue(string interactionId, int priority, DateTimeOffset enqueuedAt, bool requeue, long? sequence, string? preferredAgentId = null)
    {
        if (config is null)
        {
            RouterLog.QueueGone(logger, tenantId, queueId, interactionId);
            return;
        }

        if (!waiting.Contains(interactionId))
        {
            if (requeue && sequence is { } number)
            {
                waiting.Restore(new WaitingWork(interactionId, priority, enqueuedAt, number, preferredAgentId));
            }
            else
            {
                waiting.Add(interactionId, priority, enqueuedAt, preferredAgentId);
            }

            arrivedAt[interactionId] = time.GetUtcNow();

            await Save();
            await KeepTime();
        }

        SelfDispatch();
    }

    public async Task Withdraw(string interactionId)
    {
        if (Forget(interactionId))
        {
            await Save();
            await KeepTime();
        }
    }

    public Task<QueuePolicy?> GetPolicy(CancellationToken cancellationToken = default) => Task.FromResult(config is null ? null : Policy(config));

    public Task<WaitingHead?> PeekHead(CancellationToken cancellationToken = default)
    {
        // The head even while it is being offered: an agent asked to take worse work elsewhere must see it.
        var head = waiting.Head;
        return Task.FromResult(head is null ? null : new WaitingHead(queueId, head.InteractionId, head.Priority, head.EnqueuedAt, config?.Media ?? Domain.Queues.QueueSettings.DefaultMedia));
    }

    public Task<IReadOnlyList<WaitingItem>> GetWaiting(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<WaitingItem>>([.. waiting.Items.Select(ToItem)]);

    /// <summary>
    /// Offers the head of the queue to eligible members, best first by strategy, until the work runs out or nobody
    /// left can take it. Each attempt goes through the interaction, which asks the agent to hold the offer; it carries why
    /// that agent, from what the router knows already of its members.
    /// </summary>
    public async Task Dispatch()
    {
        if (config is null)
        {
            return;
        }

        var policy = Policy(config);
        while (waiting.Head is { } work)
        {
            var candidates = AgentSelector.Order(
                config.Strategy,
                members.Where(m => m.Value.EligibleFor(config.Media)).Select(m => new RoutingCandidate(m.Key, m.Value.SkillLevel, m.Value.Readiness!.IdleSince, m.Value.Readiness.Load)),
                state.State.LastOffered,
                work.PreferredAgentId);
            if (candidates.Count == 0)
            {
                return;
            }

            var unavailable = Unavailable(config.Media);
            var refused = new List<SkippedMember>();
            var resolved = false;
            foreach (var candidate in candidates)
            {
                var routing = AgentSelector.Explain(config.Strategy, candidates, candidate, work.PreferredAgentId, refused, unavailable, time.GetUtcNow());
                var attempt = await Interaction(work.InteractionId).TryOffer(queueId, candidate.AgentId, policy, ToItem(work), routing.ToView());
                if (attempt.Attempt == OfferAttempt.AgentUnavailable)
                {
                    var why = attempt.Refused ?? SkipReason.Unknown;
                    refused.Add(new SkippedMember(candidate.AgentId, why));
                    members[candidate.AgentId] = members[candidate.AgentId].Passed(config.Media, why);
                    continue;
                }

                if (attempt.Attempt == OfferAttempt.Offered)
                {
                    members[candidate.AgentId] = members[candidate.AgentId].Passed(config.Media, SkipReason.HasOffer);
                    state.State.LastOffered = candidate.AgentId;
                    RouterLog.Offered(logger, tenantId, queueId, work.InteractionId, candidate.AgentId);
                }

                // Offered, or no longer waiting here (abandoned, moved): either way it leaves the queue.
                Forget(work.InteractionId);
                await Save();
                resolved = true;
                break;
            }

            if (!resolved)
            {
                return; // nobody could take the head now; the next notice from a member tries again
            }
        }

        await KeepTime();
    }

    /// <summary>The members who may not be offered work of <paramref name="media"/> now, and why, as far as the router knows.</summary>
    private List<SkippedMember> Unavailable(MediaType media)
    {
        var unavailable = new List<SkippedMember>();
        foreach (var (agentId, member) in members)
        {
            if (member.WhyNot(media) is { } why)
            {
                unavailable.Add(new SkippedMember(agentId, why));
            }
        }

        return unavailable;
    }

    private bool Forget(string interactionId)
    {
        arrivedAt.Remove(interactionId);
        overflowRefused.Remove(interactionId);
        return waiting.Remove(interactionId, out _);
    }

    /// <summary>Stores the waiting list as it is in memory, with today's figures and the round-robin position.</summary>
    private async Task Save()
    {
        await state.WriteAsync(this, s =>
        {
            s.Waiting = [.. waiting.Items.Select(ToItem)];
            s.NextSequence = waiting.NextSequence;
        });
        StatsChanged();
    }

    private void SelfDispatch() => this.AsReference<IQueueRouterGrain>().Dispatch().Ignore();

    private WaitingItem ToItem(WaitingWork w) => new(w.InteractionId, w.Priority, w.EnqueuedAt, w.Sequence, arrivedAt.GetValueOrDefault(w.InteractionId, w.EnqueuedAt), w.PreferredAgentId);

    private static QueuePolicy Policy(QueueConfig c) =>
        new(c.OfferTimeoutSeconds, c.TransactionCodes, c.WrapUp.CodeRequired, c.WrapUp.MaxSeconds, c.RejectAgentState, c.Media);

    private IInteractionGrain Interaction(string interactionId) => GrainFactory.GetGrain<IInteractionGrain>(GrainKeys.Interaction(tenantId, interactionId));
}
