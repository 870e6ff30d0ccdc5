using System.Diagnostics;
using Azure.Data.Tables;
using Switchboard.Contracts;
using Switchboard.Contracts.Agents;
using Switchboard.Contracts.Auth;
using Switchboard.Contracts.Tenancy;
using Switchboard.Domain.Agents;
using Switchboard.Hosting;
using Switchboard.TestSupport.Azurite;

namespace Switchboard.Cluster.Tests;

/// <summary>
/// The whole cluster (two silo processes) is stopped and two fresh silo processes start on
/// the same Azurite and cluster id; agents, states, status codes and API keys are all still there.
/// </summary>
public sealed class ClusterRestartTests
{
    [Fact(Timeout = 240_000)]
    public async Task Whole_cluster_stopped_and_started_again_keeps_agents_states_codes_and_keys()
    {
        var output = TestContext.Current.TestOutputHelper!;
        var total = Stopwatch.StartNew();
        await using var azurite = await AzuriteInstance.StartAsync(TestContext.Current.CancellationToken);
        var clusterId = "restart-" + Guid.NewGuid().ToString("N")[..12];
        const string tenant = "t-restart";
        var agents = Enumerable.Range(0, 20).Select(i => $"agent-{i:D2}").ToArray();
        var codes = new List<StatusCodeItem>
        {
            new("lunch", "Lunch", [AgentState.Break]),
            new("training", "Training", [AgentState.Break, AgentState.Offline]),
        };
        var key = new ApiKeyRegistration("key-1", new string('a', 64), ApiKeyRole.Supervisor, null, "restart proof");
        var agentKey = new ApiKeyRegistration("key-2", new string('b', 64), ApiKeyRole.Agent, agents[3], "agent console");
        var expected = new Dictionary<string, AgentStateView>();

        var silos = new List<SiloProcess>();
        try
        {
            silos.AddRange([SiloProcess.Start(azurite.ConnectionString, clusterId), SiloProcess.Start(azurite.ConnectionString, clusterId)]);
            await using (var cluster = await ClusterClient.ConnectAsync(azurite.ConnectionString, clusterId, 2, silos, TimeSpan.FromSeconds(90)))
            {
                Assert.True(await cluster.Grains.GetGrain<ITenantGrain>(tenant).Create("Restart proof"));
                await cluster.Grains.GetGrain<ITenantGrain>(tenant).SetStatusCodes(codes);
                var keys = cluster.Grains.GetGrain<IApiKeyStoreGrain>(tenant);
                Assert.NotNull(await keys.Register(key));
                Assert.NotNull(await keys.Register(agentKey));

                for (var i = 0; i < agents.Length; i++)
                {
                    var grain = cluster.Grains.GetGrain<IAgentGrain>(GrainKeys.Agent(tenant, agents[i]));
                    Assert.Equal(CreateAgentOutcome.Created, (await grain.Create(new AgentProfile(agents[i], "Agent " + i, i % 2 == 0 ? "even" : null))).Outcome);
                    Assert.Equal(StateChangeOutcome.Applied, (await grain.ChangeState(new StateChangeRequest(AgentState.Available, null, StateActor.Agent, agents[i], null, null))).Outcome);
                    var last = await grain.ChangeState(i % 3 == 0
                        ? new StateChangeRequest(AgentState.Break, "lunch", StateActor.Agent, agents[i], "hungry", null)
                        : new StateChangeRequest(AgentState.Offline, "training", StateActor.Supervisor, "sup-1", null, null));
                    Assert.Equal(StateChangeOutcome.Applied, last.Outcome);
                    expected[agents[i]] = last.State!;
                }
            }

            // A whole-cluster stop as operators do it (SIGTERM, graceful). After a kill -9 of every silo the new silos
            // wait for Orleans' join-time connectivity check against the dead rows still marked Active (~2 min measured).
            var stopping = Stopwatch.StartNew();
            await Task.WhenAll(silos.Select(s => s.StopAsync(TimeSpan.FromSeconds(60))));
            output.WriteLine($"first cluster (pids {string.Join(", ", silos.Select(s => s.Id))}) stopped in {stopping.Elapsed.TotalSeconds:F1} s, after {total.Elapsed.TotalSeconds:F1} s");

            // Each left the cluster cleanly: exited with 0, its membership row Dead (not Active for others to suspect).
            Assert.All(silos, s => Assert.Equal(0, s.ExitCode));
            var membership = new TableClient(azurite.ConnectionString, new StorageOptions().MembershipTable);
            var rows = new List<TableEntity>();
            await foreach (var row in membership.QueryAsync<TableEntity>(e => e.PartitionKey == clusterId, cancellationToken: TestContext.Current.CancellationToken))
            {
                rows.Add(row);
            }

            var statuses = rows.Where(r => r.ContainsKey("Status")).Select(r => r.GetString("Status")).ToList();
            Assert.Equal(["Dead", "Dead"], statuses);
            silos.ForEach(s => s.Dispose());
            silos.Clear();

            var restart = Stopwatch.StartNew();
            silos.AddRange([SiloProcess.Start(azurite.ConnectionString, clusterId), SiloProcess.Start(azurite.ConnectionString, clusterId)]);
            await using (var cluster = await ClusterClient.ConnectAsync(azurite.ConnectionString, clusterId, 2, silos, TimeSpan.FromSeconds(150)))
            {
                output.WriteLine($"second cluster (pids {string.Join(", ", silos.Select(s => s.Id))}) active {restart.Elapsed.TotalSeconds:F1} s after start");
                Assert.NotNull(await cluster.Grains.GetGrain<ITenantGrain>(tenant).Get());
                var storedCodes = await cluster.Grains.GetGrain<ITenantGrain>(tenant).GetStatusCodes();
                Assert.Equal(codes.Select(c => (c.Code, c.Label, string.Join(",", c.States))), storedCodes.Select(c => (c.Code, c.Label, string.Join(",", c.States))));

                var keys = cluster.Grains.GetGrain<IApiKeyStoreGrain>(tenant);
                var listed = await keys.List();
                Assert.Equal(["key-1", "key-2"], listed.Select(k => k.Id).Order());
                var identity = await keys.Authenticate(agentKey.Hash);
                Assert.Equal(new ApiKeyIdentity(tenant, "key-2", ApiKeyRole.Agent, agents[3]), identity);
                Assert.Equal(new ApiKeyIdentity(tenant, "key-1", ApiKeyRole.Supervisor, null), await keys.Authenticate(key.Hash));

                foreach (var agentId in agents)
                {
                    var grain = cluster.Grains.GetGrain<IAgentGrain>(GrainKeys.Agent(tenant, agentId));
                    var record = await grain.Get();
                    Assert.NotNull(record);
                    Assert.Equal(agentId, record.Profile.Id);
                    var state = await grain.GetState();
                    Assert.Equal(expected[agentId], state);
                    var history = await grain.GetHistory(null, 100);
                    Assert.NotNull(history);
                    Assert.Equal(expected[agentId].Version, history.Items[0].Sequence);
                    Assert.Equal(expected[agentId].State, history.Items[0].To);
                }
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
