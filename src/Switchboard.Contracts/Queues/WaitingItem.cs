namespace Switchboard.Contracts.Queues;

/// <summary>
/// Work waiting in a queue, in offer order when listed: ordered by priority, then <c>EnqueuedAt</c> (kept across
/// requeues and overflow), then <c>Sequence</c>; <c>ArrivedAt</c> is when it came to this queue (overflow counts from it).
/// </summary>
[GenerateSerializer, Immutable, Alias("Switchboard.WaitingItem")]
public sealed record WaitingItem(
    [property: Id(0)] string InteractionId,
    [property: Id(1)] int Priority,
    [property: Id(2)] DateTimeOffset EnqueuedAt,
    [property: Id(3)] long Sequence,
    [property: Id(4)] DateTimeOffset? ArrivedAt = null,
    [property: Id(5)] string? PreferredAgentId = null);
