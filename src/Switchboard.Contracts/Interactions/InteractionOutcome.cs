namespace Switchboard.Contracts.Interactions;

public enum InteractionOutcome
{
    Applied = 0,

    /// <summary>Nothing to do (a repeated event).</summary>
    Unchanged = 1,

    /// <summary>The interaction's state does not allow it (409).</summary>
    NotAllowed = 2,

    /// <summary>The acting agent has no part in it (403).</summary>
    NotParticipant = 3,

    /// <summary>Breaks a rule, e.g. an unknown transaction code or leg (422).</summary>
    Invalid = 4,

    NotFound = 5,

    /// <summary>The target agent cannot take it now (409), e.g. on break or already offered something.</summary>
    AgentUnavailable = 6,

    /// <summary>An interaction with this id exists already.</summary>
    AlreadyExists = 7,
}
