namespace Switchboard.Contracts.Live;

/// <summary>
/// A live event as it travels on its stream. <see cref="Id"/> is drawn when the event is published, so an API host can
/// drop a second delivery of it: a queued stream delivers at least once (a message read by a silo that died before
/// deleting it is read again by the silo that takes the queue over).
/// </summary>
[GenerateSerializer, Immutable, Alias("Switchboard.LiveEvent`1")]
public sealed record LiveEvent<T>(
    [property: Id(0)] Guid Id,
    [property: Id(1)] T Item);
