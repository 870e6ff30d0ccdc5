namespace Switchboard.Contracts.Queues;

/// <summary>What a create did; <see cref="Queue"/> is the stored queue (null when invalid), <see cref="Errors"/> the broken rules.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.CreateQueueResult")]
public sealed record CreateQueueResult(
    [property: Id(0)] CreateQueueOutcome Outcome,
    [property: Id(1)] QueueRecord? Queue,
    [property: Id(2)] IReadOnlyList<QueueFieldError> Errors);
