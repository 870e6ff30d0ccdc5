using Switchboard.Contracts;
using Switchboard.Contracts.Agents;
using Switchboard.Contracts.Tenancy;
using Switchboard.Domain.Agents;

namespace Switchboard.Grains.Tests;

/// <summary>
/// The wire types carry enums from Switchboard.Domain, which has no Orleans attributes. Client calls are always
/// serialized; these tests also place cooperating grains on different silos so grain-to-grain calls are.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class SerializationTests(ClusterFixture fixture)
{
    private readonly IClusterClient client = fixture.Client;

    [Fact]
    public async Task Every_enum_value_survives_the_client_boundary()
    {
        var agent = await client.CreateAgent(TestIds.Tenant(), "a1");

        var busy = await agent.ChangeState(new StateChangeRequest(AgentState.Busy, null, StateActor.Supervisor, "s1", null, null));
        Assert.Equal(StateChangeOutcome.TransitionNotAllowed, busy.Outcome);
        Assert.Equal(AgentState.LoggedOut, busy.State!.State);

        await agent.ChangeState(new StateChangeRequest(AgentState.Offline, null, StateActor.Supervisor, "s1", "meeting", null));
        await agent.StartWork("w1");
        var deferred = await agent.ChangeState(new StateChangeRequest(AgentState.LoggedOut, null, StateActor.System, "rona", null, null));
        Assert.Equal(StateChangeOutcome.Deferred, deferred.Outcome);
        Assert.Equal((AgentState.Busy, (AgentState?)AgentState.LoggedOut), (deferred.State!.State, deferred.State.NextState));
        Assert.Equal(AgentState.WrapUp, (await agent.EndWork("w1")).State!.State);

        var history = await agent.ReadAllHistory(10);
        Assert.Equal(
            [
                (AuditEntryKind.Transition, AgentState.Busy, AgentState.WrapUp, StateActor.System),
                (AuditEntryKind.NextStateRequested, AgentState.Busy, AgentState.LoggedOut, StateActor.System),
                (AuditEntryKind.Transition, AgentState.Offline, AgentState.Busy, StateActor.System),
                (AuditEntryKind.Transition, AgentState.LoggedOut, AgentState.Offline, StateActor.Supervisor),
            ],
            history.Select(e => (e.Kind, e.From, e.To, e.Actor)));
    }

    [Fact]
    public async Task If_match_reaches_the_agent_as_a_list_and_as_the_single_version_a_previous_host_sends()
    {
        var agent = await client.CreateAgent(TestIds.Tenant(), "a1");
        await agent.ChangeState(AgentTestHelpers.Request(AgentState.Available)); // version 1

        StateChangeRequest Change(AgentState target, IReadOnlyList<long>? versions) => new(target, null, StateActor.Agent, "a1", null, versions);
        Assert.Equal(StateChangeOutcome.PreconditionFailed, (await agent.ChangeState(Change(AgentState.Offline, [7, 8]))).Outcome);
        Assert.Equal(StateChangeOutcome.PreconditionFailed, (await agent.ChangeState(Change(AgentState.Offline, []))).Outcome);
        Assert.Equal(StateChangeOutcome.Applied, (await agent.ChangeState(Change(AgentState.Offline, [7, 1]))).Outcome); // version 2

        // A host of the previous version knows only the single version.
        var previous = Change(AgentState.Available, null) with { ExpectedVersion = 1 };
        Assert.Equal(StateChangeOutcome.PreconditionFailed, (await agent.ChangeState(previous)).Outcome);
        Assert.Equal(StateChangeOutcome.Applied, (await agent.ChangeState(previous with { ExpectedVersion = 2 })).Outcome);

        // What a host of the previous version reads from a list: the one tag, or a version that never matches.
        Assert.Equal(5, Change(AgentState.Offline, [5]).ExpectedVersion);
        Assert.Equal(-1, Change(AgentState.Offline, [5, 6]).ExpectedVersion);
        Assert.Equal(-1, Change(AgentState.Offline, []).ExpectedVersion);
        Assert.Null(Change(AgentState.Offline, null).ExpectedVersion);
    }

    [Fact]
    public async Task Status_codes_and_history_pages_cross_between_silos()
    {
        var tenant = TestIds.Tenant();
        var tenantGrain = client.GetGrain<ITenantGrain>(tenant);
        await tenantGrain.SetStatusCodes([new StatusCodeItem("lunch", "Lunch", [AgentState.Break])]);
        var agent = await client.CreateAgent(tenant, "a1");

        // 40 changes: the first archive batch goes to history page 0.
        for (var i = 0; i < 40; i++)
        {
            var target = i % 2 == 0 ? AgentState.Available : AgentState.Offline;
            Assert.Equal(StateChangeOutcome.Applied, (await agent.ChangeState(AgentTestHelpers.Request(target, expectedVersion: i))).Outcome);
        }

        var agentSilo = fixture.SiloOf(agent);
        var otherSilo = fixture.Cluster.Silos.Select(s => s.SiloAddress).Single(s => !s.Equals(agentSilo));
        var page0 = client.GetGrain<IAgentHistoryPageGrain>(GrainKeys.AgentHistoryPage(tenant, "a1", 0));
        await fixture.EnsureOn(tenantGrain, otherSilo);
        await fixture.EnsureOn(page0, otherSilo);
        Assert.Equal(agentSilo, fixture.SiloOf(agent));

        // The agent reads the codes (with their AgentState lists) from the other silo.
        var noCode = await agent.ChangeState(AgentTestHelpers.Request(AgentState.Break));
        Assert.Equal(StateChangeOutcome.ReasonCodeRequired, noCode.Outcome);
        Assert.Equal(StateChangeOutcome.ReasonCodeInvalid, (await agent.ChangeState(AgentTestHelpers.Request(AgentState.Offline, "lunch"))).Outcome);
        var lunch = await agent.ChangeState(AgentTestHelpers.Request(AgentState.Break, "lunch"));
        Assert.Equal(StateChangeOutcome.Applied, lunch.Outcome);
        Assert.Equal((AgentState.Break, "lunch", 41L), (lunch.State!.State, lunch.State.ReasonCode, lunch.State.Version));

        // And its archived entries from the other silo.
        var history = await agent.ReadAllHistory(1000);
        Assert.Equal(Enumerable.Range(1, 41).Reverse().Select(i => (long)i), history.Select(e => e.Sequence));
        Assert.All(history.Skip(1), e => Assert.Equal(e.Sequence % 2 == 1 ? AgentState.Available : AgentState.Offline, e.To));
        Assert.Equal(AgentState.Break, history[0].To);
        Assert.Equal(otherSilo, fixture.SiloOf(page0));
    }

    [Fact]
    public async Task An_agent_moved_to_the_other_silo_keeps_its_state()
    {
        var agent = await client.CreateAgent(TestIds.Tenant(), "a1");
        await agent.ChangeState(AgentTestHelpers.Request(AgentState.Available));
        await agent.StartWork("w1");
        var before = await agent.GetState();

        var from = fixture.SiloOf(agent);
        var to = fixture.Cluster.Silos.Select(s => s.SiloAddress).Single(s => !s.Equals(from));
        await fixture.Cluster.MigrateAsync(agent, to);

        Assert.Equal(before, await agent.GetState());
        Assert.Equal(to, fixture.SiloOf(agent));
        Assert.Equal(AgentState.WrapUp, (await agent.EndWork("w1")).State!.State);
        Assert.Equal(AgentState.Available, (await agent.CompleteWrapUpFor("w1")).State!.State);
    }
}
