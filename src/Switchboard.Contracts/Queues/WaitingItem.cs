namespace Switchboard.Contracts.Queues;

/// <summary>Work waiting in a queue, in offer order when listed.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.WaitingItem")]
public sealed record WaitingItem(
    [property: Id(0)] string InteractionId,
    [property: Id(1)] int Priority,
    [property: Id(2)] DateTimeOffset EnqueuedAt,
    [property: Id(3)] long Sequence);
