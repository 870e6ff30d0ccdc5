namespace Switchboard.Contracts.PlatformChanges;

/// <summary>Where a page of platform changes ends.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.PlatformChangePosition")]
public sealed record PlatformChangePosition(
    [property: Id(0)] long Sequence,
    [property: Id(1)] DateTimeOffset CreatedAt);
