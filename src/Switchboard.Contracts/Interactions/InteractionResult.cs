namespace Switchboard.Contracts.Interactions;

/// <summary>What an interaction command did.</summary>
/// <param name="Outcome">Applied, or why not.</param>
/// <param name="Interaction">The interaction as it is now (null when there is none).</param>
/// <param name="Detail">Why the command was refused, in words.</param>
/// <param name="Field">The field of the command a refusal is about (e.g. <c>target.id</c>), when it is about one.</param>
[GenerateSerializer, Immutable, Alias("Switchboard.InteractionResult")]
public sealed record InteractionResult(
    [property: Id(0)] InteractionOutcome Outcome,
    [property: Id(1)] InteractionView? Interaction,
    [property: Id(2)] string? Detail,
    [property: Id(3)] string? Field = null);
