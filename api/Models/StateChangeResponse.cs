using Switchboard.Contracts.Agents;
using Switchboard.Domain.Agents;

namespace Switchboard.Api.Models;

/// <summary>The state after a change, and what the change did: <c>Applied</c>, <c>Deferred</c> (kept as the next state while busy) or <c>Unchanged</c>.</summary>
public sealed record StateChangeResponse(
    string AgentId,
    AgentState State,
    string? ReasonCode,
    DateTimeOffset Since,
    AgentState? NextState,
    string? NextReasonCode,
    long Version,
    StateChangeOutcome Outcome)
{
    public static StateChangeResponse From(string agentId, AgentStateView view, StateChangeOutcome outcome) =>
        new(agentId, view.State, view.ReasonCode, view.Since, view.NextState, view.NextReasonCode, view.Version, outcome);
}
