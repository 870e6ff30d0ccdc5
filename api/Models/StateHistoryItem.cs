using Switchboard.Contracts.Agents;
using Switchboard.Domain.Agents;

namespace Switchboard.Api.Models;

/// <summary>One audit-trail entry: a transition, or a next state requested while busy.</summary>
public sealed record StateHistoryItem(
    long Sequence,
    AuditEntryKind Kind,
    AgentState From,
    AgentState To,
    string? ReasonCode,
    StateActor Actor,
    string? ActorId,
    string? Reason,
    DateTimeOffset At)
{
    public static StateHistoryItem FromEntry(StateHistoryEntry e) =>
        new(e.Sequence, e.Kind, e.From, e.To, e.ReasonCode, e.Actor, e.ActorId, e.Reason, e.At);
}
