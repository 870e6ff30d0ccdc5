using Switchboard.Contracts.Agents;
using Switchboard.Domain.Agents;

namespace Switchboard.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class AgentLifecycleTests(ClusterFixture fixture)
{
    private readonly IClusterClient client = fixture.Client;

    [Fact]
    public async Task Create_is_idempotent_for_the_same_profile_and_conflicts_for_another()
    {
        var tenant = TestIds.Tenant();
        var agent = client.Agent(tenant, "alice");
        var profile = new AgentProfile("alice", "Alice Rossi", "sales");
        var createdAt = fixture.Time.GetUtcNow();

        var created = await agent.Create(profile);
        Assert.Equal(CreateAgentOutcome.Created, created.Outcome);
        Assert.Equal(new AgentRecord(profile, createdAt, createdAt), created.Agent);

        fixture.Time.Advance(TimeSpan.FromMinutes(1));
        var again = await agent.Create(profile with { });
        Assert.Equal(CreateAgentOutcome.AlreadyExists, again.Outcome);
        Assert.Equal(new AgentRecord(profile, createdAt, createdAt), again.Agent);

        var other = await agent.Create(new AgentProfile("alice", "Alice Bianchi", "sales"));
        Assert.Equal(CreateAgentOutcome.Conflict, other.Outcome);
        Assert.Equal(new AgentRecord(profile, createdAt, createdAt), other.Agent);

        Assert.Equal(new AgentRecord(profile, createdAt, createdAt), await agent.Get());
        var state = await agent.GetState();
        Assert.Equal(new AgentStateView(AgentState.LoggedOut, null, createdAt, null, null, 0), state);
    }

    [Fact]
    public async Task Get_of_an_agent_never_created_is_null()
    {
        var agent = client.Agent(TestIds.Tenant(), "nobody");

        Assert.Null(await agent.Get());
        Assert.Null(await agent.GetState());
        Assert.Null(await agent.GetHistory(null, 10));
        Assert.Null(await agent.Update(new AgentProfilePatch("X", null)));
        Assert.Equal(DeleteAgentOutcome.NotFound, await agent.Delete("admin"));
        var change = await agent.ChangeState(AgentTestHelpers.Request(AgentState.Available));
        Assert.Equal(StateChangeOutcome.AgentNotFound, change.Outcome);
        Assert.Null(change.State);
        Assert.Equal(StateChangeOutcome.AgentNotFound, (await agent.StartWork("w1")).Outcome);
    }

    [Fact]
    public async Task Update_changes_only_the_given_fields_and_an_empty_group_clears_it()
    {
        var tenant = TestIds.Tenant();
        var agent = client.Agent(tenant, "bob");
        var createdAt = fixture.Time.GetUtcNow();
        await agent.Create(new AgentProfile("bob", "Bob", "support"));

        fixture.Time.Advance(TimeSpan.FromMinutes(3));
        var renamedAt = fixture.Time.GetUtcNow();
        var renamed = await agent.Update(new AgentProfilePatch("Roberto", null));
        Assert.Equal(new AgentRecord(new AgentProfile("bob", "Roberto", "support"), createdAt, renamedAt), renamed);

        fixture.Time.Advance(TimeSpan.FromMinutes(3));
        var regroupedAt = fixture.Time.GetUtcNow();
        var regrouped = await agent.Update(new AgentProfilePatch(null, "billing"));
        Assert.Equal(new AgentRecord(new AgentProfile("bob", "Roberto", "billing"), createdAt, regroupedAt), regrouped);

        fixture.Time.Advance(TimeSpan.FromMinutes(3));
        var clearedAt = fixture.Time.GetUtcNow();
        var cleared = await agent.Update(new AgentProfilePatch(null, ""));
        Assert.Equal(new AgentRecord(new AgentProfile("bob", "Roberto", null), createdAt, clearedAt), cleared);

        // Nothing to change: UpdatedAt stays.
        fixture.Time.Advance(TimeSpan.FromMinutes(3));
        var same = await agent.Update(new AgentProfilePatch(null, null));
        Assert.Equal(new AgentRecord(new AgentProfile("bob", "Roberto", null), createdAt, clearedAt), same);

        Assert.Equal(new AgentRecord(new AgentProfile("bob", "Roberto", null), createdAt, clearedAt), await agent.Get());
        var roster = await client.GetGrain<IAgentRosterGrain>(tenant).List(null, 10);
        Assert.Equal([new AgentProfile("bob", "Roberto", null)], roster.Items);
    }

