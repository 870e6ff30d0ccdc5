using Microsoft.Extensions.Logging;
using Switchboard.Contracts;
using Switchboard.Contracts.Agents;
using Switchboard.Contracts.Queues;
using Switchboard.Contracts.Tenancy;
using Switchboard.Domain.Queues;
using Switchboard.Domain.Tenancy;

namespace Switchboard.Grains.Queues;

/// <summary>
/// One queue: settings checked by <see cref="QueueSettingsRules"/>, and members. A membership is written on the agent
/// first and on the queue second, so a failure in between is repaired by retrying the same request.
/// </summary>
/// <remarks>
/// <see cref="ForgetMember"/> interleaves with the other calls (see <see cref="IQueueGrain"/>), so every write goes
/// through <see cref="Write"/>, one at a time, and calls re-read the state after each await.
/// </remarks>
public sealed class QueueGrain(
    [PersistentState("queue", StorageNames.Default)] IPersistentState<QueueGrainState> state,
    [FromKeyedServices(SwitchboardClock.ServiceKey)] TimeProvider time,
    ILogger<QueueGrain> logger) : Grain, IQueueGrain
{
    private readonly SemaphoreSlim writeGate = new(1, 1);
    private string tenantId = "";
    private string queueId = "";

    /// <summary>The agent a <see cref="SetMember"/> is waiting on, and whether it was deleted (forgotten) meanwhile.</summary>
    private string? joiningAgentId;
    private bool joiningAgentForgotten;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var parts = GrainKeys.Split(this.GetPrimaryKeyString());
        (tenantId, queueId) = (parts[0], parts[1]);
        return Task.CompletedTask;
    }

    public async Task<CreateQueueResult> Create(QueueConfig config, CancellationToken cancellationToken = default)
    {
        var stored = QueueConfig.From(config.ToSettings().Normalize());
        if (state.State.Exists)
        {
            var same = state.State.Config == stored;
            if (same)
            {
                // A retried create: make sure the list has it, in case the first attempt failed after writing.
                await Roster.Upsert(Entry(), cancellationToken);
            }

            return new CreateQueueResult(same ? CreateQueueOutcome.AlreadyExists : CreateQueueOutcome.Conflict, ToRecord(), []);
        }

        var errors = await Check(config.ToSettings(), cancellationToken);
        if (errors.Count > 0)
        {
            return new CreateQueueResult(CreateQueueOutcome.Invalid, null, errors);
        }

        var now = time.GetUtcNow();
        await Write(s =>
        {
            s.Exists = true;
            s.Config = stored;
            s.CreatedAt = now;
            s.UpdatedAt = now;
            s.Members.Clear();
        });
        await Roster.Upsert(Entry(), cancellationToken);
        QueueLog.Created(logger, tenantId, queueId);
        return new CreateQueueResult(CreateQueueOutcome.Created, ToRecord(), []);
    }

    public Task<QueueRecord?> Get(CancellationToken cancellationToken = default) => Task.FromResult(state.State.Exists ? ToRecord() : null);

    public async Task<UpdateQueueResult> Update(QueueConfigPatch patch, CancellationToken cancellationToken = default)
    {
        if (!state.State.Exists)
        {
            return new UpdateQueueResult(UpdateQueueOutcome.NotFound, null, []);
        }

        var current = state.State.Config!;
        var merged = Merge(current.ToSettings(), patch);
        var errors = await Check(merged, cancellationToken);
        if (errors.Count > 0)
        {
            return new UpdateQueueResult(UpdateQueueOutcome.Invalid, ToRecord(), errors);
        }

        var updated = QueueConfig.From(merged.Normalize());
        if (updated != current)
        {
            var now = time.GetUtcNow();
            await Write(s =>
            {
                s.Config = updated;
                s.UpdatedAt = now;
            });
            GrainFactory.GetGrain<Contracts.Reports.IQueueFiguresGrain>(this.GetPrimaryKeyString()).SettingsChanged().Ignore(); // its thresholds
        }

        // Always, so a retry repairs a list that missed the first attempt.
        await Roster.Upsert(Entry(), cancellationToken);
        return new UpdateQueueResult(UpdateQueueOutcome.Updated, ToRecord(), []);
    }

    public async Task<bool> Delete(CancellationToken cancellationToken = default)
    {
        if (!state.State.Exists)
        {
            // A retried delete: make sure the list no longer shows the queue.
            await Roster.Remove(queueId, cancellationToken);
            return false;
        }

        // Agents first: if one fails, the queue still lists every member and a retried delete tells them all again.
        var members = state.State.Members.Keys.ToList();
        await Task.WhenAll(members.Select(agentId => Agent(agentId).LeaveQueue(queueId, cancellationToken)));
        await Write(s =>
        {
            s.Exists = false;
            s.Config = null;
            s.Members.Clear();
        });
        await Roster.Remove(queueId, cancellationToken);
        QueueLog.Deleted(logger, tenantId, queueId);
        return true;
    }

    public async Task<SetMemberResult> SetMember(string agentId, int skillLevel, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(skillLevel, QueueMemberRules.MinSkillLevel);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(skillLevel, QueueMemberRules.MaxSkillLevel);
        if (!state.State.Exists)
        {
            return new SetMemberResult(SetMemberOutcome.QueueNotFound, null);
        }

        var added = !state.State.Members.ContainsKey(agentId);
        if (added && state.State.Members.Count >= QueueMemberRules.MaxMembers)
        {
            return new SetMemberResult(SetMemberOutcome.QueueFull, null);
        }

        joiningAgentId = agentId;
        joiningAgentForgotten = false;
        try
        {
            // The agent first: it says whether it exists, and a failure after this is repaired by a retry.
            // A deleted agent's ForgetMember arriving meanwhile means it left again: do not add it.
            if (!await Agent(agentId).JoinQueue(queueId, skillLevel, cancellationToken) || joiningAgentForgotten)
            {
                return new SetMemberResult(SetMemberOutcome.AgentNotFound, null);
            }
        }
        finally
        {
            joiningAgentId = null;
        }

        if (!state.State.Members.TryGetValue(agentId, out var current) || current != skillLevel)
        {
            await Write(s => s.Members[agentId] = skillLevel);
        }

        return new SetMemberResult(added ? SetMemberOutcome.Added : SetMemberOutcome.Updated, new QueueMember(agentId, skillLevel));
    }

    public async Task<RemoveMemberOutcome> RemoveMember(string agentId, CancellationToken cancellationToken = default)
    {
        if (!state.State.Exists)
        {
            return RemoveMemberOutcome.QueueNotFound;
        }

        if (!state.State.Members.ContainsKey(agentId))
        {
            return RemoveMemberOutcome.NotMember;
        }

        // The agent first: if the queue's write then fails, the queue still lists the member and a retry repeats both.
        await Agent(agentId).LeaveQueue(queueId, cancellationToken);
        await Write(s => s.Members.Remove(agentId));
        return RemoveMemberOutcome.Removed;
    }

    public Task<IReadOnlyList<QueueMember>?> GetMembers(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<QueueMember>?>(state.State.Exists
            ? state.State.Members.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => new QueueMember(m.Key, m.Value)).ToList()
            : null);

    public async Task ForgetMember(string agentId, CancellationToken cancellationToken = default)
    {
        if (string.Equals(joiningAgentId, agentId, StringComparison.Ordinal))
        {
            joiningAgentForgotten = true;
        }

        if (state.State.Members.ContainsKey(agentId))
        {
            await Write(s => s.Members.Remove(agentId));
        }
    }

    /// <summary>Every rule the settings break, with the tenant's codes and queue list looked up (neither calls back).</summary>
    private async Task<IReadOnlyList<QueueFieldError>> Check(QueueSettings settings, CancellationToken cancellationToken)
    {
        var codes = await GrainFactory.GetGrain<ITenantGrain>(tenantId).GetTransactionCodes(cancellationToken);
        var overflowId = settings.Overflow?.QueueId;
        var overflowExists = Identifiers.IsValidId(overflowId)
            && !string.Equals(overflowId, queueId, StringComparison.Ordinal)
            && await Roster.Contains(overflowId!, cancellationToken);
        var references = new QueueReferences(
            codes.Select(c => c.Code).ToHashSet(StringComparer.Ordinal),
            id => overflowExists && string.Equals(id, overflowId, StringComparison.Ordinal));
        return [.. QueueSettingsRules.Check(queueId, settings, references).Select(v => new QueueFieldError(v.Field, v.Message))];
    }

    private static QueueSettings Merge(QueueSettings current, QueueConfigPatch patch)
    {
        var overflow = current.Overflow;
        if (patch.RemoveOverflow)
        {
            overflow = null;
        }
        else if (patch.OverflowQueueId is not null || patch.OverflowAfterSeconds is not null)
        {
            // A part left out of a new overflow is missing, which the rules report.
            overflow = new QueueOverflow(
                patch.OverflowQueueId ?? overflow?.QueueId ?? "",
                patch.OverflowAfterSeconds ?? overflow?.AfterSeconds ?? 0);
        }

        return current with
        {
            Name = patch.Name ?? current.Name,
            Media = patch.Media ?? current.Media,
            Strategy = patch.Strategy ?? current.Strategy,
            OfferTimeoutSeconds = patch.OfferTimeoutSeconds ?? current.OfferTimeoutSeconds,
            TransactionCodes = patch.TransactionCodes ?? current.TransactionCodes,
            WrapUp = new WrapUpPolicy(
                patch.WrapUpCodeRequired ?? current.WrapUp.CodeRequired,
                patch.ClearWrapUpMaxSeconds ? null : patch.WrapUpMaxSeconds ?? current.WrapUp.MaxSeconds),
            Overflow = overflow,
            RejectAgentState = patch.RejectAgentState ?? current.RejectAgentState,
            ServiceLevelSeconds = patch.ServiceLevelSeconds ?? current.ServiceLevelSeconds,
            AbandonThresholdSeconds = patch.AbandonThresholdSeconds ?? current.AbandonThresholdSeconds,
        };
    }

    /// <summary>Applies a change and writes it, all or nothing, one write at a time.</summary>
    private async Task Write(Action<QueueGrainState> change)
    {
        await writeGate.WaitAsync();
        try
        {
            await state.WriteAsync(this, change);

            // One way: the router reads the settings and members again; it never waits on this grain's callers.
            GrainFactory.GetGrain<IQueueRouterGrain>(this.GetPrimaryKeyString()).SettingsChanged().Ignore();
        }
        finally
        {
            writeGate.Release();
        }
    }

    private QueueRecord ToRecord() => new(queueId, state.State.Config!, state.State.CreatedAt, state.State.UpdatedAt);

    private QueueRosterEntry Entry()
    {
        var config = state.State.Config!;
        return new QueueRosterEntry(queueId, config.Name, config.Media, config.Strategy);
    }

    private IQueueRosterGrain Roster => GrainFactory.GetGrain<IQueueRosterGrain>(tenantId);

    private IAgentGrain Agent(string agentId) => GrainFactory.GetGrain<IAgentGrain>(GrainKeys.Agent(tenantId, agentId));
}
