namespace Switchboard.Benchmarks;

public sealed record StateBody(string State, string? ReasonCode);
