using System.Globalization;

namespace Switchboard.Benchmarks;

/// <summary>
/// Arguments of the routing benchmark: <c>routing [seconds=20] [agents=1000] [queues=100] [--concurrency=64]
/// [--rates=10,100,half] [--azurite] [--profile] [--fresh-hour]</c>. A rate is calls per second, or <c>half</c> of the closed-loop throughput just measured.
/// </summary>
public sealed record RoutingOptions(int Seconds, int Agents, int Queues, int Concurrency, IReadOnlyList<string> Rates, bool Azurite, bool Profile, bool FreshHour)
{
    public static RoutingOptions Parse(IReadOnlyList<string> args)
    {
        var positional = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
        string? Flag(string name) => args.LastOrDefault(a => a.StartsWith($"--{name}=", StringComparison.Ordinal))?[(name.Length + 3)..];
        int Number(int index, int fallback) => positional.Count > index ? int.Parse(positional[index], CultureInfo.InvariantCulture) : fallback;

        var options = new RoutingOptions(
            Number(0, 20),
            Number(1, 1000),
            Number(2, 100),
            Flag("concurrency") is { } c ? int.Parse(c, CultureInfo.InvariantCulture) : 64,
            (Flag("rates") ?? "10,100,half").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            args.Contains("--azurite"),
            args.Contains("--profile"),
            args.Contains("--fresh-hour"));
        if (options.Seconds < 1 || options.Agents < 1 || options.Queues < 1 || options.Concurrency < 1)
        {
            throw new ArgumentException("seconds, agents, queues and --concurrency must be positive.");
        }

        if (options.Rates.Any(r => r != "half" && !(double.TryParse(r, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v > 0)))
        {
            throw new ArgumentException("--rates takes positive numbers (calls per second) or 'half', comma-separated.");
        }

        return options;
    }
}
