using Switchboard.Contracts.Agents;
using Switchboard.Contracts.Live;
using Switchboard.Domain.Agents;

namespace Switchboard.Api.Live;

/// <summary>
/// Data of <c>agent.state_changed</c> and of the <c>agent:{id}</c> snapshot: the state with its timer start
/// (<see cref="Since"/>), the next state asked for during work, the ETag version, and who made the last change.
/// </summary>
public sealed record LiveAgentState(
    string AgentId,
    string DisplayName,
    string? Group,
    AgentState State,
    string? ReasonCode,
    DateTimeOffset Since,
    AgentState? NextState,
    string? NextReasonCode,
    long Version,
    StateActor? ChangedBy,
    string? ChangedById,
    string? Reason,
    bool Deleted)
{
    public static LiveAgentState From(AgentChanged e) => new(
        e.AgentId, e.DisplayName, e.Group, e.State.State, e.State.ReasonCode, e.State.Since, e.State.NextState, e.State.NextReasonCode,
        e.State.Version, e.ChangedBy, e.ChangedById, e.Reason, e.Deleted);

    public static LiveAgentState From(AgentProfile profile, AgentStateView view) => new(
        profile.Id, profile.DisplayName, profile.Group, view.State, view.ReasonCode, view.Since, view.NextState, view.NextReasonCode,
        view.Version, null, null, null, false);
}
