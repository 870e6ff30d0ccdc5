using Switchboard.Domain.Queues;

namespace Switchboard.Contracts.Interactions;

/// <summary>Why a queue offered work to the agent it did (<see cref="Domain.Routing.RoutingExplanation"/>).</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.RoutingExplanationView")]
public sealed record RoutingExplanationView(
    [property: Id(0)] RoutingStrategy Strategy,
    [property: Id(1)] int Eligible,
    [property: Id(2)] int IdleSeconds,
    [property: Id(3)] int SkillLevel,
    [property: Id(4)] int Load,
    [property: Id(5)] int? Position,
    [property: Id(6)] bool Preferred,
    [property: Id(7)] IReadOnlyList<SkippedMemberView> Skipped,
    [property: Id(8)] int SkippedMore);
