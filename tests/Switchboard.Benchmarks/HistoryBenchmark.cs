using System.Diagnostics;
using Azure.Data.Tables;
using Switchboard.Contracts.Reports;
using Switchboard.Domain.Queues;
using Switchboard.Domain.Reports;
using Switchboard.Grains.Reports;
using Switchboard.Hosting;
using Switchboard.TestSupport;
using Switchboard.TestSupport.Azurite;

namespace Switchboard.Benchmarks;

/// <summary>
/// The event history. <c>history</c>: appends per second through the silo's history writer on Azure Tables (Azurite),
/// beside raw single-row Azure.Data.Tables upserts of a row of the same size, in one run. <c>history-report</c>: a month's
/// queue report for 100 queues over millions of events in the embedded default's in-memory history (or, with
/// <c>--tables</c>, on Azure Tables in Azurite): its time and memory.
/// </summary>
public static class HistoryBenchmark
{
    private const string Tenant = "bench";

    public static async Task RunAppendsAsync(TimeSpan duration, int concurrency)
    {
        await using var azurite = await AzuriteInstance.StartAsync();
        var raw = new TableClient(azurite.ConnectionString, "RawHistoryBaseline", AzureTableClients.CreateOptions());
        await raw.CreateIfNotExistsAsync();
        using var silo = await StartSilo(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "AzureTables",
            ["Storage:LiveEventsOnAzureQueues"] = "false",
            ["ConnectionStrings:AzureStorage"] = azurite.ConnectionString,
        });
        var writer = silo.Services.GetRequiredService<EventHistoryWriter>();
        var sample = Event(0, 0, DateTimeOffset.UtcNow);
        Console.WriteLine($"{Environment.ProcessorCount} cores, .NET {Environment.Version}; Azurite in memory; {concurrency} concurrent appenders (each awaits its append, as an interaction does), {duration.TotalSeconds} s per run");
        var results = new List<(string Name, double PerSecond)>();
        foreach (var round in new[] { 1, 2 })
        {
            results.Add(($"raw Azure.Data.Tables upsert, one history-sized row per call (round {round})", await Measure(concurrency, duration, async (worker, i) =>
                await raw.UpsertEntityAsync(
                    new TableEntity($"{Tenant}_{worker}", $"{i:D19}_{worker}") { ["Type"] = sample.Type, ["QueueId"] = sample.QueueId, ["AgentId"] = sample.AgentId, ["InteractionId"] = sample.InteractionId, ["Seconds"] = sample.Seconds },
                    TableUpdateMode.Replace))));
            results.Add(($"history writer append, one event per call (round {round})", await Measure(concurrency, duration, async (worker, i) =>
                await writer.Append(Tenant, [Event(worker, i, DateTimeOffset.UtcNow)]))));
        }

        Console.WriteLine("\n| what | appends/s |\n|---|---:|");
        foreach (var (name, perSecond) in results)
        {
            Console.WriteLine(FormattableString.Invariant($"| {name} | {perSecond:F0} |"));
        }

