using Switchboard.Domain.Interactions;

namespace Switchboard.Contracts.Interactions;

[GenerateSerializer, Immutable, Alias("Switchboard.LegView")]
public sealed record LegView(
    [property: Id(0)] string Id,
    [property: Id(1)] int Line,
    [property: Id(2)] PartyKind Party,
    [property: Id(3)] string Address,
    [property: Id(4)] LegState State,
    [property: Id(5)] DateTimeOffset StartedAt,
    [property: Id(6)] DateTimeOffset? EndedAt);
