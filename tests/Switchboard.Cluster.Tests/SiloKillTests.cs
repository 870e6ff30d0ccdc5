using System.Collections.Concurrent;
using System.Diagnostics;
using Switchboard.Contracts;
using Switchboard.Contracts.Agents;
using Switchboard.Contracts.Tenancy;
using Switchboard.Domain.Agents;
using Switchboard.TestSupport.Azurite;

namespace Switchboard.Cluster.Tests;

/// <summary>
/// Three real silo processes on our Azure Table membership and storage (Azurite); agents
/// change state continuously; one silo is killed (kill -9). Every acknowledged change stays readable and calls to
/// every agent succeed again once Orleans has voted the dead silo out.
/// </summary>
public sealed class SiloKillTests
{
    private const int AgentCount = 60;

    [Fact(Timeout = 240_000)]
    public async Task Killed_silo_loses_no_acknowledged_state_change_and_every_agent_recovers()
    {
        var output = TestContext.Current.TestOutputHelper!;
        var total = Stopwatch.StartNew();
        await using var azurite = await AzuriteInstance.StartAsync(TestContext.Current.CancellationToken);
        var clusterId = "kill-" + Guid.NewGuid().ToString("N")[..12];
        var silos = new List<SiloProcess>();
        try
        {
            for (var i = 0; i < 3; i++)
            {
                silos.Add(SiloProcess.Start(azurite.ConnectionString, clusterId));
            }

            await using var cluster = await ClusterClient.ConnectAsync(azurite.ConnectionString, clusterId, 3, silos, TimeSpan.FromSeconds(90));
            output.WriteLine($"3 silos active after {total.Elapsed.TotalSeconds:F1} s (pids {string.Join(", ", silos.Select(s => s.Id))})");

            const string tenant = "t-kill";
            await cluster.Grains.GetGrain<ITenantGrain>(tenant).Create("Kill proof");
            var agents = Enumerable.Range(0, AgentCount).Select(i => $"agent-{i:D2}").ToArray();
            await Task.WhenAll(agents.Select(id => cluster.Grains.GetGrain<IAgentGrain>(GrainKeys.Agent(tenant, id)).Create(new AgentProfile(id, "Agent " + id, null))));

            var acknowledged = agents.ToDictionary(a => a, _ => new List<long>());
            var recoveredAt = new ConcurrentDictionary<string, TimeSpan>();
            var failures = new ConcurrentDictionary<string, int>();
            var clock = Stopwatch.StartNew();
            TimeSpan? killedAt = null;
            using var stop = new CancellationTokenSource();

            async Task Work(string agentId)
            {
                var grain = cluster.Grains.GetGrain<IAgentGrain>(GrainKeys.Agent(tenant, agentId));
                var target = AgentState.Available;
                while (!stop.IsCancellationRequested)
                {
                    var startedAt = clock.Elapsed;
                    try
                    {
                        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                        var result = await grain.ChangeState(new StateChangeRequest(target, null, StateActor.Agent, agentId, "cluster proof", null), timeout.Token);
                        if (result.Outcome == StateChangeOutcome.Applied)
                        {
                            acknowledged[agentId].Add(result.State!.Version);
                        }

                        if (killedAt is { } k && startedAt > k)
                        {
                            recoveredAt.TryAdd(agentId, clock.Elapsed - k);
                        }

                        target = target == AgentState.Available ? AgentState.Offline : AgentState.Available;
                    }
                    catch (Exception exception) when (exception is not OutOfMemoryException)
                    {
                        failures.AddOrUpdate(agentId, 1, (_, n) => n + 1);
                        await Task.Delay(100);
                    }
                }
            }

            var workers = agents.Select(a => Task.Run(() => Work(a))).ToArray();
            await Task.Delay(TimeSpan.FromSeconds(5));
            var beforeKill = acknowledged.Values.Sum(v => v.Count);
            failures.Clear();

            var victim = silos[1];
            killedAt = clock.Elapsed;
            victim.Kill();
            output.WriteLine($"killed silo pid {victim.Id} (silo port {victim.SiloPort}) after {beforeKill} acknowledged changes");

            var recoveryDeadline = Stopwatch.StartNew();
            while (recoveredAt.Count < AgentCount && recoveryDeadline.Elapsed < TimeSpan.FromSeconds(120))
            {
                await Task.Delay(100);
            }

            await Task.Delay(TimeSpan.FromSeconds(2));
            await stop.CancelAsync();
            await Task.WhenAll(workers);

            var recoveries = recoveredAt.Values.OrderBy(t => t).ToList();
            var affected = failures.Count;
            var slowest = recoveries.Count > 0 ? recoveries[^1] : TimeSpan.Zero;
            output.WriteLine($"recovery after the kill: every agent answering again after {slowest.TotalSeconds:F1} s " +
                $"(median {recoveries[recoveries.Count / 2].TotalSeconds:F1} s); {affected} agents saw failed calls, {failures.Values.Sum()} failed calls in all");
            output.WriteLine($"acknowledged changes: {acknowledged.Values.Sum(v => v.Count)} ({beforeKill} before the kill)");
            Assert.True(recoveredAt.Count == AgentCount,
                $"{AgentCount - recoveredAt.Count} agents did not answer within 120 s of the kill: {string.Join(", ", agents.Except(recoveredAt.Keys))}");

            foreach (var agentId in agents)
            {
                var grain = cluster.Grains.GetGrain<IAgentGrain>(GrainKeys.Agent(tenant, agentId));
                var acked = acknowledged[agentId];
                Assert.NotEmpty(acked);
                var view = await grain.GetState();
                Assert.NotNull(view);
                Assert.True(view.Version >= acked.Max(), $"{agentId}: version {view.Version} is behind the acknowledged {acked.Max()}");

                var sequences = new HashSet<long>();
                long? before = null;
                do
                {
                    var page = await grain.GetHistory(before, 500);
                    Assert.NotNull(page);
                    sequences.UnionWith(page.Items.Select(e => e.Sequence));
                    before = page.NextBefore;
                }
                while (before is not null);

                var missing = acked.Where(s => !sequences.Contains(s)).ToList();
                Assert.True(missing.Count == 0, $"{agentId}: acknowledged sequences missing from the history: {string.Join(", ", missing)}");
            }

            output.WriteLine($"total {total.Elapsed.TotalSeconds:F1} s");
        }
        finally
        {
            foreach (var silo in silos)
            {
                silo.Dispose();
            }
        }
    }
}
