using Microsoft.Extensions.Logging;
using Switchboard.Contracts;
using Switchboard.Contracts.Agents;
using Switchboard.Contracts.Live;
using Switchboard.Contracts.Queues;
using Switchboard.Contracts.Tenancy;
using Switchboard.Domain.Agents;
using Switchboard.Domain.Queues;
using Switchboard.Domain.Routing;
using Switchboard.Domain.Tenancy;
using Switchboard.Grains.Live;

namespace Switchboard.Grains.Agents;

/// <summary>
/// One agent. Thin: loads state, asks <see cref="AgentStateMachine"/>, persists the new status with its audit entry.
/// </summary>
public sealed class AgentGrain(
    [PersistentState("agent", StorageNames.Default)] IPersistentState<AgentGrainState> state,
    [FromKeyedServices(SwitchboardClock.ServiceKey)] TimeProvider time,
    Scheduling.DeadlineScheduler deadlines,
    ILogger<AgentGrain> logger) : Grain, IAgentGrain
{
    /// <summary>How many audit entries the agent row holds before they are copied to a history page.</summary>
    internal const int ArchiveBatchSize = 10;

    private string tenantId = "";
    private string agentId = "";

    /// <summary>
    /// Entries up to this sequence are on history pages but still in the stored row: the next write drops them, which
    /// saves a write per batch. Lost with the activation, they are copied again (page appends are idempotent).
    /// </summary>
    private long archivedNotYetDropped;

    /// <summary>
    /// The longest an offer can be open (the longest offer timeout a queue may set, 300 s, and a margin). A held offer
    /// older than this is a leftover of a failure between the agent agreeing and the interaction recording it: the agent
    /// lets it go rather than be blocked by it for ever.
    /// </summary>
    internal static readonly TimeSpan HeldOfferLimit = TimeSpan.FromSeconds(330);

    /// <summary>How long the agent waits for a queue with better work to offer it before taking what it is offered.</summary>
    private static readonly TimeSpan PreferenceWindow = TimeSpan.FromSeconds(2);

    /// <summary>The routed offer last declined in favour of better work in another queue, and since when.</summary>
    private string? preferredElsewhere;

    private DateTimeOffset preferredSince;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var parts = GrainKeys.Split(this.GetPrimaryKeyString());
        (tenantId, agentId) = (parts[0], parts[1]);

        // A notice lost with a failed silo would leave queues thinking this agent busy: repeat it on activation.
        NotifyQueues(null);
        WatchHeldOffer();
        return Task.CompletedTask;
    }

    public async Task<CreateAgentResult> Create(AgentProfile profile, CancellationToken cancellationToken = default)
    {
        var current = state.State;
        if (current.Exists)
        {
            var same = current.Profile == profile;
            if (same)
            {
                // A retried create: make sure the roster has it, in case the first attempt failed after writing.
                await Roster.Upsert(profile);
            }

            return new CreateAgentResult(same ? CreateAgentOutcome.AlreadyExists : CreateAgentOutcome.Conflict, ToRecord());
        }

        var now = time.GetUtcNow();
        await Persist(s =>
        {
            s.Exists = true;
            s.Profile = profile;
            s.CreatedAt = now;
            s.UpdatedAt = now;
            if (s.Version == 0)
            {
                s.Since = now;
            }
        });
        await Roster.Upsert(profile);
        AgentLog.Created(logger, tenantId, agentId);
        return new CreateAgentResult(CreateAgentOutcome.Created, ToRecord());
    }

    public Task<AgentRecord?> Get(CancellationToken cancellationToken = default) => Task.FromResult(state.State.Exists ? ToRecord() : null);

    public async Task<AgentRecord?> Update(AgentProfilePatch patch, CancellationToken cancellationToken = default)
    {
        if (!state.State.Exists)
        {
            return null;
        }

        var old = state.State.Profile!;
        var updated = old with
        {
            DisplayName = patch.DisplayName ?? old.DisplayName,
            Group = patch.Group is null ? old.Group : patch.Group.Length == 0 ? null : patch.Group,
        };
        if (updated != old)
        {
            var now = time.GetUtcNow();
            await Persist(s =>
            {
                s.Profile = updated;
                s.UpdatedAt = now;
            });
        }

        // Always, so a retry repairs a roster that missed the first attempt.
        await Roster.Upsert(updated);
        return ToRecord();
    }

    public async Task<DeleteAgentOutcome> Delete(string? actorId, CancellationToken cancellationToken = default)
    {
        if (!state.State.Exists)
        {
            // A retried delete: make sure the roster no longer lists the agent.
            await Roster.Remove(agentId);
            return DeleteAgentOutcome.NotFound;
        }

        await ReleaseStaleOffer();
        if (state.State.State is AgentState.Busy or AgentState.WrapUp || state.State.HeldOffer is not null)
        {
            return DeleteAgentOutcome.HandlingWork;
        }

        // Out of the queues first: if that fails the agent stays as it was and a retried delete does it again
        // (ForgetMember is idempotent). ForgetMember never calls back, so waiting on it here cannot deadlock.
        await Task.WhenAll(state.State.Queues.Keys.ToList().Select(queueId => Queue(queueId).ForgetMember(agentId, cancellationToken)));

        var logout = new ChangeState(AgentState.LoggedOut, null, StateActor.Supervisor, actorId, "agent deleted");
        var decision = AgentStateMachine.Decide(state.State.ToStatus(), logout, StatusCodeCatalog.Empty, time.GetUtcNow());
        await Commit(decision, s =>
        {
            s.Exists = false;
            s.Profile = null;
            s.Queues.Clear();
        });
        await Roster.Remove(agentId);
        AgentLog.Deleted(logger, tenantId, agentId);
        return DeleteAgentOutcome.Deleted;
    }

    public Task<AgentStateView?> GetState(CancellationToken cancellationToken = default) =>
        Task.FromResult(state.State.Exists ? state.State.ToStatus().ToView() : null);

    public Task<AgentPresence?> GetPresence(CancellationToken cancellationToken = default) =>
        Task.FromResult(state.State.Exists ? new AgentPresence(state.State.Profile!, state.State.ToStatus().ToView(), CurrentWorkMedia(state.State)) : null);

    public async Task<StateChangeResult> ChangeState(StateChangeRequest request, CancellationToken cancellationToken = default)
    {
        if (!state.State.Exists)
        {
            return new StateChangeResult(StateChangeOutcome.AgentNotFound, null, $"Agent '{agentId}' does not exist.");
        }

        await ReleaseStaleOffer();
        var status = state.State.ToStatus();
        if (state.State.HeldOffer is { } held)
        {
            // The offer resolves first (accept, reject, or its timeout): a change now could leave a call accepted by an
            // agent on break, or have the no-answer rule log a logged-out agent back in.
            return new StateChangeResult(StateChangeOutcome.TransitionNotAllowed, status.ToView(),
                $"Agent '{agentId}' is being offered interaction '{held.InteractionId}': accept or reject it first.");
        }

        if (request.ExpectedVersion is { } expected && expected != status.Version)
        {
            return new StateChangeResult(StateChangeOutcome.PreconditionFailed, status.ToView(),
                $"If-Match does not match the agent's current ETag \"{status.Version}\"; read the state again and retry.");
        }

        var codes = await GrainFactory.GetGrain<ITenantGrain>(tenantId).GetStatusCodes(cancellationToken);
        var catalog = new StatusCodeCatalog(codes.Select(c => new StatusCodeDefinition(c.Code, c.Label, c.States)));
        var command = new ChangeState(request.Target, request.ReasonCode, request.Actor, request.ActorId, request.Reason);
        return await Run(command, catalog);
    }

    public async Task<StateHistoryPage?> GetHistory(long? before, int limit, CancellationToken cancellationToken = default)
    {
        var current = state.State;
        if (!current.Exists)
        {
            return null;
        }

        if (limit <= 0)
        {
            return new StateHistoryPage([], before);
        }

        var upper = Math.Min(before ?? long.MaxValue, current.Version + 1); // exclusive
        var items = current.RecentHistory
            .Where(e => e.Sequence < upper && e.Sequence > current.ArchivedThrough)
            .OrderByDescending(e => e.Sequence)
            .Take(limit)
            .ToList();

        var pageUpper = Math.Min(upper, current.ArchivedThrough + 1); // exclusive
        for (var page = (pageUpper - 2) / IAgentHistoryPageGrain.Size; page >= 0 && pageUpper > 1 && items.Count < limit; page--)
        {
            var entries = await HistoryPage(page).GetEntries(cancellationToken);
            items.AddRange(entries.Where(e => e.Sequence < pageUpper).OrderByDescending(e => e.Sequence).Take(limit - items.Count));
        }

        var nextBefore = items.Count == limit && items[^1].Sequence > 1 ? items[^1].Sequence : (long?)null;
        return new StateHistoryPage(items, nextBefore);
    }

    /// <summary>Work starts (Busy); an offer of the same interaction held so far becomes that work.</summary>
    public Task<StateChangeResult> StartWork(string workId, MediaType media = MediaType.Voice, CancellationToken cancellationToken = default) =>
        RunExisting(new StartWork(workId), s =>
        {
            if (s.HeldOffer?.InteractionId == workId)
            {
                s.HeldOffer = null;
            }

            if (s.ActiveWork.Contains(workId, StringComparer.Ordinal))
            {
                s.WorkMedia[workId] = media;
            }
        }, evenIfUnchanged: true);

    public Task<StateChangeResult> EndWork(string workId, CancellationToken cancellationToken = default) =>
        RunExisting(new EndWork(workId), s =>
        {
            if (s.State == AgentState.WrapUp)
            {
                s.WrapUpFor = workId;
            }
        });

    public async Task<StateChangeResult> CompleteWrapUpFor(string workId, CancellationToken cancellationToken = default)
    {
        if (state.State.State != AgentState.WrapUp || (state.State.WrapUpFor is { } current && current != workId))
        {
            return new StateChangeResult(StateChangeOutcome.Unchanged, state.State.Exists ? state.State.ToStatus().ToView() : null, "Not in the wrap-up of this work.");
        }

        return await RunExisting(new CompleteWrapUp(), s => s.WrapUpFor = null);
    }

    public async Task<bool> TryHoldOffer(OfferHold hold, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(hold);
        await ReleaseStaleOffer();
        var current = state.State;
        if (current.HeldOffer?.InteractionId == hold.InteractionId)
        {
            return true;
        }

        var holds = current.HeldOffer is not null;
        if (!current.Exists || !(hold.Routed ? RoutingEligibility.CanTakeRoutedOffer(current.State, holds) : RoutingEligibility.CanTakeDirectOffer(current.State, holds)))
        {
            return false;
        }

        var now = time.GetUtcNow();
        var insisted = hold.InteractionId == preferredElsewhere && now - preferredSince >= PreferenceWindow;
        if (hold.Routed && hold.QueueId is { } queueId && current.Queues.Count > 1 && !insisted)
        {
            // An agent in several queues takes the oldest, most urgent work among them: if another queue has better work,
            // say no and tell that queue to offer it. Should that queue not do so within the preference window (its work
            // went elsewhere, or it does not know this agent as a member), every queue hears from the agent again, and the
            // same work offered again is then taken: the agent never idles, and never bounces work for ever.
            var offered = new QueueHead(queueId, hold.InteractionId, hold.Priority, hold.EnqueuedAt);
            var heads = await Task.WhenAll(current.Queues.Keys.Where(q => q != queueId).Select(q => Router(q).PeekHead(cancellationToken)));
            var better = WorkSelection.Best(heads.Where(h => h is not null).Select(h => new QueueHead(h!.QueueId, h.InteractionId, h.Priority, h.EnqueuedAt)));
            if (better is not null && WorkSelection.IsBetter(better, offered) && IdleSince(state.State) is { } idleSince)
            {
                if (preferredElsewhere != hold.InteractionId)
                {
                    (preferredElsewhere, preferredSince) = (hold.InteractionId, now);
                }

                Router(better.QueueId).MemberAvailable(agentId, idleSince).Ignore();
                var key = this.GetPrimaryKeyString();
                deadlines.Schedule("agent-preference/" + key, now + PreferenceWindow, grains => grains.GetGrain<IAgentGrain>(key).RenotifyQueues());
                return false;
            }
        }

        preferredElsewhere = null;
        await Persist(s => s.HeldOffer = new HeldOfferRecord(hold.InteractionId, hold.QueueId, hold.Routed, now));
        WatchHeldOffer();
        return true;
    }

    public async Task ReleaseOffer(string interactionId, CancellationToken cancellationToken = default)
    {
        if (state.State.HeldOffer?.InteractionId == interactionId)
        {
            var now = time.GetUtcNow();
            await Persist(s =>
            {
                s.HeldOffer = null;
                s.LastOfferEndedAt = now;
            });
        }
    }

    public Task OfferNotAnswered(string interactionId, CancellationToken cancellationToken = default) =>
        EndOffer(interactionId, AgentState.Break, SystemReasonCodes.NoAnswer, "offer not answered in time");

    public Task OfferRejected(string interactionId, AgentState? then, CancellationToken cancellationToken = default) =>
        then is { } state
            ? EndOffer(interactionId, state, state == AgentState.Available ? null : SystemReasonCodes.Rejected, "offer rejected")
            : ReleaseOffer(interactionId, cancellationToken);

    public Task<DateTimeOffset?> GetRoutingStatus(CancellationToken cancellationToken = default) => Task.FromResult(IdleSince(state.State));

    public async Task ReleaseStaleOffer()
    {
        if (state.State.HeldOffer is { } held && time.GetUtcNow() - held.At >= HeldOfferLimit)
        {
            AgentLog.StaleOfferReleased(logger, tenantId, agentId, held.InteractionId);
            await ReleaseOffer(held.InteractionId);
        }
    }

    public Task<IReadOnlyList<string>> GetCurrentWork(CancellationToken cancellationToken = default)
    {
        var s = state.State;
        IEnumerable<string?> work = s.Exists ? [.. s.ActiveWork, s.WrapUpFor, s.HeldOffer?.InteractionId] : [];
        return Task.FromResult<IReadOnlyList<string>>([.. work.OfType<string>().Distinct(StringComparer.Ordinal)]);
    }

    public Task RenotifyQueues()
    {
        NotifyQueues(null);
        return Task.CompletedTask;
    }

    public Task<StateChangeResult> CompleteWrapUp(CancellationToken cancellationToken = default) => RunExisting(new CompleteWrapUp());

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

    /// <summary>
    /// Runs a system command on an existing agent; <c>alsoChange</c> is written with a change of status, and with
    /// <c>evenIfUnchanged</c> also alone when it changes anything.
    /// </summary>
    private async Task<StateChangeResult> RunExisting(AgentCommand command, Action<AgentGrainState>? alsoChange = null, bool evenIfUnchanged = false)
    {
        if (!state.State.Exists)
        {
            return new StateChangeResult(StateChangeOutcome.AgentNotFound, null, $"Agent '{agentId}' does not exist.");
        }

        var decision = AgentStateMachine.Decide(state.State.ToStatus(), command, StatusCodeCatalog.Empty, time.GetUtcNow());
        if (decision.Changed || (evenIfUnchanged && alsoChange is not null && NeedsWrite(alsoChange)))
        {
            await Commit(decision, alsoChange ?? (static _ => { }));
            if (decision.Changed)
            {
                AgentLog.StateChanged(logger, tenantId, agentId, decision.Status.State, decision.Status.Version);
            }
        }

        return new StateChangeResult(decision.ToOutcome(), decision.Status.ToView(), decision.Detail);
    }

    /// <summary>Whether <paramref name="change"/> would change anything persisted beyond the status (tried on a copy).</summary>
    private bool NeedsWrite(Action<AgentGrainState> change)
    {
        var copy = Copy(state.State);
        change(copy);
        return copy.HeldOffer != state.State.HeldOffer || copy.WrapUpFor != state.State.WrapUpFor
            || copy.WorkMedia.Count != state.State.WorkMedia.Count
            || copy.WorkMedia.Any(w => !state.State.WorkMedia.TryGetValue(w.Key, out var media) || media != w.Value);
    }

    /// <summary>An offer this agent holds ends unanswered or rejected: released, and the agent moved by the system.</summary>
    private async Task EndOffer(string interactionId, AgentState then, string? code, string reason)
    {
        if (state.State.HeldOffer?.InteractionId != interactionId)
        {
            return;
        }

        var now = time.GetUtcNow();
        var decision = AgentStateMachine.Decide(state.State.ToStatus(), new ChangeState(then, code, StateActor.System, null, reason), StatusCodeCatalog.Empty, now);
        await Commit(decision.Changed ? decision : new AgentDecision(DecisionOutcome.Unchanged, state.State.ToStatus(), null), s =>
        {
            s.HeldOffer = null;
            s.LastOfferEndedAt = now;
        });
    }

    /// <summary>Schedules the check that lets a held offer lapse at <see cref="HeldOfferLimit"/> (see there).</summary>
    private void WatchHeldOffer()
    {
        if (state.State.HeldOffer is { } held)
        {
            var key = this.GetPrimaryKeyString();
            deadlines.Schedule("agent-offer/" + key, held.At + HeldOfferLimit, grains => grains.GetGrain<IAgentGrain>(key).ReleaseStaleOffer());
        }
    }

    /// <summary>The media of the work the agent is busy with (see <see cref="Presence.WorkMedia"/>), or null.</summary>
    private static MediaType? CurrentWorkMedia(AgentGrainState s) =>
        Presence.WorkMedia([.. s.ActiveWork.Select(w => s.WorkMedia.GetValueOrDefault(w, MediaType.Voice))]);

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

    private async Task<StateChangeResult> Run(AgentCommand command, StatusCodeCatalog catalog)
    {
        var decision = AgentStateMachine.Decide(state.State.ToStatus(), command, catalog, time.GetUtcNow());
        if (decision.Changed)
        {
            await Commit(decision, static _ => { });
            AgentLog.StateChanged(logger, tenantId, agentId, decision.Status.State, decision.Status.Version);
        }

        return new StateChangeResult(decision.ToOutcome(), decision.Status.ToView(), decision.Detail);
    }

    /// <summary>
    /// One write commits the new status together with its audit entry. Entries are copied to history pages in
    /// batches afterwards, so the hot path costs a single storage write and no entry is ever only in memory.
    /// </summary>
    private async Task Commit(AgentDecision decision, Action<AgentGrainState> alsoChange)
    {
        await Persist(s =>
        {
            s.Apply(decision.Status);
            if (decision.AuditEntry is { } entry)
            {
                s.RecentHistory.Add(entry.ToWire());
            }

            alsoChange(s);

            // The media of work that ended goes with it.
            foreach (var ended in s.WorkMedia.Keys.Where(w => !s.ActiveWork.Contains(w, StringComparer.Ordinal)).ToList())
            {
                s.WorkMedia.Remove(ended);
            }
        });

        if (state.State.RecentHistory.Count(e => e.Sequence > archivedNotYetDropped) >= ArchiveBatchSize)
        {
            await ArchiveRecentHistory();
        }
    }

    private async Task ArchiveRecentHistory()
    {
        var archived = Math.Max(state.State.ArchivedThrough, archivedNotYetDropped);
        var pending = state.State.RecentHistory
            .Where(e => e.Sequence > archived)
            .OrderBy(e => e.Sequence)
            .ToList();
        if (pending.Count == 0)
        {
            return;
        }

        try
        {
            foreach (var page in pending.GroupBy(e => (e.Sequence - 1) / IAgentHistoryPageGrain.Size))
            {
                await HistoryPage(page.Key).Append([.. page]);
            }

            archivedNotYetDropped = pending[^1].Sequence;
        }
        catch (Exception exception)
        {
            // The change itself is committed and its entries are still in RecentHistory: the next change retries.
            AgentLog.ArchiveFailed(logger, exception, tenantId, agentId);
        }
    }

    /// <summary>Applies a change and writes it; if the write fails the in-memory state is put back as it was.</summary>
    private async Task Persist(Action<AgentGrainState> change)
    {
        var snapshot = Copy(state.State);
        var idleBefore = IdleSince(snapshot);
        change(state.State);
        DropArchivedEntries(state.State);
        try
        {
            await state.WriteStateAsync();
        }
        catch (Exception exception)
        {
            state.State = snapshot;
            AgentLog.WriteFailed(logger, exception, tenantId, agentId);
            if (exception is InconsistentStateException)
            {
                // Someone else wrote this agent: reload on next call rather than keep a stale copy.
                DeactivateOnIdle();
            }

            throw;
        }

        if (!NotifyQueues(idleBefore) && snapshot.State != state.State.State)
        {
            // Queue figures count members by state, not only those who can take work.
            foreach (var queueId in state.State.Queues.Keys)
            {
                Router(queueId).MemberStateChanged(agentId).Ignore();
            }
        }

        if (snapshot.Version != state.State.Version || snapshot.Profile != state.State.Profile || snapshot.Exists != state.State.Exists)
        {
            await PublishChange(snapshot.Profile);
        }
    }

    /// <summary>Tells consoles (agent and directory topics) of a stored change of state or profile.</summary>
    private Task PublishChange(AgentProfile? before)
    {
        var s = state.State;
        var profile = s.Profile ?? before;
        var entry = s.RecentHistory.Count > 0 && s.RecentHistory[^1].Sequence == s.Version ? s.RecentHistory[^1] : null;
        var change = new AgentChanged(agentId, profile?.DisplayName ?? agentId, profile?.Group, s.ToStatus().ToView(), CurrentWorkMedia(s), !s.Exists, time.GetUtcNow(),
            entry?.Actor, entry?.ActorId, entry?.Reason,
            before is not null && s.Profile is not null && before != s.Profile, before?.Group);
        return this.PublishLive(LiveStreams.Agents, tenantId, change, logger);
    }

    private void DropArchivedEntries(AgentGrainState s)
    {
        if (archivedNotYetDropped > s.ArchivedThrough)
        {
            s.ArchivedThrough = archivedNotYetDropped;
            s.RecentHistory = [.. s.RecentHistory.Where(e => e.Sequence > archivedNotYetDropped)];
        }
    }

    private static AgentGrainState Copy(AgentGrainState s) => new()
    {
        Exists = s.Exists,
        Profile = s.Profile,
        CreatedAt = s.CreatedAt,
        UpdatedAt = s.UpdatedAt,
        State = s.State,
        ReasonCode = s.ReasonCode,
        Since = s.Since,
        Version = s.Version,
        Next = s.Next,
        ResumeState = s.ResumeState,
        ResumeReasonCode = s.ResumeReasonCode,
        ActiveWork = [.. s.ActiveWork],
        RecentHistory = [.. s.RecentHistory],
        ArchivedThrough = s.ArchivedThrough,
        Queues = new(s.Queues, StringComparer.Ordinal),
        HeldOffer = s.HeldOffer,
        WrapUpFor = s.WrapUpFor,
        LastOfferEndedAt = s.LastOfferEndedAt,
        WorkMedia = new(s.WorkMedia, StringComparer.Ordinal),
    };

    private AgentRecord ToRecord() => new(state.State.Profile!, state.State.CreatedAt, state.State.UpdatedAt);

    private IAgentRosterGrain Roster => GrainFactory.GetGrain<IAgentRosterGrain>(tenantId);

    private IQueueGrain Queue(string queueId) => GrainFactory.GetGrain<IQueueGrain>(GrainKeys.Queue(tenantId, queueId));

    private IQueueRouterGrain Router(string queueId) => GrainFactory.GetGrain<IQueueRouterGrain>(GrainKeys.Queue(tenantId, queueId));

    private IAgentHistoryPageGrain HistoryPage(long page) =>
        GrainFactory.GetGrain<IAgentHistoryPageGrain>(GrainKeys.AgentHistoryPage(tenantId, agentId, page));
}
