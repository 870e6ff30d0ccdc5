namespace Switchboard.Contracts.Alerts;

/// <summary>A broadcast as the list index knows it.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.IndexedBroadcast")]
public sealed record IndexedBroadcast(
    [property: Id(0)] string Id,
    [property: Id(1)] DateTimeOffset SentAt);
