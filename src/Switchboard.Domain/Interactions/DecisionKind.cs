namespace Switchboard.Domain.Interactions;

public enum DecisionKind
{
    Applied = 0,

    /// <summary>Nothing to do (a repeated or stale event); not an error.</summary>
    Unchanged = 1,

    /// <summary>The current state does not allow it (409).</summary>
    NotAllowed = 2,

    /// <summary>The acting agent has no part in it (403).</summary>
    NotParticipant = 3,

    /// <summary>Well-formed but breaks a rule, e.g. an unknown transaction code (422).</summary>
    Invalid = 4,

    /// <summary>A part it was asked about does not exist, e.g. an unknown co-browse session (404).</summary>
    NotFound = 5,
}
