namespace Switchboard.Contracts.Queues;

/// <summary>Wire form of <see cref="Domain.Queues.WrapUpPolicy"/>.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.QueueWrapUpConfig")]
public sealed record QueueWrapUpConfig(
    [property: Id(0)] bool CodeRequired,
    [property: Id(1)] int? MaxSeconds);
