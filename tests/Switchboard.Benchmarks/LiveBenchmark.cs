using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Switchboard.Benchmarks;

/// <summary>
/// Live status fan-out (target: agent state change → every subscribed socket, p99 ≤ 50 ms with 10,000 sockets):
/// the real API host (co-hosted silo, in-memory storage) beside a bare Kestrel WebSocket broadcast, both in this
/// process, each measured by a client process (<see cref="LiveBenchmarkClient"/>) holding the sockets.
/// </summary>
public static class LiveBenchmark
{
    public static async Task RunAsync(int[] socketCounts, int changes)
    {
        Console.WriteLine($"{Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; {changes} changes per phase; sockets: {string.Join(", ", socketCounts)}");
        await using var bare = await BareWebSocketServer.StartAsync();
        await using var switchboard = await SwitchboardServer.StartAsync(1);
        var results = new List<LiveRunResult>();
        foreach (var count in socketCounts)
        {
            results.Add(await RunClientAsync("bare", bare.Address, count, changes, null));
            results.Add(await RunClientAsync("switchboard", switchboard.Client.BaseAddress!, count, changes, switchboard.AdminKey));
        }

        Console.WriteLine();
        Console.WriteLine("| target | sockets | p50 ms | p99 ms | max ms | change request p50 ms | fan-out msgs/s | connect s |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            Console.WriteLine(FormattableString.Invariant(
                $"| {r.Target} | {r.Sockets:N0} | {r.P50Ms:F2} | {r.P99Ms:F2} | {r.MaxMs:F2} | {r.TriggerP50Ms:F2} | {r.MessagesPerSecond:N0} | {r.ConnectSeconds:F1} |"));
        }
    }

    /// <summary>
    /// What the Azure Queue hop adds: the same change → socket measure on the embedded default (in-process queues) and on
    /// Azure Tables with the live streams on Azure Queues (an in-memory Azurite on this machine), at each poll period.
    /// </summary>
    public static async Task RunQueuesAsync(int sockets, int changes, int[] pollPeriods)
    {
        Console.WriteLine($"{Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; {changes} changes, {sockets} sockets; poll periods (ms): {string.Join(", ", pollPeriods)}");
        var results = new List<(string Label, LiveRunResult Result)>();
        await using (var memory = await SwitchboardServer.StartAsync(1))
        {
            results.Add(("in-process queues (embedded default)", await RunClientAsync("in-process", memory.Client.BaseAddress!, sockets, changes, memory.AdminKey)));
        }

        await using var azurite = await Switchboard.TestSupport.Azurite.AzuriteInstance.StartAsync();
        foreach (var poll in pollPeriods)
        {
            var settings = new Dictionary<string, string>
            {
                ["Storage:Provider"] = "AzureTables",
                ["Storage:LiveEventsOnAzureQueues"] = "true",
                ["ConnectionStrings:AzureStorage"] = azurite.ConnectionString,
                ["Storage:LiveQueuePollMilliseconds"] = poll.ToString(CultureInfo.InvariantCulture),
                ["Orleans:ServiceId"] = $"bench{poll}", // own tables' rows and queues per run
            };
            await using var queues = await SwitchboardServer.StartAsync(1, settings);
            results.Add(($"Azure queues, {poll} ms poll", await RunClientAsync("azure-queues", queues.Client.BaseAddress!, sockets, changes, queues.AdminKey)));
        }

        Console.WriteLine();
        Console.WriteLine("| live streams | sockets | p50 ms | p99 ms | max ms | change request p50 ms |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var (label, r) in results)
        {
            Console.WriteLine(FormattableString.Invariant($"| {label} | {r.Sockets:N0} | {r.P50Ms:F2} | {r.P99Ms:F2} | {r.MaxMs:F2} | {r.TriggerP50Ms:F2} |"));
        }
    }

    private static async Task<LiveRunResult> RunClientAsync(string target, Uri address, int count, int changes, string? key)
    {
        var self = typeof(LiveBenchmark).Assembly.Location;
        var host = Environment.ProcessPath!;
        var start = new ProcessStartInfo(host) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            start.ArgumentList.Add(self);
        }

        foreach (var argument in new[] { "live-client", target, address.ToString(), count.ToString(CultureInfo.InvariantCulture), changes.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        if (key is not null)
        {
            start.ArgumentList.Add(key);
        }

        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        LiveRunResult? result = null;
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("RESULT ", StringComparison.Ordinal))
            {
                result = JsonSerializer.Deserialize<LiveRunResult>(line["RESULT ".Length..]);
                Console.WriteLine(FormattableString.Invariant($"{result!.Target}, {count:N0} sockets: p50 {result.P50Ms:F2} ms, p99 {result.P99Ms:F2} ms, {result.MessagesPerSecond:N0} msgs/s"));
            }
            else
            {
                Console.WriteLine(line);
            }
        }

        await process.WaitForExitAsync();
        return result ?? throw new InvalidOperationException($"the {target} client with {count} sockets failed ({process.ExitCode}): {await errors}");
    }
}
