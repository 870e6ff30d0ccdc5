namespace Switchboard.Benchmarks;

/// <summary>One measured window of the routing benchmark or its baseline.</summary>
/// <param name="Name">What ran.</param>
/// <param name="Completed">Operations completed in the window (routing: interactions offered).</param>
/// <param name="PerSecond">Completed per second.</param>
/// <param name="Latencies">Latencies of the operations started in the window, sorted, in Stopwatch ticks.</param>
/// <param name="CpuMicrosPerOp">Process CPU time in the window per completed operation.</param>
/// <param name="AllocatedBytesPerOp">Managed bytes allocated in the window per completed operation.</param>
/// <param name="GrainCallsPerOp">Grain calls the silo ran in the window per completed operation.</param>
/// <param name="GcPauseMs">Time the process spent paused for GC in the window.</param>
/// <param name="Errors">Failed or unexpected answers.</param>
/// <param name="CreateLatencies">Routing only: round trips of <c>Create</c> (enqueued and listed) started in the window, sorted.</param>
public sealed record PhaseResult(
    string Name,
    long Completed,
    double PerSecond,
    long[] Latencies,
    double CpuMicrosPerOp,
    double AllocatedBytesPerOp,
    double GrainCallsPerOp,
    double GcPauseMs,
    long Errors,
    long[]? CreateLatencies = null)
{
    public double PercentileMs(double p) => PercentileMs(Latencies, p);

    public static double PercentileMs(long[] sorted, double p)
    {
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var index = Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1);
        return sorted[index] * 1000.0 / System.Diagnostics.Stopwatch.Frequency;
    }

    public string ToRow() => FormattableString.Invariant(
        $"| {Name} | {Completed:N0} | {PerSecond:N0} | {Latencies.Length:N0} | {PercentileMs(0.50):F2} | {PercentileMs(0.90):F2} | {PercentileMs(0.99):F2} | {PercentileMs(1.0):F2} | {CpuMicrosPerOp:F0} | {AllocatedBytesPerOp / 1024:F1} | {GrainCallsPerOp:F1} | {GcPauseMs:F0} | {Errors} |");

    public const string Header =
        "| phase | done | per s | latencies | p50 ms | p90 ms | p99 ms | max ms | CPU µs/op | alloc KiB/op | grain calls/op | GC pause ms | errors |\n" +
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|";
}
