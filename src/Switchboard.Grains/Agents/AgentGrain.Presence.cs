using Orleans.Serialization;
using Switchboard.Contracts.Agents;
using Switchboard.Contracts.Tenancy;
using Switchboard.Domain.Agents;
using Switchboard.Domain.Queues;
using Switchboard.Domain.Tenancy;

namespace Switchboard.Grains.Agents;

/// <summary>
/// The agent's presence: state changes asked by the agent or a supervisor and by the system (work starting and ending,
/// wrap-up), each committed with its audit entry, and the audit trail read back.
/// </summary>
public sealed partial class AgentGrain
{
    public Task<AgentStateView?> GetState(CancellationToken cancellationToken = default) =>
        Task.FromResult(state.State.Exists ? state.State.ToStatus().ToView() : null);

    public Task<AgentPresence?> GetPresence(CancellationToken cancellationToken = default) =>
        Task.FromResult(state.State.Exists ? new AgentPresence(state.State.Profile!, state.State.ToStatus().ToView(), CurrentWorkMedia(state.State), state.State.ActiveMedia()) : null);

    public async Task<StateChangeResult> ChangeState(StateChangeRequest request, CancellationToken cancellationToken = default)
    {
        if (!state.State.Exists)
        {
            return NotFound();
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

        // A sender of the previous version fills only the single expected version.
        var expected = request.ExpectedVersions ?? (request.ExpectedVersion is { } single ? [single] : null);
        if (expected is not null && !expected.Contains(status.Version))
        {
            return new StateChangeResult(StateChangeOutcome.PreconditionFailed, status.ToView(),
                $"If-Match does not match the agent's current ETag \"{status.Version}\"; read the state again and retry.");
        }

        var catalog = (await policies.GetAsync(tenantId, cancellationToken)).StatusCodes;
        var command = new ChangeState(request.Target, request.ReasonCode, request.Actor, request.ActorId, request.Reason);
        var decision = AgentStateMachine.Decide(state.State.ToStatus(), command, catalog, time.GetUtcNow());
        if (decision.Changed)
        {
            await Commit(decision, static _ => { });
            AgentLog.StateChanged(logger, tenantId, agentId, decision.Status.State, decision.Status.Version);
        }

        return new StateChangeResult(decision.ToOutcome(), decision.Status.ToView(), decision.Detail);
    }

    public async Task<StateHistoryPage?> GetHistory(long? before, int limit, CancellationToken cancellationToken = default) =>
        state.State.Exists ? await History.Read(state.State, before, limit, cancellationToken) : null;

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
        RunExisting(new EndWork(workId), s => SetOwed(s, OwedWrapUps.AfterEnd(s.Owed(), workId)));

    public async Task<StateChangeResult> CompleteWrapUpFor(string workId, CancellationToken cancellationToken = default)
    {
        if (!state.State.Exists)
        {
            return NotFound();
        }

        // An agent left in WrapUp by a version that kept no owed work: any completion ends it.
        var owed = state.State.Owed() is { Count: 0 } && state.State.State == AgentState.WrapUp ? [workId] : state.State.Owed();
        if (OwedWrapUps.AfterComplete(owed, workId, state.State.State) is not { } after)
        {
            return new StateChangeResult(StateChangeOutcome.Unchanged, state.State.ToStatus().ToView(), "Not in the wrap-up of this work.");
        }

        if (after.LeaveWrapUp)
        {
            return await RunExisting(new CompleteWrapUp(), s => SetOwed(s, after.Owed));
        }

        // Other wrap-ups are still owed, or other work goes on: the agent stays as it is.
        await Persist(s => SetOwed(s, after.Owed));
        return new StateChangeResult(StateChangeOutcome.Unchanged, state.State.ToStatus().ToView(), "Other work or wrap-ups are still open.");
    }

    private static void SetOwed(AgentGrainState s, IReadOnlyList<string> owed)
    {
        s.OwedWrapUps = [.. owed];
        s.WrapUpFor = null;
    }

    public Task<IReadOnlyList<string>> GetCurrentWork(CancellationToken cancellationToken = default)
    {
        var s = state.State;
        IEnumerable<string?> work = s.Exists ? [.. s.ActiveWork, .. s.Owed(), s.HeldOffer?.InteractionId] : [];
        return Task.FromResult<IReadOnlyList<string>>([.. work.OfType<string>().Distinct(StringComparer.Ordinal)]);
    }

    /// <summary>
    /// Runs a system command on an existing agent; <c>alsoChange</c> is written with a change of status, and with
    /// <c>evenIfUnchanged</c> also alone when it changes anything.
    /// </summary>
    private async Task<StateChangeResult> RunExisting(AgentCommand command, Action<AgentGrainState>? alsoChange = null, bool evenIfUnchanged = false)
    {
        if (!state.State.Exists)
        {
            return NotFound();
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
        var copy = ServiceProvider.GetRequiredService<DeepCopier<AgentGrainState>>().Copy(state.State);
        change(copy);
        return copy.HeldOffer != state.State.HeldOffer || !copy.Owed().SequenceEqual(state.State.Owed())
            || copy.WorkMedia.Count != state.State.WorkMedia.Count
            || copy.WorkMedia.Any(w => !state.State.WorkMedia.TryGetValue(w.Key, out var media) || media != w.Value);
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

            // The media of work that ended goes with it, and so does a hold.
            foreach (var ended in s.WorkMedia.Keys.Where(w => !s.ActiveWork.Contains(w, StringComparer.Ordinal)).ToList())
            {
                s.WorkMedia.Remove(ended);
            }

            s.CallsOnHold.RemoveAll(c => !s.ActiveWork.Contains(c, StringComparer.Ordinal));
        });

        await History.ArchiveIfDue(state.State);
    }

    /// <summary>The media of the work the agent is busy with (see <see cref="Presence.WorkMedia"/>), or null.</summary>
    private static MediaType? CurrentWorkMedia(AgentGrainState s) => Presence.WorkMedia(s.ActiveMedia());

    private StateChangeResult NotFound() => new(StateChangeOutcome.AgentNotFound, null, $"Agent '{agentId}' does not exist.");
}
