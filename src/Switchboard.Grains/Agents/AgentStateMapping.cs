using Switchboard.Contracts.Agents;
using Switchboard.Domain.Agents;
using Switchboard.Domain.Queues;

namespace Switchboard.Grains.Agents;

/// <summary>Moves agent status between the domain, the persisted state and the wire.</summary>
internal static class AgentStateMapping
{
    public static AgentStatus ToStatus(this AgentGrainState state) => new(
        state.State,
        state.ReasonCode,
        state.Since,
        state.Version,
        state.Next is { } next ? new RequestedState(next.State, next.ReasonCode, next.Actor, next.ActorId, next.Reason) : null,
        state.ResumeState,
        state.ResumeReasonCode,
        state.ActiveWork);

    public static void Apply(this AgentGrainState state, AgentStatus status)
    {
        state.State = status.State;
        state.ReasonCode = status.ReasonCode;
        state.Since = status.Since;
        state.Version = status.Version;
        state.Next = status.Next is { } next
            ? new RequestedStateRecord { State = next.State, ReasonCode = next.ReasonCode, Actor = next.Actor, ActorId = next.ActorId, Reason = next.Reason }
            : null;
        state.ResumeState = status.ResumeState;
        state.ResumeReasonCode = status.ResumeReasonCode;
        state.ActiveWork = [.. status.ActiveWork];
    }

    /// <summary>The media of each piece of work in hand, oldest first (work started before media were kept counts as voice).</summary>
    public static IReadOnlyList<MediaType> ActiveMedia(this AgentGrainState state) =>
        [.. state.ActiveWork.Select(w => state.WorkMedia.GetValueOrDefault(w, MediaType.Voice))];

    public static AgentStateView ToView(this AgentStatus status) =>
        new(status.State, status.ReasonCode, status.Since, status.Next?.State, status.Next?.ReasonCode, status.Version);

    public static StateHistoryEntry ToWire(this StateAuditEntry entry) =>
        new(entry.Sequence, entry.Kind, entry.From, entry.To, entry.ReasonCode, entry.Actor, entry.ActorId, entry.Reason, entry.At);

    public static StateAuditEntry ToDomain(this StateHistoryEntry entry) =>
        new(entry.Sequence, entry.Kind, entry.From, entry.To, entry.ReasonCode, entry.Actor, entry.ActorId, entry.Reason, entry.At);

    public static StateChangeOutcome ToOutcome(this AgentDecision decision) => decision switch
    {
        { Outcome: DecisionOutcome.Applied } => StateChangeOutcome.Applied,
        { Outcome: DecisionOutcome.Deferred } => StateChangeOutcome.Deferred,
        { Outcome: DecisionOutcome.Unchanged } => StateChangeOutcome.Unchanged,
        { Rejection: RejectionReason.ReasonCodeRequired } => StateChangeOutcome.ReasonCodeRequired,
        { Rejection: RejectionReason.ReasonCodeInvalid } => StateChangeOutcome.ReasonCodeInvalid,
        _ => StateChangeOutcome.TransitionNotAllowed,
    };
}
