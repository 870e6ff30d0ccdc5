namespace Switchboard.Domain.Agents;

/// <summary>The presence state of an agent, as the agent console shows it.</summary>
/// <remarks>Values are persisted as numbers and sent by name: never renumber or rename one that has shipped.</remarks>
public enum AgentState
{
    /// <summary>Signed out. The state of a newly created agent.</summary>
    LoggedOut = 0,

    /// <summary>Ready to take routed work.</summary>
    Available = 1,

    /// <summary>Handling work; entered and left by the system only.</summary>
    Busy = 2,

    /// <summary>Post-processing after work; entered and left by the system only.</summary>
    WrapUp = 3,

    /// <summary>Working, but receives only direct agent calls and transfers.</summary>
    Offline = 4,

    /// <summary>Logged in, not working.</summary>
    Break = 5,
}
