using Switchboard.Contracts.PlatformChanges;
using Switchboard.Domain.PlatformChanges;

namespace Switchboard.Api.Models;

/// <summary>
/// An agent's compliance with the final notice: pending, logged-out (by itself or a supervisor, at), finishing-call
/// (deadline passed during a call; the logout is its next state), logged-out-by-system (at), not-logged-in (logged out
/// already at the final notice), removed (the agent was deleted).
/// </summary>
public sealed record AgentComplianceResponse(string AgentId, ComplianceStatus Status, DateTimeOffset? At)
{
    public static AgentComplianceResponse From(AgentComplianceView view) => new(view.AgentId, view.Status, view.At);
}