    [Fact]
    public async Task Delete_removes_the_agent_and_a_second_delete_finds_nothing()
    {
        var tenant = TestIds.Tenant();
        var agent = await client.CreateAgent(tenant, "carla");

        Assert.Equal(DeleteAgentOutcome.Deleted, await agent.Delete("admin-1"));

        Assert.Null(await agent.Get());
        Assert.Null(await agent.GetState());
        var change = await agent.ChangeState(AgentTestHelpers.Request(AgentState.Available));
        Assert.Equal(StateChangeOutcome.AgentNotFound, change.Outcome);
        Assert.Null(change.State);
        Assert.Equal(StateChangeOutcome.AgentNotFound, (await agent.StartWork("w1")).Outcome);
        Assert.Equal(StateChangeOutcome.AgentNotFound, (await agent.EndWork("w1")).Outcome);
        Assert.Equal(StateChangeOutcome.AgentNotFound, (await agent.CompleteWrapUpFor("w1")).Outcome);
        Assert.Null(await agent.Update(new AgentProfilePatch("X", null)));
        Assert.Empty((await client.GetGrain<IAgentRosterGrain>(tenant).List(null, 10)).Items);

        Assert.Equal(DeleteAgentOutcome.NotFound, await agent.Delete("admin-1"));
    }

    [Fact]
    public async Task Recreating_a_deleted_agent_continues_its_version_and_keeps_its_audit_trail()
    {
        var tenant = TestIds.Tenant();
        var agent = await client.CreateAgent(tenant, "dario");
        Assert.Equal(StateChangeOutcome.Applied, (await agent.ChangeState(AgentTestHelpers.Request(AgentState.Available))).Outcome);

        fixture.Time.Advance(TimeSpan.FromMinutes(10));
        var deletedAt = fixture.Time.GetUtcNow();
        Assert.Equal(DeleteAgentOutcome.Deleted, await agent.Delete("admin-1"));

        fixture.Time.Advance(TimeSpan.FromMinutes(10));
        var recreatedAt = fixture.Time.GetUtcNow();
        var profile = new AgentProfile("dario", "Dario", null);
        var recreated = await agent.Create(profile);
        Assert.Equal(CreateAgentOutcome.Created, recreated.Outcome);
        Assert.Equal(new AgentRecord(profile, recreatedAt, recreatedAt), recreated.Agent);

        // Deleting logged the agent out (version 2); the re-created agent starts from there.
        var state = await agent.GetState();
        Assert.NotNull(state);
        Assert.Equal(AgentState.LoggedOut, state.State);
        Assert.Equal(2, state.Version);

        var available = await agent.ChangeState(AgentTestHelpers.Request(AgentState.Available, expectedVersion: 2));
        Assert.Equal(StateChangeOutcome.Applied, available.Outcome);
        Assert.Equal(3, available.State!.Version);

        var history = await agent.GetHistory(null, 10);
        Assert.NotNull(history);
        Assert.Equal([3L, 2L, 1L], history.Items.Select(e => e.Sequence));
        // The admin who deleted the agent logged it out: a supervisor action, by that key.
        Assert.Equal(
            new StateHistoryEntry(2, AuditEntryKind.Transition, AgentState.Available, AgentState.LoggedOut, null, StateActor.Supervisor, "admin-1", "agent deleted", deletedAt),
            history.Items[1]);
        Assert.Equal((AgentState.LoggedOut, AgentState.Available), (history.Items[0].From, history.Items[0].To));
        Assert.Equal((AgentState.LoggedOut, AgentState.Available), (history.Items[2].From, history.Items[2].To));
        Assert.Null(history.NextBefore);
    }

    [Fact]
    public async Task An_agent_handling_work_cannot_be_deleted_until_the_work_is_done()
    {
        var tenant = TestIds.Tenant();
        var agent = await client.CreateAgent(tenant, "elena");
        await agent.ChangeState(AgentTestHelpers.Request(AgentState.Available));
        Assert.Equal(AgentState.Busy, (await agent.StartWork("call-1")).State!.State);

        Assert.Equal(DeleteAgentOutcome.HandlingWork, await agent.Delete("admin-1"));
        Assert.NotNull(await agent.Get());
        Assert.Equal(AgentState.Busy, (await agent.GetState())!.State);

        Assert.Equal(AgentState.WrapUp, (await agent.EndWork("call-1")).State!.State);
        Assert.Equal(DeleteAgentOutcome.HandlingWork, await agent.Delete("admin-1"));

        Assert.Equal(AgentState.Available, (await agent.CompleteWrapUpFor("call-1")).State!.State);
        Assert.Equal(DeleteAgentOutcome.Deleted, await agent.Delete("admin-1"));
        Assert.Null(await agent.Get());
    }
}
