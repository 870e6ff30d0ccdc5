using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Switchboard.Benchmarks;

/// <summary>
/// Load from wrk (Debian's <c>wrk</c> package) in its own process, so the load generator is not the server's guest:
/// the connections over 2 threads, each thread toggling its own agents so that nearly every
/// PUT is a real change.
/// </summary>
public static partial class WrkClient
{
    public static bool IsInstalled() => File.Exists("/usr/bin/wrk");

    public static async Task<LoadResult> RunAsync(string name, Uri baseAddress, WrkRequest request, int connections, TimeSpan warmup, TimeSpan duration)
    {
        var script = Path.Combine(Path.GetTempPath(), $"switchboard-wrk-{Guid.NewGuid():N}.lua");
        await File.WriteAllTextAsync(script, request.Script());
        try
        {
            await RunWrkAsync(baseAddress, script, connections, warmup);
            var output = await RunWrkAsync(baseAddress, script, connections, duration);
            var result = new LoadResult(
                name,
                Number(RequestsPerSecond().Match(output)),
                Latency(output, "50"),
                Latency(output, "99"),
                NonSuccess().Match(output) is { Success: true } errors ? long.Parse(errors.Groups[1].Value, CultureInfo.InvariantCulture) : 0);
            Console.WriteLine(FormattableString.Invariant($"{name}: {result.RequestsPerSecond:F0} req/s, p50 {result.P50Ms:F2} ms, p99 {result.P99Ms:F2} ms, {result.Errors} errors (wrk)"));
            return result;
        }
        finally
        {
            File.Delete(script);
        }
    }

    private static async Task<string> RunWrkAsync(Uri baseAddress, string script, int connections, TimeSpan length)
    {
        var start = new ProcessStartInfo("/usr/bin/wrk") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-t2", $"-c{connections}", $"-d{(int)length.TotalSeconds}s", "--latency", "-s", script, baseAddress.ToString() })
        {
            start.ArgumentList.Add(argument);
        }

        using var wrk = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start.");
        var output = await wrk.StandardOutput.ReadToEndAsync();
        await wrk.WaitForExitAsync();
        return wrk.ExitCode == 0 ? output : throw new InvalidOperationException($"wrk failed: {output}{await wrk.StandardError.ReadToEndAsync()}");
    }

    /// <summary>wrk prints "99%    4.60ms" (or us, s) in its latency distribution.</summary>
    private static double Latency(string output, string percentile)
    {
        var match = Regex.Match(output, $@"^\s+{percentile}%\s+([0-9.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
        var value = Number(match);
        return match.Groups[2].Value switch { "us" => value / 1000, "s" => value * 1000, _ => value };
    }

    private static double Number(Match match) =>
        match.Success ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : double.NaN;

    [GeneratedRegex(@"^Requests/sec:\s+([0-9.]+)", RegexOptions.Multiline)]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+([0-9]+)")]
    private static partial Regex NonSuccess();
}

/// <summary>What wrk sends: a path template with <c>{agent}</c>, and for a PUT the state body toggling per agent.</summary>
public sealed record WrkRequest(string Method, string PathTemplate, int Agents, string? Key)
{
    /// <summary>A Lua script: each of wrk's threads takes its own share of the agents and flips each one on every visit.</summary>
    public string Script() => $$"""
        local threads = 0
        function setup(thread) thread:set("id", threads); threads = threads + 1 end
        local n = 0
        local flips = {}
        local headers = { ["Content-Type"] = "application/json" {{(Key is null ? "" : $", [\"Authorization\"] = \"Bearer {Key}\"")}} }
        request = function()
          n = n + 1
          local agent = (id * {{Agents / 2}} + (n % {{Agents / 2}})) % {{Agents}}
          local path = string.gsub("{{PathTemplate}}", "{agent}", "a" .. agent)
          if "{{Method}}" == "GET" then return wrk.format("GET", path, headers) end
          flips[agent] = not flips[agent]
          local state = flips[agent] and "Available" or "Offline"
          return wrk.format("{{Method}}", path, headers, '{"state":"' .. state .. '","reasonCode":null}')
        end
        """;
}
