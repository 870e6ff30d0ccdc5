using Switchboard.Contracts.Agents;
using Switchboard.Domain.Agents;

namespace Switchboard.Api.Models;

/// <summary>An agent's state. <c>since</c> drives the console timer; <c>version</c> is also the ETag.</summary>
public sealed record AgentStateResponse(
    string AgentId,
    AgentState State,
    string? ReasonCode,
    DateTimeOffset Since,
    AgentState? NextState,
    string? NextReasonCode,
    long Version)
{
    public static AgentStateResponse From(string agentId, AgentStateView view) =>
        new(agentId, view.State, view.ReasonCode, view.Since, view.NextState, view.NextReasonCode, view.Version);
}
