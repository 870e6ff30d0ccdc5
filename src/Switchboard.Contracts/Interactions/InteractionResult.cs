namespace Switchboard.Contracts.Interactions;

[GenerateSerializer, Immutable, Alias("Switchboard.InteractionResult")]
public sealed record InteractionResult(
    [property: Id(0)] InteractionOutcome Outcome,
    [property: Id(1)] InteractionView? Interaction,
    [property: Id(2)] string? Detail);
