using Switchboard.Domain.Interactions;

namespace Switchboard.Contracts.Interactions;

/// <summary>One agent action; the target is for transfer and consult, codes and notes for wrap-up.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.InteractionAction")]
public sealed record InteractionAction(
    [property: Id(0)] InteractionActionKind Kind,
    [property: Id(1)] string AgentId,
    [property: Id(2)] TargetKind? TargetKind = null,
    [property: Id(3)] string? TargetId = null,
    [property: Id(4)] IReadOnlyList<string>? Codes = null,
    [property: Id(5)] string? Notes = null);
