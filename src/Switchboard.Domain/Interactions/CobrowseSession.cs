namespace Switchboard.Domain.Interactions;

/// <summary>Where a co-browse session is. Persisted as numbers: never renumber one that has shipped.</summary>
public enum CobrowseState
{
    /// <summary>Started by the agent; its join code has not been used yet.</summary>
    Waiting = 0,

    /// <summary>The customer joined with the code.</summary>
    Active = 1,

    /// <summary>Ended by the agent, with the interaction, or because its code expired unused.</summary>
    Ended = 2,
}

/// <summary>
/// A co-browse session attached to an interaction: Switchboard issues and tracks it, the co-browse media itself runs
/// elsewhere. The join code is never part of it (only the code's own grain knows the code).
/// </summary>
/// <param name="SessionId">Random, unique across tenants.</param>
/// <param name="AgentId">The agent it was started for (the handler at the time).</param>
/// <param name="State">Where it is.</param>
/// <param name="StartedAt">When the agent started it.</param>
/// <param name="ExpiresAt">When its join code stops working.</param>
/// <param name="JoinedAt">When the customer joined, if it did.</param>
/// <param name="EndedAt">When it ended, if it has.</param>
/// <param name="EndReason">Why it ended: <c>agent</c>, <c>interaction-ended</c> or <c>expired</c>.</param>
public sealed record CobrowseSession(
    string SessionId,
    string AgentId,
    CobrowseState State,
    DateTimeOffset StartedAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? JoinedAt = null,
    DateTimeOffset? EndedAt = null,
    string? EndReason = null)
{
    public bool IsOpen => State != CobrowseState.Ended;
}
