using Switchboard.Domain.Agents;

namespace Switchboard.Domain.PlatformChanges;

/// <summary>
/// Derives an agent's compliance with a platform change from its audit trail after the final notice, so agents need
/// no knowledge of platform changes. Pure.
/// </summary>
public static class LogoutCompliance
{
    /// <summary>
    /// The compliance of an agent that was <paramref name="loggedInAtFinal"/> (at status version
    /// <paramref name="versionAtFinal"/>) when the final notice went out.
    /// </summary>
    /// <param name="loggedInAtFinal">Whether the agent was in any state but LoggedOut at the final notice.</param>
    /// <param name="versionAtFinal">The agent's status version then; only later entries count.</param>
    /// <param name="history">Audit entries, in any order; at least every one after <paramref name="versionAtFinal"/>.</param>
    /// <param name="current">The agent's state now.</param>
    /// <param name="next">The next state it has asked for (or the system stored) while busy, if any.</param>
    /// <param name="deadline">When logged-in agents must have logged out.</param>
    /// <param name="now">Now.</param>
    public static AgentCompliance Derive(
        bool loggedInAtFinal,
        long versionAtFinal,
        IEnumerable<StateAuditEntry> history,
        AgentState current,
        AgentState? next,
        DateTimeOffset deadline,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(history);
        if (!loggedInAtFinal)
        {
            return new AgentCompliance(ComplianceStatus.NotLoggedIn, null);
        }

        // The first logout after the notice settles it; logging in again afterwards ("log out and in again") is fine.
        var logout = history
            .Where(e => e.Sequence > versionAtFinal && e.Kind == AuditEntryKind.Transition && e.To == AgentState.LoggedOut)
            .MinBy(e => e.Sequence);
        if (logout is not null)
        {
            var bySystem = logout.Actor == StateActor.System && logout.ReasonCode == SystemReasonCodes.PlatformChange;
            return new AgentCompliance(bySystem ? ComplianceStatus.LoggedOutBySystem : ComplianceStatus.LoggedOut, logout.At);
        }

        if (current == AgentState.LoggedOut)
        {
            // Logged out with no entry to show when: only if the caller passed too little history; still compliant.
            return new AgentCompliance(ComplianceStatus.LoggedOut, null);
        }

        if (now >= deadline && AgentStates.IsSystemOnly(current) && next == AgentState.LoggedOut)
        {
            return new AgentCompliance(ComplianceStatus.FinishingCall, null);
        }

        return new AgentCompliance(ComplianceStatus.Pending, null);
    }
}
