namespace Switchboard.Contracts.Queues;

/// <summary>Queues ordered by id; pass <see cref="NextAfter"/> to read the next page.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.QueueRosterPage")]
public sealed record QueueRosterPage(
    [property: Id(0)] IReadOnlyList<QueueRosterEntry> Items,
    [property: Id(1)] string? NextAfter);
