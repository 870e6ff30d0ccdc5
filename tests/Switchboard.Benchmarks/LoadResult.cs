namespace Switchboard.Benchmarks;

public sealed record LoadResult(string Name, double RequestsPerSecond, double P50Ms, double P99Ms, long Errors);
