namespace Switchboard.Contracts.Queues;

/// <summary>Wire form of <see cref="Domain.Queues.QueueOverflow"/>.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.QueueOverflowConfig")]
public sealed record QueueOverflowConfig(
    [property: Id(0)] string QueueId,
    [property: Id(1)] int AfterSeconds);
