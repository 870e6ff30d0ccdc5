namespace Switchboard.Domain.PlatformChanges;

/// <summary>How an agent stands with the logout a platform change's final notice asks for.</summary>
public enum ComplianceStatus
{
    /// <summary>Logged in at the final notice and not logged out yet (before the deadline, or the system is about to).</summary>
    Pending = 0,

    /// <summary>Logged out after the final notice by themselves (or a supervisor); logging in again later still counts.</summary>
    LoggedOut = 1,

    /// <summary>The deadline passed during a call: the logout is stored as the agent's next state, applied when the work ends.</summary>
    FinishingCall = 2,

    /// <summary>Logged out by the system for the platform change (at the deadline, or when the call it finished ended).</summary>
    LoggedOutBySystem = 3,

    /// <summary>Already logged out when the final notice went out: nothing to do.</summary>
    NotLoggedIn = 4,

    /// <summary>The agent was deleted after the final notice.</summary>
    Removed = 5,
}
