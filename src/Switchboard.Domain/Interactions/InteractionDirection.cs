namespace Switchboard.Domain.Interactions;

/// <summary>Persisted as numbers: never renumber one that has shipped.</summary>
public enum InteractionDirection
{
    Inbound = 0,
    Outbound = 1,

    /// <summary>Agent to agent.</summary>
    Internal = 2,
}
