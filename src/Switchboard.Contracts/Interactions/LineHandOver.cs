namespace Switchboard.Contracts.Interactions;

/// <summary>A call's answer to giving up its party for merged lines: the result, and once applied the party's leg and address.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.LineHandOver")]
public sealed record LineHandOver(
    [property: Id(0)] InteractionResult Result,
    [property: Id(1)] string? LegId = null,
    [property: Id(2)] string? Address = null);
