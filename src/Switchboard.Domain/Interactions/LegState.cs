namespace Switchboard.Domain.Interactions;

/// <summary>Persisted as numbers: never renumber one that has shipped.</summary>
public enum LegState
{
    Ringing = 0,
    Connected = 1,
    OnHold = 2,
    Ended = 3,
    Failed = 4,
}
