namespace Switchboard.Domain.Interactions;

/// <summary>Persisted as numbers: never renumber one that has shipped.</summary>
public enum TargetKind
{
    Agent = 0,
    Queue = 1,
    External = 2,
}
