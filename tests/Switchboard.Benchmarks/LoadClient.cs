using System.Diagnostics;

namespace Switchboard.Benchmarks;

/// <summary>A closed-loop load client: each worker sends its next request when the previous one is answered.</summary>
public static class LoadClient
{
    public static async Task<LoadResult> RunAsync(
        string name, HttpClient client, Func<int, long, HttpRequestMessage> request, int concurrency, TimeSpan warmup, TimeSpan duration)
    {
        await RunPhaseAsync(client, request, concurrency, warmup, record: null);
        var latencies = new List<double>[concurrency];
        var (count, errors) = await RunPhaseAsync(client, request, concurrency, duration, latencies);
        var all = latencies.SelectMany(l => l).Order().ToArray();
        var result = new LoadResult(name, count / duration.TotalSeconds, Percentile(all, 0.50), Percentile(all, 0.99), errors);
        Console.WriteLine(FormattableString.Invariant($"{name}: {result.RequestsPerSecond:F0} req/s, p50 {result.P50Ms:F2} ms, p99 {result.P99Ms:F2} ms, {errors} errors"));
        return result;
    }

    private static async Task<(long Count, long Errors)> RunPhaseAsync(
        HttpClient client, Func<int, long, HttpRequestMessage> request, int concurrency, TimeSpan length, List<double>[]? record)
    {
        long count = 0, errors = 0;
        var stopAt = Stopwatch.GetTimestamp() + (long)(length.TotalSeconds * Stopwatch.Frequency);
        var workers = Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            var mine = record is null ? null : record[worker] = new List<double>(4096);
            for (long i = 0; Stopwatch.GetTimestamp() < stopAt; i++)
            {
                var started = Stopwatch.GetTimestamp();
                using var message = request(worker, i);
                using var response = await client.SendAsync(message);
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref errors);
                }

                await response.Content.CopyToAsync(Stream.Null);
                mine?.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                Interlocked.Increment(ref count);
            }
        }));
        await Task.WhenAll(workers);
        return (count, errors);
    }

    internal static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
