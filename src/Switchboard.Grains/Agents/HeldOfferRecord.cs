namespace Switchboard.Grains.Agents;

/// <summary>The offer an agent holds. <c>Answering</c>: the agent accepted the call and its phone rings for it, so it takes the line already.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.Grains.HeldOfferRecord")]
public sealed record HeldOfferRecord(
    [property: Id(0)] string InteractionId,
    [property: Id(1)] string? QueueId,
    [property: Id(2)] bool Routed,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] bool Answering = false);
