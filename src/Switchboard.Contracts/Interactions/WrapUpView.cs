namespace Switchboard.Contracts.Interactions;

[GenerateSerializer, Immutable, Alias("Switchboard.WrapUpView")]
public sealed record WrapUpView(
    [property: Id(0)] string AgentId,
    [property: Id(1)] bool CodeRequired,
    [property: Id(2)] DateTimeOffset StartedAt,
    [property: Id(3)] DateTimeOffset? Deadline,
    [property: Id(4)] IReadOnlyList<string> Codes,
    [property: Id(5)] string? Notes,
    [property: Id(6)] DateTimeOffset? CompletedAt,
    [property: Id(7)] bool TimedOut,
    [property: Id(8)] IReadOnlyList<string>? AllowedCodes = null);
