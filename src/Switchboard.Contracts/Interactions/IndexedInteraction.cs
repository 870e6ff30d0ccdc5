namespace Switchboard.Contracts.Interactions;

/// <summary>An interaction as the list index knows it: enough to page through by creation time.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.IndexedInteraction")]
public sealed record IndexedInteraction(
    [property: Id(0)] string Id,
    [property: Id(1)] DateTimeOffset CreatedAt);
