using Switchboard.Contracts.Agents;
using Switchboard.Domain.Agents;
using Switchboard.Domain.Tenancy;

namespace Switchboard.Grains.Agents;

/// <summary>The agent's profile: create, read, update, delete, kept in step with the tenant's agent list.</summary>
public sealed partial class AgentGrain
{
    public async Task<CreateAgentResult> Create(AgentProfile profile, CancellationToken cancellationToken = default)
    {
        profile = WithCapacity(profile);
        var current = state.State;
        if (current.Exists)
        {
            var same = WithCapacity(current.Profile!) == profile;
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

    public async Task SetVerifiedPhone(bool verified, CancellationToken cancellationToken = default)
    {
        if (state.State.HasVerifiedPhone != verified)
        {
            // Through Persist: with a carrier, the queues hear that the agent may now (or no longer) take calls.
            await Persist(s => s.HasVerifiedPhone = verified);
        }
    }

    public async Task<AgentRecord?> Update(AgentProfilePatch patch, CancellationToken cancellationToken = default)
    {
        if (!state.State.Exists)
        {
            return null;
        }

        var old = WithCapacity(state.State.Profile!);
        var updated = old with
        {
            DisplayName = patch.DisplayName ?? old.DisplayName,
            Group = patch.Group is null ? old.Group : patch.Group.Length == 0 ? null : patch.Group,
            Capacity = patch.Capacity is { } change ? Merge(old.Capacity.ToDomain(), change).ToWire() : old.Capacity,
        };
        updated = WithCapacity(updated);
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

    /// <summary>
    /// The profile as stored: the default capacity as none, another one spelled out, so that an agent given the default
    /// capacity in so many words is the same agent as one given none.
    /// </summary>
    private static AgentProfile WithCapacity(AgentProfile profile) =>
        profile with { Capacity = profile.Capacity.ToDomain() is var capacity && capacity == WorkCapacity.Default ? null : capacity.ToWire() };

    private static WorkCapacity Merge(WorkCapacity current, AgentCapacityPatch change) => new(
        change.Voice ?? current.Voice,
        change.Chat ?? current.Chat,
        change.Email ?? current.Email,
        change.Voicemail ?? current.Voicemail);

    private AgentRecord ToRecord() => new(state.State.Profile!, state.State.CreatedAt, state.State.UpdatedAt);

    private IAgentRosterGrain Roster => GrainFactory.GetGrain<IAgentRosterGrain>(tenantId);
}
