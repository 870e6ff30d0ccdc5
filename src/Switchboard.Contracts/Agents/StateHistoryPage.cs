namespace Switchboard.Contracts.Agents;

/// <summary>Audit entries newest first; pass <see cref="NextBefore"/> to read older ones.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.StateHistoryPage")]
public sealed record StateHistoryPage(
    [property: Id(0)] IReadOnlyList<StateHistoryEntry> Items,
    [property: Id(1)] long? NextBefore);
