using Microsoft.Extensions.DependencyInjection;
using Switchboard.Grains.Agents;

namespace Switchboard.Grains.Tests;

/// <summary>
/// Every grain's persisted state goes through <see cref="TurnPersistentState{TState}"/>: storage operations one at a
/// time in the order asked, even from interleaving calls, and failures passed on as Orleans passes them.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class TurnPersistentStateTests(ClusterFixture fixture)
{
    [Fact]
    public void Every_silo_makes_grain_state_with_the_turn_factory()
    {
        Assert.All(fixture.Cluster.Silos, silo =>
            Assert.IsType<TurnPersistentStateFactory>(silo.ServiceProvider.GetRequiredService<IPersistentStateFactory>()));
    }

    [Fact]
    public async Task A_write_asked_while_another_is_in_storage_starts_only_after_it_has_ended()
    {
        var key = TestIds.Tenant();
        var probe = fixture.Client.GetGrain<IStateWriteProbeGrain>(key);
        await probe.Store(new AgentGrainState { Version = 0 });

        Task first, second;
        using (var hold = fixture.Faults.HoldWrites(key, "probe"))
        {
            first = probe.StoreInterleaved(new AgentGrainState { Version = 1 });
            await hold.Seen("start 1").WaitAsync(TimeSpan.FromSeconds(30));
            second = probe.StoreInterleaved(new AgentGrainState { Version = 2 });
            await hold.Seen("asked 2").WaitAsync(TimeSpan.FromSeconds(30));
            hold.Release();
            await Task.WhenAll(first, second);

            Assert.Equal(["start 1", "asked 1", "asked 2", "end 1", "start 2", "end 2"], hold.Events);
        }

        Assert.Equal(2, (await probe.Read()).Version);
        await fixture.DeactivateAllAsync(probe);
        Assert.Equal(2, (await probe.Read()).Version);
    }

    [Fact]
    public async Task A_storage_failure_that_is_not_an_orleans_exception_reaches_the_grain_inside_one_and_is_undone()
    {
        var key = TestIds.Tenant();
        var probe = fixture.Client.GetGrain<IStateWriteProbeGrain>(key);
        await probe.Store(new AgentGrainState { Version = 7 });

        using (fixture.Faults.FailWrites(key, "probe", count: 1, failure: message => new IOException(message)))
        {
            Assert.Equal(nameof(OrleansException), await probe.ChangeEveryField(new AgentGrainState { Version = 8 }));
        }

        Assert.Equal(7, (await probe.Read()).Version);
    }
}
