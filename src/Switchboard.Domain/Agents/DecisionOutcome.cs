namespace Switchboard.Domain.Agents;

/// <summary>How the state machine answered a command.</summary>
public enum DecisionOutcome
{
    /// <summary>The state changed.</summary>
    Applied,

    /// <summary>The agent is busy or in wrap-up: the request is kept as the next state.</summary>
    Deferred,

    /// <summary>Nothing to do: the agent is already there (or the work is already known).</summary>
    Unchanged,

    /// <summary>The command breaks a rule; see <see cref="RejectionReason"/>.</summary>
    Rejected,
}
