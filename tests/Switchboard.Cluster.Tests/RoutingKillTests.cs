using System.Diagnostics;
using Switchboard.Contracts;
using Switchboard.Contracts.Agents;
using Switchboard.Contracts.Interactions;
using Switchboard.Contracts.Queues;
using Switchboard.Contracts.Tenancy;
using Switchboard.Domain.Agents;
using Switchboard.Domain.Interactions;
using Switchboard.Domain.Queues;
using Switchboard.TestSupport.Azurite;

namespace Switchboard.Cluster.Tests;

/// <summary>
/// A silo killed (kill -9) while calls wait in a queue and others are offered to agents loses none of them:
/// afterwards every acknowledged call is still queued or offered, no agent holds two offers, and all of them are then
/// answered and wrapped up. Three real silo processes on Azure Table storage, membership and reminders (Azurite).
/// </summary>
public sealed class RoutingKillTests
{
    private const string Tenant = "t-routing-kill";
    private const int Calls = 30;
    private const int Agents = 12;

    [Fact(Timeout = 300_000)]
    public async Task Killed_silo_loses_no_queued_or_offered_call()
    {
        var output = TestContext.Current.TestOutputHelper!;
        var total = Stopwatch.StartNew();
        await using var azurite = await AzuriteInstance.StartAsync(TestContext.Current.CancellationToken);
        var clusterId = "rkill-" + Guid.NewGuid().ToString("N")[..12];
        var silos = new List<SiloProcess>();
        try
        {
            for (var i = 0; i < 3; i++)
            {
                silos.Add(SiloProcess.Start(azurite.ConnectionString, clusterId));
            }

            await using var cluster = await ClusterClient.ConnectAsync(azurite.ConnectionString, clusterId, 3, silos, TimeSpan.FromSeconds(90));
            var grains = cluster.Grains;
            await grains.GetGrain<ITenantGrain>(Tenant).Create("Routing kill proof");
            var agents = Enumerable.Range(0, Agents).Select(i => $"agent-{i:D2}").ToArray();
            await Task.WhenAll(agents.Select(id => Agent(grains, id).Create(new AgentProfile(id, "Agent " + id, null))));

            // A long offer timeout: no offer may lapse while the cluster recovers (real time in these processes).
            var queue = grains.GetGrain<IQueueGrain>(GrainKeys.Queue(Tenant, "support"));
            var created = await queue.Create(new QueueConfig("Support", MediaType.Voice, RoutingStrategy.LongestIdle, 300, [], new QueueWrapUpConfig(false, null), null, AgentState.Break));
            Assert.Equal(CreateQueueOutcome.Created, created.Outcome);
            foreach (var id in agents)
            {
                Assert.NotNull((await queue.SetMember(id, 5)).Member);
            }

            foreach (var id in agents.Take(Agents / 2))
            {
                await Agent(grains, id).ChangeState(new StateChangeRequest(AgentState.Available, null, StateActor.Agent, id, null, null));
            }

            var calls = Enumerable.Range(0, Calls).Select(i => $"call-{i:D2}").ToArray();
            foreach (var id in calls)
            {
                var result = await Call(grains, id).Create(new CreateInteraction(MediaType.Voice, InteractionDirection.Inbound, "support", null, "+390212345678", null, 5, "cluster proof"));
                Assert.Equal(InteractionOutcome.Applied, result.Outcome);
            }

            var views = await Until(() => ReadAll(grains, calls), v => v.Count(c => c.State == InteractionState.Offered) == Agents / 2, TimeSpan.FromSeconds(30), "half the agents offered a call");
            output.WriteLine($"{Calls} calls acknowledged, {views.Count(v => v.State == InteractionState.Offered)} offered, {views.Count(v => v.State == InteractionState.Queued)} queued after {total.Elapsed.TotalSeconds:F1} s");

            var victim = silos[1];
            victim.Kill();
            var killed = Stopwatch.StartNew();
            output.WriteLine($"killed silo pid {victim.Id}");

            // Everything acknowledged is still there: queued or offered, and each offer held by its agent alone.
            var after = await Until(() => ReadAll(grains, calls), _ => true, TimeSpan.FromSeconds(120), "readable again");
            output.WriteLine($"every call readable again {killed.Elapsed.TotalSeconds:F1} s after the kill");
            Assert.All(after, v => Assert.True(v.State is InteractionState.Queued or InteractionState.Offered, $"{v.Id} is {v.State}"));
            var offeredTo = after.Where(v => v.State == InteractionState.Offered).Select(v => v.Offer!.AgentId).ToList();
            Assert.Equal(offeredTo.Count, offeredTo.Distinct().Count());

            // Then all agents work the queue until it is empty: nothing was lost on the way.
            foreach (var id in agents.Skip(Agents / 2))
            {
                await Retry(() => Agent(grains, id).ChangeState(new StateChangeRequest(AgentState.Available, null, StateActor.Agent, id, null, null)));
            }

            var handled = new HashSet<string>();
            var drain = Stopwatch.StartNew();
            while (handled.Count < Calls && drain.Elapsed < TimeSpan.FromSeconds(120))
            {
                foreach (var view in await Retry(() => ReadAll(grains, calls)))
                {
                    if (view.State == InteractionState.Offered && view.Offer is { } offer)
                    {
                        await Retry(() => Call(grains, view.Id).Act(new InteractionAction(InteractionActionKind.Accept, offer.AgentId)));
                        await Retry(() => Call(grains, view.Id).Act(new InteractionAction(InteractionActionKind.End, offer.AgentId)));
                    }
                    else if (view.State == InteractionState.WrappedUp)
                    {
                        handled.Add(view.Id);
                    }
                }

                await Task.Delay(200);
            }

            output.WriteLine($"{handled.Count} of {Calls} calls answered and wrapped up {drain.Elapsed.TotalSeconds:F1} s after the drain began; total {total.Elapsed.TotalSeconds:F1} s");
            Assert.Equal(Calls, handled.Count);
            Assert.Empty(await grains.GetGrain<IQueueRouterGrain>(GrainKeys.Queue(Tenant, "support")).GetWaiting());
        }
        finally
        {
            foreach (var silo in silos)
            {
                silo.Dispose();
            }
        }
    }

    private static IAgentGrain Agent(IGrainFactory grains, string id) => grains.GetGrain<IAgentGrain>(GrainKeys.Agent(Tenant, id));

    private static IInteractionGrain Call(IGrainFactory grains, string id) => grains.GetGrain<IInteractionGrain>(GrainKeys.Interaction(Tenant, id));

    private static async Task<List<InteractionView>> ReadAll(IGrainFactory grains, IEnumerable<string> ids)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var views = await Task.WhenAll(ids.Select(id => Call(grains, id).Get(timeout.Token)));
        Assert.All(views, Assert.NotNull);
        return [.. views.Select(v => v!)];
    }

    /// <summary>Calls through a recovering cluster may fail for a while: retried for up to a minute.</summary>
    private static async Task<T> Retry<T>(Func<Task<T>> call)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return await call();
            }
            catch (Exception) when (clock.Elapsed < TimeSpan.FromSeconds(60))
            {
                await Task.Delay(250);
            }
        }
    }

    private static async Task<T> Until<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan timeout, string what)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                var value = await read();
                if (done(value))
                {
                    return value;
                }
            }
            catch (Exception) when (clock.Elapsed < timeout)
            {
                // the cluster is recovering
            }

            if (clock.Elapsed > timeout)
            {
                Assert.Fail($"not {what} within {timeout.TotalSeconds} s");
            }

            await Task.Delay(250);
        }
    }
}
