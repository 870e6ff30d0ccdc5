namespace Switchboard.Contracts.Queues;

/// <summary>A queue as the API shows it.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.QueueRecord")]
public sealed record QueueRecord(
    [property: Id(0)] string Id,
    [property: Id(1)] QueueConfig Config,
    [property: Id(2)] DateTimeOffset CreatedAt,
    [property: Id(3)] DateTimeOffset UpdatedAt);
