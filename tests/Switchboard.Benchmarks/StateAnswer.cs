namespace Switchboard.Benchmarks;

public sealed record StateAnswer(string AgentId, string State, string? ReasonCode, DateTimeOffset Since, long Version);
