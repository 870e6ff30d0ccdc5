namespace Switchboard.Contracts.Live;

/// <summary>Who a broadcast is for: every agent of the tenant, one group, or one queue's members (exactly one is set).</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.AlertAudience")]
public sealed record AlertAudience(
    [property: Id(0)] bool All,
    [property: Id(1)] string? Group,
    [property: Id(2)] string? QueueId);
