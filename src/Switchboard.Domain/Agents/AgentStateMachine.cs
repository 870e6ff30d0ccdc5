using Switchboard.Domain.Tenancy;

namespace Switchboard.Domain.Agents;

/// <summary>
/// The agent presence rules: who may set which state, status codes, the next state kept while busy, and the audit
/// trail. Pure: the caller persists the result.
/// </summary>
public static class AgentStateMachine
{
    /// <summary>Decides what <paramref name="command"/> does to <paramref name="status"/> at <paramref name="now"/>.</summary>
    public static AgentDecision Decide(AgentStatus status, AgentCommand command, StatusCodeCatalog codes, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(codes);
        return command switch
        {
            ChangeState change => DecideChange(status, change, codes, now),
            StartWork start => DecideStartWork(status, start, now),
            EndWork end => DecideEndWork(status, end, now),
            CompleteWrapUp => DecideCompleteWrapUp(status, now),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "Unknown agent command."),
        };
    }

    private static AgentDecision DecideChange(AgentStatus status, ChangeState change, StatusCodeCatalog codes, DateTimeOffset now)
    {
        if (AgentStates.IsSystemOnly(change.Target))
        {
            return AgentDecision.Reject(status, RejectionReason.TransitionNotAllowed,
                $"{change.Target} is set by the system when work starts or ends; it cannot be requested.");
        }

        var code = string.IsNullOrEmpty(change.ReasonCode) ? null : change.ReasonCode;

        // The system may also use its own codes (no-answer, platform-change), which admins do not define.
        var systemCode = change.Actor == StateActor.System && code is not null && SystemReasonCodes.IsSystemCode(code);
        if (code is null && codes.RequiresCode(change.Target))
        {
            return AgentDecision.Reject(status, RejectionReason.ReasonCodeRequired,
                $"{change.Target} requires a status code; use one of: {string.Join(", ", codes.CodesFor(change.Target))}.");
        }

        if (code is not null && !systemCode && !codes.Allows(code, change.Target))
        {
            var allowed = codes.CodesFor(change.Target).ToList();
            return AgentDecision.Reject(status, RejectionReason.ReasonCodeInvalid, allowed.Count == 0
                ? $"'{code}' is not a status code for {change.Target}; {change.Target} takes no status code."
                : $"'{code}' is not a status code for {change.Target}; use one of: {string.Join(", ", allowed)}.");
        }

        if (AgentStates.IsSystemOnly(status.State))
        {
            // Agents must be able to ask for Break during a call: keep it for when the work ends.
            var next = new RequestedState(change.Target, code, change.Actor, change.ActorId, change.Reason);
            if (next == status.Next)
            {
                return AgentDecision.Unchanged(status);
            }

            var deferredEntry = Entry(status, AuditEntryKind.NextStateRequested, change.Target, code, change.Actor, change.ActorId, change.Reason, now);
            return new AgentDecision(DecisionOutcome.Deferred, status with { Next = next, Version = deferredEntry.Sequence }, deferredEntry);
        }

        if (status.State == change.Target && status.ReasonCode == code)
        {
            return AgentDecision.Unchanged(status);
        }

        return Transition(status, change.Target, code, change.Actor, change.ActorId, change.Reason, now);
    }

    private static AgentDecision DecideStartWork(AgentStatus status, StartWork start, DateTimeOffset now)
    {
        if (status.ActiveWork.Contains(start.WorkId, StringComparer.Ordinal))
        {
            return AgentDecision.Unchanged(status);
        }

        if (status.State == AgentState.Busy)
        {
            return new AgentDecision(DecisionOutcome.Applied, status with { ActiveWork = [.. status.ActiveWork, start.WorkId] }, null);
        }

        if (status.State == AgentState.WrapUp)
        {
            // Offered while busy with other work, accepted after that work ended: busy again, and still owing the wrap-up
            // and keeping the state to go back to (and any next state) from before.
            var again = Transition(status, AgentState.Busy, null, StateActor.System, start.WorkId, null, now);
            return again with { Status = again.Status with { ActiveWork = [start.WorkId] } };
        }

        if (!AgentStates.ReceivesDirectWork(status.State))
        {
            return AgentDecision.Reject(status, RejectionReason.TransitionNotAllowed,
                $"An agent in {status.State} cannot take work; only Available and Offline agents can.");
        }

        var decision = Transition(status, AgentState.Busy, null, StateActor.System, start.WorkId, null, now);
        return decision with
        {
            Status = decision.Status with
            {
                ResumeState = status.State,
                ResumeReasonCode = status.ReasonCode,
                ActiveWork = [start.WorkId],
            },
        };
    }

    private static AgentDecision DecideEndWork(AgentStatus status, EndWork end, DateTimeOffset now)
    {
        if (!status.ActiveWork.Contains(end.WorkId, StringComparer.Ordinal))
        {
            return AgentDecision.Unchanged(status);
        }

        var remaining = status.ActiveWork.Where(id => !string.Equals(id, end.WorkId, StringComparison.Ordinal)).ToList();
        if (remaining.Count > 0)
        {
            return new AgentDecision(DecisionOutcome.Applied, status with { ActiveWork = remaining }, null);
        }

        var decision = Transition(status, AgentState.WrapUp, null, StateActor.System, end.WorkId, null, now);
        return decision with { Status = decision.Status with { ActiveWork = [] } };
    }

    private static AgentDecision DecideCompleteWrapUp(AgentStatus status, DateTimeOffset now)
    {
        if (status.State != AgentState.WrapUp)
        {
            return AgentDecision.Reject(status, RejectionReason.TransitionNotAllowed,
                $"Wrap-up can only be completed in WrapUp; the agent is {status.State}.");
        }

        var (target, code, actor, actorId, reason) = status.Next is { } next
            ? (next.State, next.ReasonCode, next.Actor, next.ActorId, next.Reason)
            : (status.ResumeState ?? AgentState.Available, status.ResumeReasonCode, StateActor.System, (string?)null, (string?)null);
        var decision = Transition(status, target, code, actor, actorId, reason, now);
        return decision with { Status = decision.Status with { Next = null, ResumeState = null, ResumeReasonCode = null } };
    }

    private static AgentDecision Transition(
        AgentStatus status, AgentState target, string? code, StateActor actor, string? actorId, string? reason, DateTimeOffset now)
    {
        var entry = Entry(status, AuditEntryKind.Transition, target, code, actor, actorId, reason, now);
        var next = status with { State = target, ReasonCode = code, Since = now, Version = entry.Sequence };
        return new AgentDecision(DecisionOutcome.Applied, next, entry);
    }

    private static StateAuditEntry Entry(
        AgentStatus status, AuditEntryKind kind, AgentState to, string? code, StateActor actor, string? actorId, string? reason, DateTimeOffset now) =>
        new(status.Version + 1, kind, status.State, to, code, actor, actorId, reason, now);
}
