namespace Switchboard.Contracts.Interactions;

/// <summary>What came of a queue's attempt to offer waiting work to one agent.</summary>
public enum OfferAttempt
{
    Offered = 0,

    /// <summary>The interaction is no longer waiting in that queue (abandoned, moved, already offered): drop it.</summary>
    NotWaiting = 1,

    /// <summary>The agent could not take it (no longer eligible, or better work waits for it elsewhere): try another.</summary>
    AgentUnavailable = 2,
}
