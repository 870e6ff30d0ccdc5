namespace Switchboard.Contracts.Queues;

/// <summary>What an update did; <see cref="Queue"/> is the stored queue (null when not found), <see cref="Errors"/> the broken rules.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.UpdateQueueResult")]
public sealed record UpdateQueueResult(
    [property: Id(0)] UpdateQueueOutcome Outcome,
    [property: Id(1)] QueueRecord? Queue,
    [property: Id(2)] IReadOnlyList<QueueFieldError> Errors);
