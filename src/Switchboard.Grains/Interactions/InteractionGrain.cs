using Microsoft.Extensions.Logging;
using Switchboard.Contracts;
using Switchboard.Contracts.Agents;
using Switchboard.Contracts.Interactions;
using Switchboard.Contracts.Live;
using Switchboard.Contracts.Preferences;
using Switchboard.Contracts.Queues;
using Switchboard.Domain.Interactions;
using Switchboard.Grains.Live;
using Switchboard.Grains.Scheduling;
using Switchboard.Grains.Telephony;

namespace Switchboard.Grains.Interactions;

/// <summary>
/// One interaction. Thin: asks <see cref="InteractionMachine"/>, persists the record with the effects it asks for (an
/// outbox), then carries them out: queue and agent calls, telephony. Calls go one way only — interaction → queue and
/// interaction → agent — so that grains that wait on each other can never deadlock (see README, "How routing scales").
/// </summary>
public sealed class InteractionGrain(
    [PersistentState("interaction", StorageNames.Default)] IPersistentState<InteractionGrainState> state,
    [FromKeyedServices(SwitchboardClock.ServiceKey)] TimeProvider time,
    DeadlineScheduler deadlines,
    ITelephonyGateway telephony,
    ILogger<InteractionGrain> logger) : Grain, IInteractionGrain, IRemindable
{
    private const string ReminderName = "interaction-deadlines";

    private string tenantId = "";
    private string interactionId = "";
    /// <summary>Whether this interaction's reminder is registered; null until known (after an activation).</summary>
    private bool? reminderActive;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var parts = GrainKeys.Split(this.GetPrimaryKeyString());
        (tenantId, interactionId) = (parts[0], parts[1]);
        if (state.State.Record is not null)
        {
            // After a failure: finish what the last change asked for, and take up its deadlines again.
            await RunPendingEffects();
            await ConfirmQueued();
            await KeepTime();
            await EnsureIndexed();
        }
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        deadlines.Cancel(DeadlineKey);
        return Task.CompletedTask;
    }

    public async Task<InteractionResult> Create(CreateInteraction request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (state.State.Record is { } existing)
        {
            return new InteractionResult(InteractionOutcome.AlreadyExists, existing.ToView(), $"Interaction '{interactionId}' exists already.");
        }

        var now = time.GetUtcNow();
        var decision = InteractionMachine.Create(
            new NewInteraction(interactionId, request.Media, request.Direction, request.QueueId, request.AgentId, request.From, request.To, request.Priority, request.Actor),
            now);

        if (request.QueueId is null && request.AgentId is { } agentId)
        {
            // Direct and outbound work needs its agent's agreement before anything exists.
            if (!await HoldDirect(agentId, cancellationToken))
            {
                return new InteractionResult(InteractionOutcome.AgentUnavailable, null, $"Agent '{agentId}' cannot take a call now (on break, logged out, busy, or already offered one).");
            }
        }

        await CommitOrRelease(decision, request.QueueId is null ? request.AgentId : null);
        InteractionLog.Created(logger, tenantId, interactionId, decision.Record.State);
        await EnsureIndexed();
        return Result(decision);
    }

    public Task<InteractionView?> Get(CancellationToken cancellationToken = default) => Task.FromResult(state.State.Record?.ToView());

    public async Task<InteractionResult> Act(InteractionAction action, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (state.State.Record is not { } record)
        {
            return NotFound();
        }

        var now = time.GetUtcNow();
        var decision = InteractionMachine.Decide(record, action.ToCommand(), now);
        if (!decision.Applied)
        {
            return Result(decision);
        }

        string? held = null;
        TargetKind? passedTo = null;
        if (action.Kind is InteractionActionKind.Transfer or InteractionActionKind.Consult && action.TargetKind is { } kind)
        {
            if (await CheckTarget(kind, action.TargetId!, cancellationToken) is { } refusal)
            {
                return refusal;
            }

            held = kind == TargetKind.Agent ? action.TargetId : null;
            passedTo = kind;
        }

        await CommitOrRelease(decision, held);
        if (passedTo is { } targetKind)
        {
            RecordRecents(action.AgentId, targetKind, action.TargetId!, now);
        }

        return Result(decision);
    }

    public async Task<InteractionResult> ReportLeg(string legId, LegEventKind kind, CancellationToken cancellationToken = default)
    {
        if (state.State.Record is not { } record)
        {
            return NotFound();
        }

        var decision = InteractionMachine.Decide(record, new LegEvent(legId, kind), time.GetUtcNow());
        if (decision.Applied)
        {
            await Commit(decision);
        }

        return Result(decision);
    }

    public async Task<OfferAttempt> TryOffer(string queueId, string agentId, QueuePolicy policy, WaitingItem work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(work);
        if (state.State.Record is not { } record)
        {
            return OfferAttempt.NotWaiting;
        }

        var decision = InteractionMachine.Decide(record, new OfferToAgent(agentId, queueId, policy.ToDomain(), work.Sequence), time.GetUtcNow());
        if (!decision.Applied)
        {
            return OfferAttempt.NotWaiting;
        }

        // The work as it waits in that queue (a consult waits there since the consult began, not since the call did).
        var hold = new OfferHold(interactionId, queueId, work.Priority, work.EnqueuedAt, Routed: true);
        if (!await Agent(agentId).TryHoldOffer(hold, cancellationToken))
        {
            return OfferAttempt.AgentUnavailable;
        }

        await CommitOrRelease(decision, agentId);
        return OfferAttempt.Offered;
    }

    public async Task<bool> MoveToQueue(string fromQueueId, string toQueueId, CancellationToken cancellationToken = default)
    {
        if (state.State.Record is not { } record || record.QueueId != fromQueueId)
        {
            return false;
        }

        var decision = InteractionMachine.Decide(record, new Domain.Interactions.MoveToQueue(toQueueId), time.GetUtcNow());
        if (decision.Applied)
        {
            await Commit(decision);
        }

        return decision.Applied;
    }

    public async Task CheckDeadlines(CancellationToken cancellationToken = default)
    {
        if (state.State.Record is not { } record)
        {
            return;
        }

        var decision = InteractionMachine.Tick(record, time.GetUtcNow());
        if (decision.Applied)
        {
            await Commit(decision);
        }
        else
        {
            await KeepTime();
        }
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        reminderActive = true;
        await RunPendingEffects();
        await CheckDeadlines();
        if (state.State.Record is not null)
        {
            await ConfirmQueued();
        }
    }

    /// <summary>
    /// Lists the interaction in the index of its creation hour. A failure is not the caller's problem (the interaction
    /// exists): it is retried on the next activation, and the flag is written with the next change.
    /// </summary>
    private async Task EnsureIndexed()
    {
        if (state.State.Indexed || state.State.Record is not { } record)
        {
            return;
        }

        try
        {
            var shard = GrainKeys.InteractionIndexShard(interactionId);
            await GrainFactory.GetGrain<IInteractionIndexGrain>(GrainKeys.InteractionIndex(tenantId, record.CreatedAt, shard)).Add(new IndexedInteraction(interactionId, record.CreatedAt));
            state.State.Indexed = true;
        }
        catch (Exception exception)
        {
            InteractionLog.IndexFailed(logger, exception, tenantId, interactionId);
        }
    }

    /// <summary>
    /// Commits; if the write fails, the offer <paramref name="heldBy"/> agreed to hold for this change is released (and
    /// should that fail too, the agent lets a held offer lapse by itself, see <c>AgentGrain.HeldOfferLimit</c>).
    /// </summary>
    private async Task CommitOrRelease(InteractionDecision decision, string? heldBy)
    {
        try
        {
            await Commit(decision);
        }
        catch when (heldBy is not null)
        {
            try
            {
                await Agent(heldBy).ReleaseOffer(interactionId, CancellationToken.None);
            }
            catch (Exception release)
            {
                InteractionLog.EffectFailed(logger, release, tenantId, interactionId, nameof(ReleaseOffer));
            }

            throw;
        }
    }

    /// <summary>Persists the decision with its effects, then carries them out; a failed write changes nothing.</summary>
    private async Task Commit(InteractionDecision decision)
    {
        var before = state.State.Record;

        // Counts for the queue figures are sent once, after the write, never replayed from the outbox (a replay after a
        // restart would count the same call again; a count lost with a failed silo is the lesser harm).
        var counts = decision.Effects.Where(e => e is CountAnswered or CountAbandoned).ToList();
        await state.WriteAsync(this, s =>
        {
            s.Record = decision.Record;
            s.PendingEffects = [.. s.PendingEffects, .. decision.Effects.Where(e => e is not (CountAnswered or CountAbandoned))];
        });

        await PublishChange(before, decision.Record);
        foreach (var count in counts)
        {
            await Execute(count);
        }

        await RunPendingEffects();
        await KeepTime();
        if (Settled(decision.Record) && state.State.PendingEffects.Count == 0)
        {
            // Nothing more will happen to it: free the memory after this call rather than after the idle collection age.
            DeactivateOnIdle();
        }
    }

    /// <summary>
    /// Tells the consoles of the agents it concerns, before and after the change, that it changed: the agent it was just
    /// offered to sees <c>interaction.offered</c>, the others <c>interaction.updated</c>. Before the effects run, so an
    /// offer reaches the agent's console as soon as it is stored.
    /// </summary>
    private Task PublishChange(InteractionRecord? before, InteractionRecord after)
    {
        var agents = ConcernedAgents(before).Union(ConcernedAgents(after), StringComparer.Ordinal).ToList();
        if (agents.Count == 0)
        {
            return Task.CompletedTask;
        }

        var offeredTo = after.Offer is { } offer && (before?.Offer is not { } old || old.AgentId != offer.AgentId || old.OfferedAt != offer.OfferedAt)
            ? offer.AgentId
            : null;
        return this.PublishLive(LiveStreams.Interactions, tenantId, new InteractionChanged(after.ToView(), agents, offeredTo, time.GetUtcNow()), logger);
    }

    /// <summary>The agents an interaction is on the console of: offered to, handling, consulted, wrapping up.</summary>
    private static IEnumerable<string> ConcernedAgents(InteractionRecord? r)
    {
        if (r is null)
        {
            yield break;
        }

        if (r.Offer is { } offer)
        {
            yield return offer.AgentId;
        }

        if (r.Handler is { } handler)
        {
            yield return handler;
        }

        if (r.Consult?.AgentId is { } consulted)
        {
            yield return consulted;
        }

        foreach (var wrapUp in r.WrapUps.Where(w => w.CompletedAt is null))
        {
            yield return wrapUp.AgentId;
        }
    }

    /// <summary>
    /// Runs the outbox in order. Each effect is idempotent for this interaction, so running one twice after a failure is
    /// harmless; the first that fails stays in the outbox with everything after it, for the reminder to retry.
    /// </summary>
    private async Task RunPendingEffects()
    {
        var pending = state.State.PendingEffects;
        var done = 0;
        try
        {
            for (; done < pending.Count; done++)
            {
                await Execute(pending[done]);
            }
        }
        catch (Exception exception)
        {
            // In order or not at all: a later effect run before an earlier one failed (complete a wrap-up before the
            // work ended) would leave the agent stuck. The failed one and all after it wait for the reminder.
            InteractionLog.EffectFailed(logger, exception, tenantId, interactionId, pending[done].GetType().Name);
        }

        // Kept in memory only: the next write persists the shorter outbox; until then a replay is harmless.
        state.State.PendingEffects = [.. pending.Skip(done)];
    }


    private Task Execute(InteractionEffect effect) => effect switch
    {
        EnqueueWork e => Enqueue(e),
        LeaveQueue e => Queue(e.QueueId).Withdraw(interactionId),
        ReleaseOffer e => Agent(e.AgentId).ReleaseOffer(interactionId),
        MarkNoAnswer e => Agent(e.AgentId).OfferNotAnswered(interactionId),
        MarkRejected e => Agent(e.AgentId).OfferRejected(interactionId, e.State),
        StartAgentWork e => Agent(e.AgentId).StartWork(interactionId, e.Media),
        EndAgentWork e => Agent(e.AgentId).EndWork(interactionId),
        CompleteAgentWrapUp e => Agent(e.AgentId).CompleteWrapUpFor(interactionId),
        DialLeg e => Run(() => telephony.Dial(tenantId, interactionId, e.LegId, e.Party, e.Address)),
        HangUpLeg e => Run(() => telephony.HangUp(tenantId, interactionId, e.LegId)),
        CountAnswered e => Queue(e.QueueId).RecordAnswered(e.Wait),
        CountAbandoned e => Queue(e.QueueId).RecordAbandoned(),
        _ => throw new ArgumentOutOfRangeException(nameof(effect), effect.GetType().Name, "Unknown effect."),
    };

    /// <summary>
    /// The next deadline on the business clock, and a reminder while anything is due or pending, so that a silo failure
    /// does not lose it: the reminder wakes the interaction on another silo, which schedules the deadline again.
    /// </summary>
    private async Task KeepTime()
    {
        var record = state.State.Record!;
        if (record.NextDeadline is { } due)
        {
            var key = this.GetPrimaryKeyString();
            deadlines.Schedule(DeadlineKey, due, grains => grains.GetGrain<IInteractionGrain>(key).CheckDeadlines());
        }
        else
        {
            deadlines.Cancel(DeadlineKey);
        }

        // One reminder from creation until the interaction is over and settled: registered once and removed once, rather
        // than for each offer and wrap-up (each is a storage write of the reminder service, on the routing path).
        var needsReminder = !Settled(record) || record.NextDeadline is not null || state.State.PendingEffects.Count > 0 || WaitsInQueue(record);
        if (needsReminder && reminderActive != true)
        {
            await this.RegisterOrUpdateReminder(ReminderName, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
            reminderActive = true;
        }
        else if (!needsReminder && reminderActive != false)
        {
            if (await this.GetReminder(ReminderName) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }

            reminderActive = false;
        }

    }

    /// <summary>
    /// A transfer or consult goes to the recents of the agents on both ends. One way (the preferences grain calls nobody
    /// back) and not in the outbox: a report lost with a failure costs a console convenience, never a call.
    /// </summary>
    private void RecordRecents(string agentId, TargetKind kind, string targetId, DateTimeOffset at)
    {
        switch (kind)
        {
            case TargetKind.Queue:
                Preferences(agentId).RecordRecent(DirectoryKind.Queue, targetId, at).Ignore();
                break;
            case TargetKind.Agent:
                Preferences(agentId).RecordRecent(DirectoryKind.Agent, targetId, at).Ignore();
                Preferences(targetId).RecordRecent(DirectoryKind.Agent, agentId, at).Ignore();
                break;
            default:
                break; // an external number is not in the directory
        }
    }

    private async Task<bool> HoldDirect(string agentId, CancellationToken cancellationToken) =>
        await Agent(agentId).TryHoldOffer(new OfferHold(interactionId, null, 0, time.GetUtcNow(), Routed: false), cancellationToken);

    /// <summary>An agent target must agree to hold the offer first; a queue target must exist.</summary>
    private async Task<InteractionResult?> CheckTarget(TargetKind kind, string targetId, CancellationToken cancellationToken)
    {
        switch (kind)
        {
            case TargetKind.Agent when !await HoldDirect(targetId, cancellationToken):
                return new InteractionResult(InteractionOutcome.AgentUnavailable, state.State.Record!.ToView(), $"Agent '{targetId}' cannot take a call now (on break, logged out, busy, or already offered one).");
            case TargetKind.Queue when await Queue(targetId).GetPolicy(cancellationToken) is null:
                return new InteractionResult(InteractionOutcome.Invalid, state.State.Record!.ToView(), $"There is no queue '{targetId}'.");
            default:
                return null;
        }
    }

    private Task Enqueue(EnqueueWork effect) => Queue(effect.QueueId).Enqueue(interactionId, effect.Priority, effect.EnqueuedAt, effect.Requeue, effect.Sequence);

    /// <summary>
    /// While the interaction waits in a queue it tells the queue so again on activation and on each reminder tick
    /// (idempotent there): the enqueue is one way, and this is what makes sure no queued work is lost with a message.
    /// </summary>
    private Task ConfirmQueued()
    {
        var record = state.State.Record!;
        if (record.State == InteractionState.Queued && record.QueueId is { } queueId)
        {
            return Enqueue(new EnqueueWork(queueId, record.Priority, record.QueuedAt ?? record.CreatedAt, Requeue: true, record.QueueSequence));
        }

        return record.Consult is { Target.Kind: TargetKind.Queue, AgentId: null } consult && record.Offer is null
            ? Enqueue(new EnqueueWork(consult.Target.Id, record.Priority, consult.StartedAt, Requeue: true))
            : Task.CompletedTask;
    }

    /// <summary>Over, with every wrap-up done: nothing can happen to it any more.</summary>
    private static bool Settled(InteractionRecord record) =>
        record.State is InteractionState.WrappedUp or InteractionState.Abandoned or InteractionState.Failed && record.WrapUps.All(w => !w.IsOpen);

    private static bool WaitsInQueue(InteractionRecord record) =>
        record.State == InteractionState.Queued || record.Consult is { Target.Kind: TargetKind.Queue, AgentId: null };

    private static Task Run(Action action)
    {
        action();
        return Task.CompletedTask;
    }

    private static InteractionResult Result(InteractionDecision decision) =>
        new(decision.Kind.ToOutcome(), decision.Record.ToView(), decision.Detail);

    private InteractionResult NotFound() => new(InteractionOutcome.NotFound, null, $"There is no interaction '{interactionId}'.");

    private string DeadlineKey => "interaction/" + this.GetPrimaryKeyString();

    private IAgentGrain Agent(string agentId) => GrainFactory.GetGrain<IAgentGrain>(GrainKeys.Agent(tenantId, agentId));

    private IAgentPreferencesGrain Preferences(string agentId) => GrainFactory.GetGrain<IAgentPreferencesGrain>(GrainKeys.Agent(tenantId, agentId));

    private IQueueRouterGrain Queue(string queueId) => GrainFactory.GetGrain<IQueueRouterGrain>(GrainKeys.Queue(tenantId, queueId));
}
