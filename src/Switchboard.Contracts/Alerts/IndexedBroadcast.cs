namespace Switchboard.Contracts.Alerts;

/// <summary>
/// A broadcast as the list index knows it. <see cref="Sequence"/> is given by the index in the order broadcasts reach
/// it, and orders broadcasts sent at the same instant.
/// </summary>
[GenerateSerializer, Immutable, Alias("Switchboard.IndexedBroadcast")]
public sealed record IndexedBroadcast(
    [property: Id(0)] string Id,
    [property: Id(1)] DateTimeOffset SentAt,
    [property: Id(2)] long Sequence = 0);
