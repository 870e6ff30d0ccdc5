using Microsoft.Extensions.Logging;
using Switchboard.Contracts;
using Switchboard.Contracts.Agents;
using Switchboard.Contracts.Interactions;
using Switchboard.Contracts.Live;
using Switchboard.Contracts.Queues;
using Switchboard.Domain.Agents;
using Switchboard.Domain.Queues;
using Switchboard.Domain.Routing;
using Switchboard.Grains.Live;
using Switchboard.Grains.Scheduling;

namespace Switchboard.Grains.Routing;

/// <summary>
/// Routing for one queue. Offers go head of the queue first, to members in the order of the queue's strategy; the agent
/// grain has the last word (it holds at most one offer, and prefers older work of its other queues). Every queue routes
/// on its own, so routing scales out with the number of queues; no grain sees all of a tenant's work.
/// </summary>
public sealed class QueueRouterGrain(
    [PersistentState("router", StorageNames.Default)] IPersistentState<QueueRouterState> state,
    [FromKeyedServices(SwitchboardClock.ServiceKey)] TimeProvider time,
    DeadlineScheduler deadlines,
    ILogger<QueueRouterGrain> logger) : Grain, IQueueRouterGrain, IRemindable
{
    private const string ReminderName = "queue-overflow";

    /// <summary>Service level: the share of calls answered within this wait (the usual 80/20 target's 20 s).</summary>
    private static readonly TimeSpan ServiceLevel = TimeSpan.FromSeconds(20);

    /// <summary>How often at most the queue's figures are published to consoles.</summary>
    internal static readonly TimeSpan StatsInterval = TimeSpan.FromSeconds(1);

    private readonly Dictionary<string, MemberAvailability> members = new(StringComparer.Ordinal);

    /// <summary>Members whose availability has not been asked yet (loaded during activation).</summary>
    private readonly HashSet<string> statusesUnknown = new(StringComparer.Ordinal);

    /// <summary>When each waiting item arrived in this queue (overflow counts from it; order counts from EnqueuedAt).</summary>
    private readonly Dictionary<string, DateTimeOffset> arrivedAt = new(StringComparer.Ordinal);

    /// <summary>Waiting work that would not move to the overflow queue (a consult, or the target is gone): it stays.</summary>
    private readonly HashSet<string> overflowRefused = new(StringComparer.Ordinal);
    private string tenantId = "";
    private string queueId = "";
    private QueueConfig? config;
    private WaitingList waiting = new();
    private bool reminderActive;
    private bool statsDirty;
    private DateTimeOffset statsPublishedAt = DateTimeOffset.MinValue;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var parts = GrainKeys.Split(this.GetPrimaryKeyString());
        (tenantId, queueId) = (parts[0], parts[1]);
        waiting = new WaitingList(state.State.Waiting.Select(w => new WaitingWork(w.InteractionId, w.Priority, w.EnqueuedAt, w.Sequence)), state.State.NextSequence);
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

    public async Task Enqueue(string interactionId, int priority, DateTimeOffset enqueuedAt, bool requeue, long? sequence)
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
                waiting.Restore(new WaitingWork(interactionId, priority, enqueuedAt, number));
            }
            else
            {
                waiting.Add(interactionId, priority, enqueuedAt);
            }

            arrivedAt[interactionId] = time.GetUtcNow();

            if (!requeue)
            {
                Today().Offered++;
            }

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
        return Task.FromResult(head is null ? null : new WaitingHead(queueId, head.InteractionId, head.Priority, head.EnqueuedAt));
    }

    public Task<IReadOnlyList<WaitingItem>> GetWaiting(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<WaitingItem>>([.. waiting.Items.Select(ToItem)]);

    public Task MemberAvailable(string agentId, DateTimeOffset idleSince)
    {
        if (members.TryGetValue(agentId, out var member))
        {
            members[agentId] = member with { IdleSince = idleSince };
            SelfDispatch();
            StatsChanged();
        }

        return Task.CompletedTask;
    }

    public Task MemberUnavailable(string agentId)
    {
        if (members.TryGetValue(agentId, out var member))
        {
            members[agentId] = member with { IdleSince = null };
            StatsChanged();
        }

        return Task.CompletedTask;
    }

    public Task MemberStateChanged(string agentId)
    {
        if (members.ContainsKey(agentId))
        {
            StatsChanged();
        }

        return Task.CompletedTask;
    }

    public async Task PublishStats()
    {
        statsDirty = false;
        statsPublishedAt = time.GetUtcNow();
        if (await GetStats() is { } stats)
        {
            await this.PublishLive(LiveStreams.Queues, tenantId, new QueueStatsChanged(stats), logger);
        }
    }

    public Task RecordAnswered(TimeSpan wait)
    {
        var today = Today();
        today.Answered++;
        today.AnswerWaitSeconds += wait.TotalSeconds;
        if (wait <= ServiceLevel)
        {
            today.AnsweredWithinServiceLevel++;
        }

        StatsChanged();

        // Figures are written with the next change of the waiting list: a count may be lost with a failed silo.
        return Task.CompletedTask;
    }

    public Task RecordAbandoned()
    {
        Today().Abandoned++;
        StatsChanged();
        return Task.CompletedTask;
    }

    public async Task<QueueStats?> GetStats(CancellationToken cancellationToken = default)
    {
        if (config is null)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var today = Today();
        var states = await Task.WhenAll(members.Keys.Select(id => GrainFactory.GetGrain<IAgentGrain>(GrainKeys.Agent(tenantId, id)).GetState(cancellationToken)));
        var byState = Enum.GetValues<AgentState>().ToDictionary(s => s, s => states.Count(v => v?.State == s));
        return new QueueStats(
            queueId,
            waiting.Count,
            waiting.OldestArrival is { } oldest ? Math.Max(0, (now - oldest).TotalSeconds) : null,
            byState,
            today.Offered,
            today.Answered,
            today.Abandoned,
            today.Answered > 0 ? today.AnswerWaitSeconds / today.Answered : null,
            (int)ServiceLevel.TotalSeconds,
            today.Answered + today.Abandoned > 0 ? 100.0 * today.AnsweredWithinServiceLevel / (today.Answered + today.Abandoned) : null,
            today.Day,
            now);
    }

    public async Task SettingsChanged()
    {
        await LoadSettings(askAgents: true, CancellationToken.None);
        SelfDispatch();
    }

    /// <summary>
    /// Offers the head of the queue to eligible members, best first by strategy, until the work runs out or nobody
    /// left can take it. Each attempt goes through the interaction, which asks the agent to hold the offer.
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
                members.Where(m => m.Value.Eligible).Select(m => new RoutingCandidate(m.Key, m.Value.SkillLevel, m.Value.IdleSince!.Value)),
                state.State.LastOffered);
            if (candidates.Count == 0)
            {
                return;
            }

            var resolved = false;
            foreach (var candidate in candidates)
            {
                var attempt = await Interaction(work.InteractionId).TryOffer(queueId, candidate.AgentId, policy, ToItem(work));
                if (attempt == OfferAttempt.AgentUnavailable)
                {
                    members[candidate.AgentId] = members[candidate.AgentId] with { IdleSince = null };
                    continue;
                }

                if (attempt == OfferAttempt.Offered)
                {
                    members[candidate.AgentId] = members[candidate.AgentId] with { IdleSince = null };
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

    public async Task CheckDeadlines(CancellationToken cancellationToken = default)
    {
        if (config?.Overflow is not { } overflow)
        {
            await KeepTime();
            return;
        }

        var now = time.GetUtcNow();
        var due = waiting.Items.Where(w => OverflowAt(w, overflow) is { } at && at <= now).ToList();
        if (due.Count > 0 && await GrainFactory.GetGrain<IQueueRouterGrain>(GrainKeys.Queue(tenantId, overflow.QueueId)).GetPolicy(cancellationToken) is null)
        {
            // The overflow queue is gone: the work stays here rather than go where nobody can take it.
            RouterLog.OverflowTargetMissing(logger, tenantId, queueId, overflow.QueueId);
            overflowRefused.UnionWith(due.Select(w => w.InteractionId));
            due.Clear();
        }

        foreach (var work in due)
        {
            // Handed on first; it leaves this queue only once the interaction took the move (a consult waiting here,
            // or work no longer waiting, does not move: a consult stays, and stale work is dropped by the next offer).
            if (await Interaction(work.InteractionId).MoveToQueue(queueId, overflow.QueueId, cancellationToken))
            {
                Forget(work.InteractionId);
                await Save();
            }
            else
            {
                overflowRefused.Add(work.InteractionId);
                RouterLog.OverflowSkipped(logger, tenantId, queueId, work.InteractionId);
            }
        }

        await KeepTime();
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        reminderActive = true;
        await CheckDeadlines();
        SelfDispatch();
        if (config?.Overflow is null || waiting.Count == 0)
        {
            if (await this.GetReminder(ReminderName) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }

            reminderActive = false;
        }
    }

    /// <summary>Reads settings and members; with <paramref name="askAgents"/>, also whether members not yet heard from can take work.</summary>
    private async Task LoadSettings(bool askAgents, CancellationToken cancellationToken)
    {
        var queue = GrainFactory.GetGrain<IQueueGrain>(this.GetPrimaryKeyString());
        config = (await queue.Get(cancellationToken))?.Config;
        var current = await queue.GetMembers(cancellationToken) ?? [];
        foreach (var gone in members.Keys.Except(current.Select(m => m.AgentId)).ToList())
        {
            members.Remove(gone);
        }

        var unknown = new List<string>();
        foreach (var member in current)
        {
            if (members.TryGetValue(member.AgentId, out var known))
            {
                members[member.AgentId] = known with { SkillLevel = member.SkillLevel };
            }
            else
            {
                members[member.AgentId] = new MemberAvailability(member.SkillLevel, null);
                unknown.Add(member.AgentId);
            }
        }

        if (!askAgents)
        {
            statusesUnknown.UnionWith(unknown);
            return;
        }

        // New members tell us whether they can take work now; after that they send notices themselves.
        unknown.AddRange(statusesUnknown.Where(id => members.ContainsKey(id) && !unknown.Contains(id)));
        statusesUnknown.Clear();
        var statuses = await Task.WhenAll(unknown.Select(id => GrainFactory.GetGrain<IAgentGrain>(GrainKeys.Agent(tenantId, id)).GetRoutingStatus(cancellationToken)));
        for (var i = 0; i < unknown.Count; i++)
        {
            if (statuses[i] is { } idleSince)
            {
                members[unknown[i]] = members[unknown[i]] with { IdleSince = idleSince };
            }
        }
    }

    /// <summary>The next overflow on the business clock, and a reminder while work waits, so that overflow survives a silo failure.</summary>
    private async Task KeepTime()
    {
        var next = config?.Overflow is { } overflow ? waiting.Items.Select(w => OverflowAt(w, overflow)).Where(at => at is not null).Min() : null;
        if (next is { } due)
        {
            var key = this.GetPrimaryKeyString();
            deadlines.Schedule(DeadlineKey, due, grains => grains.GetGrain<IQueueRouterGrain>(key).CheckDeadlines());
        }
        else
        {
            deadlines.Cancel(DeadlineKey);
        }

        // Only overflow needs the router woken after a silo failure (queued interactions re-confirm themselves, and
        // agents' notices wake it for offers). Registered when work waits in a queue with overflow; removed lazily, by a
        // tick that finds nothing to wait for, so that a queue emptying and filling does not write the reminder each time.
        if (next is not null && !reminderActive)
        {
            await this.RegisterOrUpdateReminder(ReminderName, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
            reminderActive = true;
        }
    }

    /// <summary>Today's figures, started again when the UTC day changed.</summary>
    private QueueRouterState Today()
    {
        var day = new DateTimeOffset(time.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero);
        if (state.State.Day != day)
        {
            state.State.Day = day;
            state.State.Offered = 0;
            state.State.Answered = 0;
            state.State.Abandoned = 0;
            state.State.AnswerWaitSeconds = 0;
            state.State.AnsweredWithinServiceLevel = 0;
        }

        return state.State;
    }

    /// <summary>When waiting work overflows: its wait limit counted from its arrival in this queue; null if it does not.</summary>
    private DateTimeOffset? OverflowAt(WaitingWork work, QueueOverflowConfig overflow) =>
        overflowRefused.Contains(work.InteractionId) ? null : arrivedAt.GetValueOrDefault(work.InteractionId, work.EnqueuedAt).AddSeconds(overflow.AfterSeconds);

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

    /// <summary>
    /// Consoles see the figures at most <see cref="StatsInterval"/> late and at most once per interval: the first change
    /// after a quiet interval is published at once, later ones together at the end of the interval.
    /// </summary>
    private void StatsChanged()
    {
        if (statsDirty)
        {
            return;
        }

        statsDirty = true;
        var key = this.GetPrimaryKeyString();
        deadlines.Schedule("queue-stats/" + key, statsPublishedAt + StatsInterval, grains => grains.GetGrain<IQueueRouterGrain>(key).PublishStats());
    }

    private void SelfDispatch() => this.AsReference<IQueueRouterGrain>().Dispatch().Ignore();

    private WaitingItem ToItem(WaitingWork w) => new(w.InteractionId, w.Priority, w.EnqueuedAt, w.Sequence, arrivedAt.GetValueOrDefault(w.InteractionId, w.EnqueuedAt));

    private static QueuePolicy Policy(QueueConfig c) =>
        new(c.OfferTimeoutSeconds, c.TransactionCodes, c.WrapUp.CodeRequired, c.WrapUp.MaxSeconds, c.RejectAgentState);

    private string DeadlineKey => "queue/" + this.GetPrimaryKeyString();

    private IInteractionGrain Interaction(string interactionId) => GrainFactory.GetGrain<IInteractionGrain>(GrainKeys.Interaction(tenantId, interactionId));
}
