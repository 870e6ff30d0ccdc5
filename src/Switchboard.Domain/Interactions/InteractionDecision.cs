namespace Switchboard.Domain.Interactions;

/// <summary>The outcome of a command: the new record and the effects to carry out, or why nothing changed.</summary>
public sealed record InteractionDecision(DecisionKind Kind, InteractionRecord Record, IReadOnlyList<InteractionEffect> Effects, string? Detail)
{
    public bool Applied => Kind == DecisionKind.Applied;
}
