namespace Switchboard.Grains.Agents;

/// <summary>The offer an agent holds.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.Grains.HeldOfferRecord")]
public sealed record HeldOfferRecord(
    [property: Id(0)] string InteractionId,
    [property: Id(1)] string? QueueId,
    [property: Id(2)] bool Routed,
    [property: Id(3)] DateTimeOffset At);
