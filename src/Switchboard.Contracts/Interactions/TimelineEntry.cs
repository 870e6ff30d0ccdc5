namespace Switchboard.Contracts.Interactions;

[GenerateSerializer, Immutable, Alias("Switchboard.TimelineEntry")]
public sealed record TimelineEntry(
    [property: Id(0)] int Sequence,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string Type,
    [property: Id(3)] string Actor,
    [property: Id(4)] IReadOnlyDictionary<string, string> Details);
