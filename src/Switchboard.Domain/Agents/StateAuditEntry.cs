namespace Switchboard.Domain.Agents;

/// <summary>One line of an agent's audit trail.</summary>
/// <param name="Sequence">The status version this entry produced (1, 2, 3, ...).</param>
/// <param name="Kind">A transition, or a next state recorded for later.</param>
/// <param name="From">The state before.</param>
/// <param name="To">The state entered (or requested, for <see cref="AuditEntryKind.NextStateRequested"/>).</param>
/// <param name="ReasonCode">The status code of <paramref name="To"/>.</param>
/// <param name="Actor">Who made the change.</param>
/// <param name="ActorId">The agent, supervisor key or system component that made it.</param>
/// <param name="Reason">Free text, e.g. a supervisor's reason for forcing a state.</param>
/// <param name="At">When.</param>
public sealed record StateAuditEntry(
    long Sequence,
    AuditEntryKind Kind,
    AgentState From,
    AgentState To,
    string? ReasonCode,
    StateActor Actor,
    string? ActorId,
    string? Reason,
    DateTimeOffset At);
