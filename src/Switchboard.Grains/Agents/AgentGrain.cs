using Microsoft.Extensions.Logging;
using Switchboard.Contracts;
using Switchboard.Contracts.Agents;
using Switchboard.Contracts.Tenancy;
using Switchboard.Domain.Agents;
using Switchboard.Domain.Tenancy;

namespace Switchboard.Grains.Agents;

/// <summary>
/// One agent. Thin: loads state, asks <see cref="AgentStateMachine"/>, persists the new status with its audit entry.
/// </summary>
public sealed class AgentGrain(
    [PersistentState("agent", StorageNames.Default)] IPersistentState<AgentGrainState> state,
    [FromKeyedServices(SwitchboardClock.ServiceKey)] TimeProvider time,
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

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var parts = GrainKeys.Split(this.GetPrimaryKeyString());
        (tenantId, agentId) = (parts[0], parts[1]);
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

        if (state.State.State is AgentState.Busy or AgentState.WrapUp)
        {
            return DeleteAgentOutcome.HandlingWork;
        }

        var logout = new ChangeState(AgentState.LoggedOut, null, StateActor.Supervisor, actorId, "agent deleted");
        var decision = AgentStateMachine.Decide(state.State.ToStatus(), logout, StatusCodeCatalog.Empty, time.GetUtcNow());
        await Commit(decision, s =>
        {
            s.Exists = false;
            s.Profile = null;
        });
        await Roster.Remove(agentId);
        AgentLog.Deleted(logger, tenantId, agentId);
        return DeleteAgentOutcome.Deleted;
    }

    public Task<AgentStateView?> GetState(CancellationToken cancellationToken = default) =>
        Task.FromResult(state.State.Exists ? state.State.ToStatus().ToView() : null);

    public async Task<StateChangeResult> ChangeState(StateChangeRequest request, CancellationToken cancellationToken = default)
    {
        if (!state.State.Exists)
        {
            return new StateChangeResult(StateChangeOutcome.AgentNotFound, null, $"Agent '{agentId}' does not exist.");
        }

        var status = state.State.ToStatus();
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

    public Task<StateChangeResult> StartWork(string workId, CancellationToken cancellationToken = default) => RunExisting(new StartWork(workId));

    public Task<StateChangeResult> EndWork(string workId, CancellationToken cancellationToken = default) => RunExisting(new EndWork(workId));

    public Task<StateChangeResult> CompleteWrapUp(CancellationToken cancellationToken = default) => RunExisting(new CompleteWrapUp());

    private async Task<StateChangeResult> RunExisting(AgentCommand command) => state.State.Exists
        ? await Run(command, StatusCodeCatalog.Empty)
        : new StateChangeResult(StateChangeOutcome.AgentNotFound, null, $"Agent '{agentId}' does not exist.");

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
    };

    private AgentRecord ToRecord() => new(state.State.Profile!, state.State.CreatedAt, state.State.UpdatedAt);

    private IAgentRosterGrain Roster => GrainFactory.GetGrain<IAgentRosterGrain>(tenantId);

    private IAgentHistoryPageGrain HistoryPage(long page) =>
        GrainFactory.GetGrain<IAgentHistoryPageGrain>(GrainKeys.AgentHistoryPage(tenantId, agentId, page));
}
