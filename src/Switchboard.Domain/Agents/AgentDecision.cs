namespace Switchboard.Domain.Agents;

/// <summary>The state machine's answer: the status after the command and the audit entry it adds, if any.</summary>
public sealed record AgentDecision(
    DecisionOutcome Outcome,
    AgentStatus Status,
    StateAuditEntry? AuditEntry,
    RejectionReason Rejection = RejectionReason.None,
    string? Detail = null)
{
    /// <summary>Whether the status must be persisted. An applied change may carry no audit entry when only the work list changed.</summary>
    public bool Changed => Outcome is DecisionOutcome.Applied or DecisionOutcome.Deferred;

    internal static AgentDecision Reject(AgentStatus status, RejectionReason reason, string detail) =>
        new(DecisionOutcome.Rejected, status, null, reason, detail);

    internal static AgentDecision Unchanged(AgentStatus status) => new(DecisionOutcome.Unchanged, status, null);
}
