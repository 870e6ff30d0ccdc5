namespace Switchboard.Contracts.Queues;

/// <summary>A queue's next offerable work, as an agent in several queues compares them.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.WaitingHead")]
public sealed record WaitingHead(
    [property: Id(0)] string QueueId,
    [property: Id(1)] string InteractionId,
    [property: Id(2)] int Priority,
    [property: Id(3)] DateTimeOffset EnqueuedAt,
    [property: Id(4)] Domain.Queues.MediaType Media = Domain.Queues.MediaType.Voice);
