namespace Switchboard.Domain.Agents;

/// <summary>Why a command was rejected.</summary>
public enum RejectionReason
{
    None = 0,

    /// <summary>The actor may not make this transition (e.g. an agent asking for Busy). HTTP 409.</summary>
    TransitionNotAllowed,

    /// <summary>The target state requires a status code and none was given. HTTP 422.</summary>
    ReasonCodeRequired,

    /// <summary>The code is unknown, or not defined for the target state. HTTP 422.</summary>
    ReasonCodeInvalid,
}
