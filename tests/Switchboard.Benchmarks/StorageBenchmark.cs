using System.Diagnostics;
using Azure.Data.Tables;
using Switchboard.Contracts;
using Switchboard.Contracts.Agents;
using Switchboard.Domain.Agents;
using Switchboard.Hosting;
using Switchboard.TestSupport;
using Switchboard.TestSupport.Azurite;

namespace Switchboard.Benchmarks;

/// <summary>
/// Persisted agent state changes per second through the agent grain on Azure Tables (Azurite), beside raw
/// Azure.Data.Tables upserts of a row of the same size into the same Azurite, in one run (target: at least 0.9 of raw). With
/// <c>queues</c>, the live events travel on Azure Queues too (<c>Storage:LiveEventsOnAzureQueues</c>).
/// </summary>
public static class StorageBenchmark
{
    private const string Tenant = "bench";

    public static async Task RunAsync(TimeSpan duration, int concurrency, bool liveEventsOnQueues = false)
    {
        await using var azurite = await AzuriteInstance.StartAsync();
        var rowBytes = 1_500; // about an agent row with a few recent audit entries, as stored
        var raw = new TableClient(azurite.ConnectionString, "RawBaseline", AzureTableClients.CreateOptions());
        await raw.CreateIfNotExistsAsync();
        var payload = new byte[rowBytes];
        Random.Shared.NextBytes(payload);

        var siloBuilder = Host.CreateApplicationBuilder();
        siloBuilder.Logging.ClearProviders();
        siloBuilder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "AzureTables",
            ["Storage:LiveEventsOnAzureQueues"] = liveEventsOnQueues ? "true" : "false",
            ["ConnectionStrings:AzureStorage"] = azurite.ConnectionString,
            ["Orleans:SiloPort"] = FreePorts.NextText(),
            ["Orleans:GatewayPort"] = FreePorts.NextText(),
        });
        siloBuilder.UseOrleans(silo => silo.AddSwitchboardSilo(siloBuilder.Configuration));
        using var silo = siloBuilder.Build();
        await silo.StartAsync();
        var grains = silo.Services.GetRequiredService<IGrainFactory>();
        for (var i = 0; i < concurrency; i++)
        {
            await grains.GetGrain<IAgentGrain>(GrainKeys.Agent(Tenant, $"a{i}")).Create(new AgentProfile($"a{i}", $"Agent {i}", null));
        }

        Console.WriteLine($"{Environment.ProcessorCount} cores, .NET {Environment.Version}; Azurite in memory; {concurrency} concurrent writers, {duration.TotalSeconds} s per run");
        var results = new List<(string Name, double PerSecond)>();
        foreach (var round in new[] { 1, 2 })
        {
            results.Add(($"raw Azure.Data.Tables upsert, {rowBytes} B row (round {round})", await MeasureAsync(concurrency, duration, async (worker, i) =>
                await raw.UpsertEntityAsync(new TableEntity("p" + worker, "agent") { ["Data0"] = payload }, TableUpdateMode.Replace))));
            results.Add(($"agent grain ChangeState, persisted (round {round})", await MeasureAsync(concurrency, duration, async (worker, i) =>
                await grains.GetGrain<IAgentGrain>(GrainKeys.Agent(Tenant, $"a{worker}"))
                    .ChangeState(new StateChangeRequest(i % 2 == 0 ? AgentState.Available : AgentState.Offline, null, StateActor.Agent, $"a{worker}", null, null)))));
        }

        Console.WriteLine("\n| what | writes/s |\n|---|---:|");
        foreach (var (name, perSecond) in results)
        {
            Console.WriteLine(FormattableString.Invariant($"| {name} | {perSecond:F0} |"));
        }

        var rawBest = results.Where(r => r.Name.StartsWith("raw", StringComparison.Ordinal)).Max(r => r.PerSecond);
        var grainBest = results.Where(r => r.Name.StartsWith("agent", StringComparison.Ordinal)).Max(r => r.PerSecond);
        Console.WriteLine(FormattableString.Invariant($"\ngrain / raw (best rounds): {grainBest / rawBest:F2} (target >= 0.9)"));
        await silo.StopAsync();
    }

    private static async Task<double> MeasureAsync(int concurrency, TimeSpan duration, Func<int, long, Task> write)
    {
        await RunAsync(concurrency, TimeSpan.FromSeconds(2), write); // warm-up
        var count = await RunAsync(concurrency, duration, write);
        return count / duration.TotalSeconds;
    }

    private static async Task<long> RunAsync(int concurrency, TimeSpan length, Func<int, long, Task> write)
    {
        long count = 0;
        var stopAt = Stopwatch.GetTimestamp() + (long)(length.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            for (long i = 0; Stopwatch.GetTimestamp() < stopAt; i++)
            {
                await write(worker, i);
                Interlocked.Increment(ref count);
            }
        })));
        return count;
    }
}
