namespace Switchboard.Domain.Interactions;

/// <summary>Where an interaction is in its life. Persisted as numbers: never renumber one that has shipped.</summary>
public enum InteractionState
{
    /// <summary>Waiting in a queue.</summary>
    Queued = 0,

    /// <summary>Offered to one agent, who has not answered yet.</summary>
    Offered = 1,

    /// <summary>In progress.</summary>
    Connected = 2,

    /// <summary>The customer is on hold (also while the agent consults on line 2).</summary>
    OnHold = 3,

    /// <summary>Over; wrap-up of at least one agent is outstanding.</summary>
    Ended = 4,

    /// <summary>Over and every wrap-up is done.</summary>
    WrappedUp = 5,

    /// <summary>The customer left before an agent answered.</summary>
    Abandoned = 6,

    /// <summary>Could not be completed (nobody answered a direct call, a dial failed).</summary>
    Failed = 7,

    /// <summary>Outbound: the agent's phone, then the callee's, is ringing.</summary>
    Dialing = 8,
}
