namespace Switchboard.Contracts.Agents;

/// <summary>An offer an agent is asked to hold: routed from a queue (with its place there) or direct, of one medium.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.OfferHold")]
public sealed record OfferHold(
    [property: Id(0)] string InteractionId,
    [property: Id(1)] string? QueueId,
    [property: Id(2)] int Priority,
    [property: Id(3)] DateTimeOffset EnqueuedAt,
    [property: Id(4)] bool Routed,
    [property: Id(5)] Domain.Queues.MediaType Media = Domain.Queues.MediaType.Voice);