        var rawBest = results.Where(r => r.Name.StartsWith("raw", StringComparison.Ordinal)).Max(r => r.PerSecond);
        var historyBest = results.Where(r => r.Name.StartsWith("history", StringComparison.Ordinal)).Max(r => r.PerSecond);
        Console.WriteLine(FormattableString.Invariant($"\nhistory / raw (best rounds): {historyBest / rawBest:F2}"));
        await silo.StopAsync();
    }

    public static async Task RunReportAsync(int events, int queues, bool tables)
    {
        await using var azurite = tables ? await AzuriteInstance.StartAsync() : null;
        using var silo = await StartSilo(azurite is null
            ? []
            : new Dictionary<string, string?>
            {
                ["Storage:Provider"] = "AzureTables",
                ["Storage:LiveEventsOnAzureQueues"] = "false",
                ["ConnectionStrings:AzureStorage"] = azurite.ConnectionString,
            });
        var history = silo.Services.GetRequiredService<IEventHistoryStore>();
        var grains = silo.Services.GetRequiredService<IGrainFactory>();
        var month = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.FromHours(1));
        var span = TimeSpan.FromDays(30);
        var loading = Stopwatch.StartNew();
        const int Batch = 10_000;
        // Several batches at once on Azure Tables, as many silos' writers would append: each batch is a few partitions.
        await Parallel.ForEachAsync(
            Enumerable.Range(0, (events + Batch - 1) / Batch),
            new ParallelOptions { MaxDegreeOfParallelism = tables ? 16 : 1 },
            async (b, _) =>
            {
                var start = b * Batch;
                var batch = Enumerable.Range(start, Math.Min(Batch, events - start))
                    .Select(i => Event(i % queues, i, month + TimeSpan.FromTicks(span.Ticks / events * i)))
                    .ToList();
                await history.Append(Tenant, batch);
            });

        loading.Stop();
        GC.Collect();
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine(FormattableString.Invariant(
            $"{Environment.ProcessorCount} cores, .NET {Environment.Version}; {events:N0} events of {queues} queues over 30 days in {(tables ? "the Azure Tables history (Azurite in memory, its own process)" : "the in-memory history")}, loaded in {loading.Elapsed.TotalSeconds:F1} s; heap {heapBefore / 1048576.0:F0} MiB"));
        Console.WriteLine("\n| report | rows | time s | allocated MiB | heap after MiB |\n|---|---:|---:|---:|---:|");
        foreach (var (name, interval) in new[] { ("month by day, every queue", ReportInterval.Day), ("month by hour, every queue", ReportInterval.Hour), ("month by day, every queue (again: rows kept a minute)", ReportInterval.Day) })
        {
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var clock = Stopwatch.StartNew();
            var page = await grains.GetGrain<IReportsGrain>(Tenant).Queues(new QueueReportQuery(month, month + span, interval, "Europe/Rome", null, 0, 500));
            clock.Stop();
            var used = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1048576.0;
            Console.WriteLine(FormattableString.Invariant($"| {name} | {page.TotalRows:N0} | {clock.Elapsed.TotalSeconds:F2} | {used:F0} | {GC.GetTotalMemory(false) / 1048576.0:F0} |"));
        }

        await silo.StopAsync();
    }

    private static HistoryEvent Event(int worker, long i, DateTimeOffset at) => (i % 4) switch
    {
        0 => new($"i:b{worker}-{i}:1", at, HistoryTypes.Queued, null, "q" + (worker % 100), $"b{worker}-{i}", MediaType.Voice),
        1 => new($"i:b{worker}-{i}:3", at, HistoryTypes.Accepted, "a" + worker, "q" + (worker % 100), $"b{worker}-{i}", MediaType.Voice, Seconds: i % 40),
        2 => new($"i:b{worker}-{i}:9", at, HistoryTypes.Ended, "a" + worker, "q" + (worker % 100), $"b{worker}-{i}", MediaType.Voice, Seconds: 100 + (i % 300)),
        _ => new($"i:b{worker}-{i}:10", at, HistoryTypes.WrapUpSaved, "a" + worker, "q" + (worker % 100), $"b{worker}-{i}", MediaType.Voice, Code: "sale", Seconds: i % 60),
    };

    private static async Task<IHost> StartSilo(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        settings["Orleans:SiloPort"] = FreePorts.NextText();
        settings["Orleans:GatewayPort"] = FreePorts.NextText();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.UseOrleans(silo => silo.AddSwitchboardSilo(builder.Configuration, embedded: true));
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    private static async Task<double> Measure(int concurrency, TimeSpan duration, Func<int, long, Task> append)
    {
        await Run(concurrency, TimeSpan.FromSeconds(2), append); // warm-up
        return await Run(concurrency, duration, append) / duration.TotalSeconds;
    }

    private static async Task<long> Run(int concurrency, TimeSpan length, Func<int, long, Task> append)
    {
        long count = 0;
        var stopAt = Stopwatch.GetTimestamp() + (long)(length.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            for (long i = worker * 1_000_000_000L; Stopwatch.GetTimestamp() < stopAt; i++)
            {
                await append(worker, i);
                Interlocked.Increment(ref count);
            }
        })));
        return count;
    }
}
