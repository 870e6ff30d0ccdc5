using Switchboard.Contracts;
using Switchboard.Contracts.Agents;
using Switchboard.Contracts.Auth;
using Switchboard.Contracts.Tenancy;
using Switchboard.Domain.Agents;

namespace Switchboard.Grains.Tests;

/// <summary>State survives its activation: every grain involved is deactivated and read back from storage.</summary>
[Collection(ClusterCollection.Name)]
public sealed class PersistenceTests(ClusterFixture fixture)
{
    private readonly IClusterClient client = fixture.Client;

    [Fact]
    public async Task An_agent_reads_back_the_same_state_and_history_after_deactivation()
    {
        var tenant = TestIds.Tenant();
        var tenantGrain = client.GetGrain<ITenantGrain>(tenant);
        await tenantGrain.SetStatusCodes([new StatusCodeItem("lunch", "Lunch", [AgentState.Break])]);
        var agent = await client.CreateAgent(tenant, "a1", group: "sales");

        // 37 changes (more than one archive batch), then work with a next state requested: version 39.
        for (var i = 0; i < 37; i++)
        {
            fixture.Time.Advance(TimeSpan.FromSeconds(3));
            var target = i % 2 == 0 ? AgentState.Available : AgentState.Offline;
            Assert.Equal(StateChangeOutcome.Applied, (await agent.ChangeState(AgentTestHelpers.Request(target, expectedVersion: i))).Outcome);
        }

        fixture.Time.Advance(TimeSpan.FromSeconds(3));
        var busySince = fixture.Time.GetUtcNow();
        Assert.Equal(StateChangeOutcome.Applied, (await agent.StartWork("call-1")).Outcome);
        Assert.Equal(StateChangeOutcome.Deferred, (await agent.ChangeState(AgentTestHelpers.Request(AgentState.Break, "lunch"))).Outcome);

        var stateBefore = await agent.GetState();
        Assert.Equal(new AgentStateView(AgentState.Busy, null, busySince, AgentState.Break, "lunch", 39), stateBefore);
        var recordBefore = await agent.Get();
        var historyBefore = await agent.ReadAllHistory(1000);
        Assert.Equal(39, historyBefore.Count);
        var rosterBefore = await client.GetGrain<IAgentRosterGrain>(tenant).List(null, 10);
        var activationBefore = ActivationOf(agent);

        await fixture.DeactivateAllAsync(
            agent,
            tenantGrain,
            client.GetGrain<IAgentRosterGrain>(tenant),
            client.GetGrain<IAgentHistoryPageGrain>(GrainKeys.AgentHistoryPage(tenant, "a1", 0)));

        Assert.Equal(stateBefore, await agent.GetState());
        Assert.NotEqual(activationBefore, ActivationOf(agent));
        Assert.Equal(recordBefore, await agent.Get());
        Assert.Equal(historyBefore, await agent.ReadAllHistory(1000));
        Assert.Equal(historyBefore, await agent.ReadAllHistory(7));
        Assert.Equal(rosterBefore.Items, (await client.GetGrain<IAgentRosterGrain>(tenant).List(null, 10)).Items);
        Assert.Equal(["lunch"], (await tenantGrain.GetStatusCodes()).Select(c => c.Code));

        // The work, the state before it and the requested next state were persisted too.
        fixture.Time.Advance(TimeSpan.FromSeconds(3));
        var wrapUpSince = fixture.Time.GetUtcNow();
        Assert.Equal(new AgentStateView(AgentState.WrapUp, null, wrapUpSince, AgentState.Break, "lunch", 40), (await agent.EndWork("call-1")).State);
        await fixture.DeactivateAllAsync(agent);
        fixture.Time.Advance(TimeSpan.FromSeconds(3));
        var breakSince = fixture.Time.GetUtcNow();
        Assert.Equal(new AgentStateView(AgentState.Break, "lunch", breakSince, null, null, 41), (await agent.CompleteWrapUpFor("call-1")).State);

        var after = await agent.ReadAllHistory(1000);
        Assert.Equal(Enumerable.Range(1, 41).Reverse().Select(i => (long)i), after.Select(e => e.Sequence));
        Assert.Equal(historyBefore, after.Skip(2));
    }

    [Fact]
    public async Task A_deleted_agent_stays_deleted_after_deactivation()
    {
        var tenant = TestIds.Tenant();
        var agent = await client.CreateAgent(tenant, "a1");
        await agent.ChangeState(AgentTestHelpers.Request(AgentState.Available));
        Assert.Equal(DeleteAgentOutcome.Deleted, await agent.Delete("admin"));

        await fixture.DeactivateAllAsync(agent, client.GetGrain<IAgentRosterGrain>(tenant));

        Assert.Null(await agent.Get());
        Assert.Equal(DeleteAgentOutcome.NotFound, await agent.Delete("admin"));
        Assert.Empty((await client.GetGrain<IAgentRosterGrain>(tenant).List(null, 10)).Items);
        Assert.Equal(CreateAgentOutcome.Created, (await agent.Create(new AgentProfile("a1", "Again", null))).Outcome);
        Assert.Equal(2, (await agent.GetState())!.Version);
    }

    [Fact]
    public async Task Api_keys_authenticate_after_deactivation()
    {
        var tenant = TestIds.Tenant();
        var store = client.GetGrain<IApiKeyStoreGrain>(tenant);
        Assert.NotNull(await store.Register(new ApiKeyRegistration("k1", "hash-1", ApiKeyRole.Supervisor, null, "desk")));
        Assert.NotNull(await store.Register(new ApiKeyRegistration("k2", "hash-2", ApiKeyRole.Agent, "a7", null)));
        Assert.NotNull(await store.Revoke("k2"));
        var listed = await store.List();

        await fixture.DeactivateAllAsync(store);

        Assert.Equal(new ApiKeyIdentity(tenant, "k1", ApiKeyRole.Supervisor, null), await store.Authenticate("hash-1"));
        Assert.Null(await store.Authenticate("hash-2"));
        Assert.Equal(listed, await store.List());
    }

    [Fact]
    public async Task A_tenant_reads_back_after_deactivation()
    {
        var tenant = TestIds.Tenant();
        var grain = client.GetGrain<ITenantGrain>(tenant);
        var createdAt = fixture.Time.GetUtcNow();
        Assert.True(await grain.Create("Acme"));
        await grain.SetTransactionCodes([new TransactionCodeItem("sale", "Sale")]);

        await fixture.DeactivateAllAsync(grain);

        Assert.Equal(new TenantInfo(tenant, "Acme", createdAt), await grain.Get());
        Assert.Equal([new TransactionCodeItem("sale", "Sale")], await grain.GetTransactionCodes());
        Assert.False(await grain.Create("Acme"));
    }

    private ActivationId? ActivationOf(IAddressable grain) =>
        fixture.Cluster.TryGetGrainContext(grain.GetGrainId(), out var context) ? context.ActivationId : null;
}
