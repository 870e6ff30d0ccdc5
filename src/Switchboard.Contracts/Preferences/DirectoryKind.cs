namespace Switchboard.Contracts.Preferences;

/// <summary>What a favorite or a recent entry points at.</summary>
/// <remarks>Persisted as numbers: never renumber one that has shipped.</remarks>
public enum DirectoryKind
{
    Agent = 0,
    Queue = 1,
}
