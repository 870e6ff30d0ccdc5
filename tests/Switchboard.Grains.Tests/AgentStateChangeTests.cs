using Switchboard.Contracts.Agents;
using Switchboard.Contracts.Tenancy;
using Switchboard.Domain.Agents;

namespace Switchboard.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class AgentStateChangeTests(ClusterFixture fixture)
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(17);

    private readonly IClusterClient client = fixture.Client;

    [Fact]
    public async Task State_changes_follow_the_tenant_codes_the_version_and_the_work()
    {
        var tenant = TestIds.Tenant();
        await client.GetGrain<ITenantGrain>(tenant).SetStatusCodes(
        [
            new StatusCodeItem("lunch", "Lunch", [AgentState.Break]),
            new StatusCodeItem("training", "Training", [AgentState.Break, AgentState.Offline]),
        ]);
        var agent = await client.CreateAgent(tenant, "a1");

        var t1 = Tick();
        var available = await agent.ChangeState(AgentTestHelpers.Request(AgentState.Available));
        Assert.Equal(StateChangeOutcome.Applied, available.Outcome);
        Assert.Equal(new AgentStateView(AgentState.Available, null, t1, null, null, 1), available.State);
        Assert.Equal(available.State, await agent.GetState());

        Tick();
        var noCode = await agent.ChangeState(AgentTestHelpers.Request(AgentState.Break));
        Assert.Equal(StateChangeOutcome.ReasonCodeRequired, noCode.Outcome);
        Assert.Equal(new AgentStateView(AgentState.Available, null, t1, null, null, 1), noCode.State);
        Assert.Contains("lunch, training", noCode.Detail, StringComparison.Ordinal);

        var unknownCode = await agent.ChangeState(AgentTestHelpers.Request(AgentState.Break, "dinner"));
        Assert.Equal(StateChangeOutcome.ReasonCodeInvalid, unknownCode.Outcome);
        var wrongStateCode = await agent.ChangeState(AgentTestHelpers.Request(AgentState.Offline, "lunch"));
        Assert.Equal(StateChangeOutcome.ReasonCodeInvalid, wrongStateCode.Outcome);

        var stale = await agent.ChangeState(AgentTestHelpers.Request(AgentState.Break, "lunch", expectedVersion: 0));
        Assert.Equal(StateChangeOutcome.PreconditionFailed, stale.Outcome);
        Assert.Equal(new AgentStateView(AgentState.Available, null, t1, null, null, 1), stale.State);
        Assert.Equal(new AgentStateView(AgentState.Available, null, t1, null, null, 1), await agent.GetState());

        var t2 = Tick();
        var lunch = await agent.ChangeState(AgentTestHelpers.Request(AgentState.Break, "lunch", expectedVersion: 1));
        Assert.Equal(StateChangeOutcome.Applied, lunch.Outcome);
        Assert.Equal(new AgentStateView(AgentState.Break, "lunch", t2, null, null, 2), lunch.State);

        var again = await agent.ChangeState(AgentTestHelpers.Request(AgentState.Break, "lunch"));
        Assert.Equal(StateChangeOutcome.Unchanged, again.Outcome);
        Assert.Equal(new AgentStateView(AgentState.Break, "lunch", t2, null, null, 2), again.State);

        var busy = await agent.ChangeState(AgentTestHelpers.Request(AgentState.Busy));
        Assert.Equal(StateChangeOutcome.TransitionNotAllowed, busy.Outcome);
        Assert.Equal(new AgentStateView(AgentState.Break, "lunch", t2, null, null, 2), busy.State);
        Assert.Equal(StateChangeOutcome.TransitionNotAllowed, (await agent.ChangeState(AgentTestHelpers.Request(AgentState.WrapUp))).Outcome);

        // Work can only be offered to Available or Offline agents.
        var onBreak = await agent.StartWork("call-0");
        Assert.Equal(StateChangeOutcome.TransitionNotAllowed, onBreak.Outcome);
        Assert.Equal(2, onBreak.State!.Version);

        var t3 = Tick();
        Assert.Equal(
            new AgentStateView(AgentState.Available, null, t3, null, null, 3),
            (await agent.ChangeState(AgentTestHelpers.Request(AgentState.Available, expectedVersion: 2))).State);

        var t4 = Tick();
        var started = await agent.StartWork("call-1");
        Assert.Equal(StateChangeOutcome.Applied, started.Outcome);
        Assert.Equal(new AgentStateView(AgentState.Busy, null, t4, null, null, 4), started.State);

        Tick();
        var deferred = await agent.ChangeState(AgentTestHelpers.Request(AgentState.Break, "lunch"));
        Assert.Equal(StateChangeOutcome.Deferred, deferred.Outcome);
        Assert.Equal(new AgentStateView(AgentState.Busy, null, t4, AgentState.Break, "lunch", 5), deferred.State);

        var t6 = Tick();
        var ended = await agent.EndWork("call-1");
        Assert.Equal(StateChangeOutcome.Applied, ended.Outcome);
        Assert.Equal(new AgentStateView(AgentState.WrapUp, null, t6, AgentState.Break, "lunch", 6), ended.State);

        var t7 = Tick();
        var completed = await agent.CompleteWrapUpFor("call-1");
        Assert.Equal(StateChangeOutcome.Applied, completed.Outcome);
        Assert.Equal(new AgentStateView(AgentState.Break, "lunch", t7, null, null, 7), completed.State);

        Tick();
        Assert.Equal(new AgentStateView(AgentState.Break, "lunch", t7, null, null, 7), await agent.GetState());

        var history = await agent.GetHistory(null, 10);
        Assert.NotNull(history);
        Assert.Equal([7L, 6L, 5L, 4L, 3L, 2L, 1L], history.Items.Select(e => e.Sequence));
        Assert.Equal(
            [
                new StateHistoryEntry(7, AuditEntryKind.Transition, AgentState.WrapUp, AgentState.Break, "lunch", StateActor.Agent, "a1", null, t7),
                new StateHistoryEntry(6, AuditEntryKind.Transition, AgentState.Busy, AgentState.WrapUp, null, StateActor.System, "call-1", null, t6),
                new StateHistoryEntry(5, AuditEntryKind.NextStateRequested, AgentState.Busy, AgentState.Break, "lunch", StateActor.Agent, "a1", null, t6 - Step),
                new StateHistoryEntry(4, AuditEntryKind.Transition, AgentState.Available, AgentState.Busy, null, StateActor.System, "call-1", null, t4),
                new StateHistoryEntry(3, AuditEntryKind.Transition, AgentState.Break, AgentState.Available, null, StateActor.Agent, "a1", null, t3),
                new StateHistoryEntry(2, AuditEntryKind.Transition, AgentState.Available, AgentState.Break, "lunch", StateActor.Agent, "a1", null, t2),
                new StateHistoryEntry(1, AuditEntryKind.Transition, AgentState.LoggedOut, AgentState.Available, null, StateActor.Agent, "a1", null, t1),
            ],
            history.Items);
    }

    [Fact]
    public async Task Wrap_up_without_a_next_state_returns_to_the_state_before_the_work()
    {
        var tenant = TestIds.Tenant();
        await client.GetGrain<ITenantGrain>(tenant).SetStatusCodes([new StatusCodeItem("training", "Training", [AgentState.Offline])]);
        var agent = await client.CreateAgent(tenant, "a1");
        Assert.Equal(StateChangeOutcome.Applied, (await agent.ChangeState(AgentTestHelpers.Request(AgentState.Offline, "training"))).Outcome);

        Assert.Equal(AgentState.Busy, (await agent.StartWork("transfer-1")).State!.State);
        Assert.Equal(AgentState.WrapUp, (await agent.EndWork("transfer-1")).State!.State);
        var t = Tick();
        var completed = await agent.CompleteWrapUpFor("transfer-1");

        Assert.Equal(StateChangeOutcome.Applied, completed.Outcome);
        Assert.Equal(new AgentStateView(AgentState.Offline, "training", t, null, null, 4), completed.State);
    }

    [Fact]
    public async Task A_supervisor_force_is_recorded_with_its_reason()
    {
        var tenant = TestIds.Tenant();
        var agent = await client.CreateAgent(tenant, "a1");
        var t = Tick();

        var forced = await agent.ChangeState(new StateChangeRequest(AgentState.LoggedOut, null, StateActor.Supervisor, "sup-9", "end of shift", null));
        Assert.Equal(StateChangeOutcome.Unchanged, forced.Outcome);

        forced = await agent.ChangeState(new StateChangeRequest(AgentState.Offline, null, StateActor.Supervisor, "sup-9", "meeting", null));
        Assert.Equal(StateChangeOutcome.Applied, forced.Outcome);

        var history = await agent.GetHistory(null, 10);
        Assert.Equal(
            [new StateHistoryEntry(1, AuditEntryKind.Transition, AgentState.LoggedOut, AgentState.Offline, null, StateActor.Supervisor, "sup-9", "meeting", t)],
            history!.Items);
        Assert.Null(history.NextBefore);
    }

    /// <summary>Moves the fake clock on and returns the new time.</summary>
    private DateTimeOffset Tick()
    {
        fixture.Time.Advance(Step);
        return fixture.Time.GetUtcNow();
    }
}
