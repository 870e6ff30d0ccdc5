namespace Switchboard.Domain.Agents;

/// <summary>Who asked for a state change; recorded in the audit trail.</summary>
public enum StateActor
{
    /// <summary>The agent, for itself.</summary>
    Agent = 0,

    /// <summary>A supervisor or admin forcing a state.</summary>
    Supervisor = 1,

    /// <summary>Switchboard itself: work started or ended, no answer, platform change.</summary>
    System = 2,
}
