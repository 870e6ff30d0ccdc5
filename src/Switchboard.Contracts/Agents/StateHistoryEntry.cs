using Switchboard.Domain.Agents;

namespace Switchboard.Contracts.Agents;

/// <summary>One audit-trail entry on the wire.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.StateHistoryEntry")]
public sealed record StateHistoryEntry(
    [property: Id(0)] long Sequence,
    [property: Id(1)] AuditEntryKind Kind,
    [property: Id(2)] AgentState From,
    [property: Id(3)] AgentState To,
    [property: Id(4)] string? ReasonCode,
    [property: Id(5)] StateActor Actor,
    [property: Id(6)] string? ActorId,
    [property: Id(7)] string? Reason,
    [property: Id(8)] DateTimeOffset At);
