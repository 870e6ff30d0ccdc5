using Switchboard.Domain.Interactions;

namespace Switchboard.Contracts.Interactions;

[GenerateSerializer, Immutable, Alias("Switchboard.ConsultView")]
public sealed record ConsultView(
    [property: Id(0)] TargetKind TargetKind,
    [property: Id(1)] string Target,
    [property: Id(2)] string? LegId,
    [property: Id(3)] string? AgentId,
    [property: Id(4)] DateTimeOffset StartedAt);
