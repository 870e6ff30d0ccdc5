using System.Globalization;

namespace Switchboard.Benchmarks;

// Agent-state PUT throughput: Switchboard (real Kestrel on 127.0.0.1, co-hosted silo, in-memory storage)
// beside a bare Kestrel JSON endpoint in the same process and run; the load from this process, or with --wrk from wrk. Usage:
//   dotnet run -c Release --project tests/Switchboard.Benchmarks -- [seconds=10] [concurrency=32] [agents=64] [--wrk]
// Persisted changes through the agent grain on Azurite beside raw table upserts:
//   dotnet run -c Release --project tests/Switchboard.Benchmarks -- storage [seconds=10] [concurrency=32] [queues]
// Change → socket on in-process queues and on Azure queues (Azurite) at each poll period:
//   dotnet run -c Release --project tests/Switchboard.Benchmarks -- live-queues [sockets=100] [changes=200] [pollMs=10,50]
// Routing (enqueue → offer) on an in-process silo beside no-op grain calls (see RoutingOptions for the flags):
// Live status fan-out (state change → every subscribed socket) beside a bare Kestrel WebSocket broadcast:
//   dotnet run -c Release --project tests/Switchboard.Benchmarks -- live [sockets=1000,10000] [changes=100]
//   dotnet run -c Release --project tests/Switchboard.Benchmarks -- routing [seconds=20] [agents=1000] [queues=100] [--concurrency=64] [--rates=10,100,half] [--azurite] [--profile] [--fresh-hour]
// Many web chats at once: customer message (public POST) → the agent's socket, messages/s, heap per open chat:
//   dotnet run -c Release --project tests/Switchboard.Benchmarks -- chat [chats=1000] [customers=500] [agents=200] [messagesPerChat=5]
// Webhooks: added latency on the triggering PUT (steady rate, with and without an endpoint) and deliveries/s beside bare POSTs:
//   dotnet run -c Release --project tests/Switchboard.Benchmarks -- webhooks [rate=200] [seconds=15] [burst=5000]
public static class AgentStateBenchmark
{
    public static async Task Main(string[] args)
    {
        // WebApplicationFactory finds the API's content root through a manifest in the output folder, read from the current directory.
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        if (args.Length > 0 && args[0] == "storage")
        {
            await StorageBenchmark.RunAsync(
                TimeSpan.FromSeconds(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10),
                args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 32,
                args.Length > 3 && args[3] == "queues");
            return;
        }

        if (args.Length > 0 && args[0] == "live-queues")
        {
            await LiveBenchmark.RunQueuesAsync(
                args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100,
                args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 200,
                args.Length > 3 ? [.. args[3].Split(',').Select(p => int.Parse(p, CultureInfo.InvariantCulture))] : [10, 50]);
            return;
        }

        if (args.Length > 0 && args[0] == "live")
        {
            var counts = args.Length > 1 ? args[1].Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToArray() : [1000, 10000];
            await LiveBenchmark.RunAsync(counts, args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 100);
            return;
        }

        if (args.Length > 0 && args[0] == "live-client")
        {
            Environment.ExitCode = await LiveBenchmarkClient.RunAsync(args[1..]);
            return;
        }

        if (args.Length > 0 && args[0] == "chat")
        {
            int Arg(int i, int fallback) => args.Length > i ? int.Parse(args[i], CultureInfo.InvariantCulture) : fallback;
            await ChatBenchmark.RunAsync(chats: Arg(1, 1000), customers: Arg(2, 500), agents: Arg(3, 200), messagesPerChat: Arg(4, 5));
            return;
        }

        if (args.Length > 0 && args[0] == "webhooks")
        {
            int Arg(int i, int fallback) => args.Length > i ? int.Parse(args[i], CultureInfo.InvariantCulture) : fallback;
            await WebhookBenchmark.RunAsync(rate: Arg(1, 200), seconds: Arg(2, 15), burst: Arg(3, 5000));
            return;
        }

        if (args.Length > 0 && args[0] == "history")
        {
            await HistoryBenchmark.RunAppendsAsync(
                TimeSpan.FromSeconds(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10),
                args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 32);
            return;
        }

        if (args.Length > 0 && args[0] == "history-report")
        {
            await HistoryBenchmark.RunReportAsync(
                args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3_000_000,
                args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 100,
                args.Contains("--tables"));
            return;
        }

        if (args.Length > 0 && args[0] == "offer-socket")
        {
            int Arg(int i, int fallback) => args.Length > i ? int.Parse(args[i], CultureInfo.InvariantCulture) : fallback;
            // Settings for the host as key=value after the numbers, e.g. Storage:LiveQueuePollMilliseconds=1.
            var settings = args.Skip(5).Select(a => a.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
            await OfferSocketBenchmark.RunAsync(agents: Arg(1, 1000), queues: Arg(2, 100), rate: Arg(3, 100), seconds: Arg(4, 20), settings);
            return;
        }

        if (args.Length > 0 && args[0] == "drain")
        {
            int Arg(int i, int fallback) => args.Length > i ? int.Parse(args[i], CultureInfo.InvariantCulture) : fallback;
            await DrainBenchmark.RunAsync(sockets: Arg(1, 1000), concurrency: Arg(2, 32), agents: Arg(3, 64));
            return;
        }

        if (args.Length > 0 && args[0] == "routing")
        {
            await RoutingBenchmark.RunAsync(RoutingOptions.Parse(args[1..]));
            return;
        }

        // "--wrk": the load comes from wrk in its own process instead of this process's closed-loop client.
        var useWrk = args.Contains("--wrk");
        args = [.. args.Where(a => a != "--wrk")];
        var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10;
        var concurrency = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 32;
        var agents = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 64;
        if (useWrk && !WrkClient.IsInstalled())
        {
            throw new InvalidOperationException("--wrk needs /usr/bin/wrk (apt-get install wrk).");
        }

        var duration = TimeSpan.FromSeconds(seconds);
        var warmup = TimeSpan.FromSeconds(3);

        Console.WriteLine($"{Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; {concurrency} concurrent clients, {seconds} s per run, {agents} agents; load from {(useWrk ? "wrk (own process)" : "this process")}");

        await using var bare = await BareKestrelServer.StartAsync();
        await using var switchboard = await SwitchboardServer.StartAsync(agents);

        var results = new List<LoadResult>();
        foreach (var round in new[] { 1, 2 })
        {
            if (useWrk)
            {
                results.Add(await WrkClient.RunAsync($"bare Kestrel JSON PUT (round {round})", bare.Client.BaseAddress!,
                    new WrkRequest("PUT", "/bare/{agent}/state", agents, null), concurrency, warmup, duration));
                results.Add(await WrkClient.RunAsync($"Switchboard PUT /v1/agents/{{id}}/state (round {round})", switchboard.Client.BaseAddress!,
                    new WrkRequest("PUT", "/v1/agents/{agent}/state", agents, switchboard.AdminKey), concurrency, warmup, duration));
                results.Add(await WrkClient.RunAsync($"Switchboard GET /v1/agents/{{id}}/state (round {round})", switchboard.Client.BaseAddress!,
                    new WrkRequest("GET", "/v1/agents/{agent}/state", agents, switchboard.AdminKey), concurrency, warmup, duration));
                continue;
            }

            results.Add(await LoadClient.RunAsync($"bare Kestrel JSON PUT (round {round})", bare.Client, bare.Request, concurrency, warmup, duration));
            results.Add(await LoadClient.RunAsync($"Switchboard PUT /v1/agents/{{id}}/state (round {round})", switchboard.Client, switchboard.Request, concurrency, warmup, duration));
            results.Add(await LoadClient.RunAsync($"Switchboard GET /v1/agents/{{id}}/state (round {round})", switchboard.Client, switchboard.ReadRequest, concurrency, warmup, duration));
        }

        Console.WriteLine();
        Console.WriteLine("| endpoint | requests/s | p50 ms | p99 ms | errors |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            Console.WriteLine(FormattableString.Invariant($"| {r.Name} | {r.RequestsPerSecond:F0} | {r.P50Ms:F2} | {r.P99Ms:F2} | {r.Errors} |"));
        }

        var bareBest = results.Where(r => r.Name.StartsWith("bare", StringComparison.Ordinal)).Max(r => r.RequestsPerSecond);
        var sbBest = results.Where(r => r.Name.StartsWith("Switchboard PUT", StringComparison.Ordinal)).Max(r => r.RequestsPerSecond);
        var getBest = results.Where(r => r.Name.StartsWith("Switchboard GET", StringComparison.Ordinal)).Max(r => r.RequestsPerSecond);
        Console.WriteLine(FormattableString.Invariant($"\nSwitchboard PUT / bare Kestrel PUT (best rounds): {sbBest / bareBest:P0} (target >= 50%); GET / bare: {getBest / bareBest:P0}"));
    }
}
