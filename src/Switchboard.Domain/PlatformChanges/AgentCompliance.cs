namespace Switchboard.Domain.PlatformChanges;

/// <summary>An agent's compliance, with when it logged out (for the two logged-out statuses).</summary>
public sealed record AgentCompliance(ComplianceStatus Status, DateTimeOffset? At)
{
    /// <summary>Whether the status can no longer change (the audit trail only grows).</summary>
    public bool Settled => Status is ComplianceStatus.LoggedOut or ComplianceStatus.LoggedOutBySystem or ComplianceStatus.NotLoggedIn or ComplianceStatus.Removed;
}
