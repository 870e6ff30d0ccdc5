using Orleans.Storage;
using Switchboard.Contracts;
using Switchboard.Contracts.Agents;
using Switchboard.Contracts.Auth;
using Switchboard.Contracts.Tenancy;
using Switchboard.Domain.Agents;
using Switchboard.Grains.Agents;

namespace Switchboard.Grains.Tests;

/// <summary>
/// Storage writes that fail (<see cref="FaultInjectingGrainStorage"/>): the caller hears about it, nothing half-done
/// stays in memory, and a retry or the next call puts things right.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class WriteFailureTests(ClusterFixture fixture)
{
    private readonly IClusterClient client = fixture.Client;

    private StorageFaults Faults => fixture.Faults;

    [Fact]
    public async Task A_failed_state_change_throws_and_leaves_state_and_history_as_they_were()
    {
        var tenant = TestIds.Tenant();
        var agent = await client.CreateAgent(tenant, "a1");
        const int Batch = AgentHistoryArchive.BatchSize;

        // One change short of a batch: the next would also start archiving, had it been written.
        var times = await agent.Alternate(fixture.Time, 0, Batch - 1);
        var stateBefore = await agent.GetState();
        Assert.Equal(new AgentStateView(AgentTestHelpers.AlternateTarget(Batch - 2), null, times[^1], null, null, Batch - 1), stateBefore);
        var historyBefore = await agent.ReadAllHistory(100);
        Assert.Equal(Enumerable.Range(1, Batch - 1).Reverse().Select(i => (long)i), historyBefore.Select(e => e.Sequence));

        var target = AgentTestHelpers.AlternateTarget(Batch - 1);
        using (var fault = Faults.FailWrites(GrainKeys.Agent(tenant, "a1"), "agent", count: 1))
        {
            fixture.Time.Advance(TimeSpan.FromSeconds(1));
            await Assert.ThrowsAsync<InjectedStorageFaultException>(() => agent.ChangeState(AgentTestHelpers.Request(target, expectedVersion: Batch - 1)));
            Assert.Equal(1, fault.Injected);
        }

        Assert.Equal(stateBefore, await agent.GetState());
        Assert.Equal(historyBefore, await agent.ReadAllHistory(100));
        Assert.Empty(await HistoryPage(tenant, "a1", 0).GetEntries());

        // The same request again (same If-Match) applies as version Batch, and archives 1..Batch.
        fixture.Time.Advance(TimeSpan.FromSeconds(1));
        var retriedAt = fixture.Time.GetUtcNow();
        var retried = await agent.ChangeState(AgentTestHelpers.Request(target, expectedVersion: Batch - 1));
        Assert.Equal(StateChangeOutcome.Applied, retried.Outcome);
        Assert.Equal(new AgentStateView(target, null, retriedAt, null, null, Batch), retried.State);
        Assert.Equal(StateChangeOutcome.Applied, (await agent.ChangeState(AgentTestHelpers.Request(AgentTestHelpers.AlternateTarget(Batch), expectedVersion: Batch))).Outcome);

        var history = await agent.ReadAllHistory(100);
        Assert.Equal(Enumerable.Range(1, Batch + 1).Reverse().Select(i => (long)i), history.Select(e => e.Sequence));
        Assert.Equal(historyBefore, history.Skip(2));
        Assert.Equal(
            new StateHistoryEntry(Batch, AuditEntryKind.Transition, AgentTestHelpers.AlternateTarget(Batch - 2), target, null, StateActor.Agent, "a1", null, retriedAt),
            history[1]);
        Assert.Equal(Enumerable.Range(1, Batch).Select(i => (long)i), (await HistoryPage(tenant, "a1", 0).GetEntries()).Select(e => e.Sequence));

        // Nothing of the failed attempt reached storage either.
        await fixture.DeactivateAllAsync(agent, HistoryPage(tenant, "a1", 0));
        Assert.Equal(Batch + 1, (await agent.GetState())!.Version);
        Assert.Equal(history, await agent.ReadAllHistory(100));
        Assert.Equal(history, await agent.ReadAllHistory(3));
    }

    [Fact]
    public async Task A_state_change_that_finds_the_agent_written_by_someone_else_fails_and_the_agent_reloads()
    {
        var tenant = TestIds.Tenant();
        var agent = await client.CreateAgent(tenant, "a1");
        await agent.Alternate(fixture.Time, 0, 3);
        var stateBefore = await agent.GetState();
        var historyBefore = await agent.ReadAllHistory(100);
        var activationBefore = ActivationOf(agent);

        using (var fault = Faults.FailWrites(GrainKeys.Agent(tenant, "a1"), "agent", count: 1, failure: message => new InconsistentStateException(message)))
        {
            fixture.Time.Advance(TimeSpan.FromSeconds(1));
            await Assert.ThrowsAsync<InconsistentStateException>(() => agent.ChangeState(AgentTestHelpers.Request(AgentState.Offline, expectedVersion: 3)));
            Assert.Equal(1, fault.Injected);
        }

        Assert.Equal(stateBefore, await agent.GetState());
        Assert.NotEqual(activationBefore, ActivationOf(agent));
        Assert.Equal(historyBefore, await agent.ReadAllHistory(100));
        Assert.Equal(StateChangeOutcome.Applied, (await agent.ChangeState(AgentTestHelpers.Request(AgentState.Offline, expectedVersion: 3))).Outcome);
    }

    [Fact]
    public async Task Failed_archiving_does_not_fail_state_changes_and_loses_no_history()
    {
        var tenant = TestIds.Tenant();
        var agent = await client.CreateAgent(tenant, "a1");
        var times = new List<DateTimeOffset>();

        // Enough changes for many archive attempts to fail, one after another.
        const int Failing = AgentHistoryArchive.BatchSize + 15;
        using (var fault = Faults.FailWrites($"{tenant}/a1/", "history"))
        {
            times.AddRange(await agent.Alternate(fixture.Time, 0, Failing));

            // Changes BatchSize to Failing each found a batch or more of unarchived entries and tried (and failed) to copy
            // them to page 0.
            Assert.Equal(Failing - AgentHistoryArchive.BatchSize + 1, fault.Injected);
        }

        var recent = await agent.GetHistory(null, 100);
        Assert.NotNull(recent);
        Assert.Equal(ExpectedHistory(times), recent.Items);
        Assert.Null(recent.NextBefore);
        Assert.Empty(await HistoryPage(tenant, "a1", 0).GetEntries());

        // Storage is back: the next change archives everything so far, later ones stay recent.
        times.AddRange(await agent.Alternate(fixture.Time, Failing, 7));
        Assert.Equal(Enumerable.Range(1, Failing + 1).Select(i => (long)i), (await HistoryPage(tenant, "a1", 0).GetEntries()).Select(e => e.Sequence));
        Assert.Equal(ExpectedHistory(times), await agent.ReadAllHistory(100));

        await fixture.DeactivateAllAsync(agent, HistoryPage(tenant, "a1", 0));

        var expected = ExpectedHistory(times);
        Assert.Equal(Failing + 7, expected.Count);
        Assert.Equal(expected, await agent.ReadAllHistory(100));
        Assert.Equal(expected, await agent.ReadAllHistory(7));
        Assert.Equal(expected, await agent.ReadAllHistory(1));
        Assert.Equal(new AgentStateView(AgentTestHelpers.AlternateTarget(Failing + 6), null, times[^1], null, null, Failing + 7), await agent.GetState());
    }

    [Fact]
    public async Task A_change_whose_write_would_drop_archived_entries_fails_whole_and_the_entries_are_read_once()
    {
        var tenant = TestIds.Tenant();
        var agent = await client.CreateAgent(tenant, "a1");
        const int Batch = AgentHistoryArchive.BatchSize;
        var times = await agent.Alternate(fixture.Time, 0, Batch);
        Assert.Equal(Enumerable.Range(1, Batch).Select(i => (long)i), (await HistoryPage(tenant, "a1", 0).GetEntries()).Select(e => e.Sequence));

        // The next change's write is the one that also records "archived through Batch" and drops entries 1..Batch from
        // the row.
        using (var fault = Faults.FailWrites(GrainKeys.Agent(tenant, "a1"), "agent", count: 1, when: s => s is AgentGrainState { ArchivedThrough: > 0 }))
        {
            fixture.Time.Advance(TimeSpan.FromSeconds(1));
            await Assert.ThrowsAsync<InjectedStorageFaultException>(() => agent.ChangeState(AgentTestHelpers.Request(AgentTestHelpers.AlternateTarget(Batch), expectedVersion: Batch)));
            Assert.Equal(1, fault.Injected);
        }

        Assert.Equal(Batch, (await agent.GetState())!.Version);
        Assert.Equal(ExpectedHistory(times), await agent.ReadAllHistory(100));
        Assert.Equal(ExpectedHistory(times), await agent.ReadAllHistory(4));

        times.AddRange(await agent.Alternate(fixture.Time, Batch, 3));
        Assert.Equal(Enumerable.Range(1, Batch).Select(i => (long)i), (await HistoryPage(tenant, "a1", 0).GetEntries()).Select(e => e.Sequence));

        await fixture.DeactivateAllAsync(agent, HistoryPage(tenant, "a1", 0));
        Assert.Equal(ExpectedHistory(times), await agent.ReadAllHistory(100));
        Assert.Equal(ExpectedHistory(times), await agent.ReadAllHistory(4));
    }

    [Fact]
    public async Task Failed_api_key_writes_change_nothing()
    {
        var tenant = TestIds.Tenant();
        var store = client.GetGrain<IApiKeyStoreGrain>(tenant);
        Assert.NotNull(await store.Register(new ApiKeyRegistration("admin", "hash-admin", ApiKeyRole.Admin, null, null)));
        Assert.NotNull(await store.Register(new ApiKeyRegistration("k1", "hash-1", ApiKeyRole.Agent, "a1", null)));
        var listed = await store.List();

        using (var fault = Faults.FailWrites(tenant, "apikeys", count: 2))
        {
            await Assert.ThrowsAsync<InjectedStorageFaultException>(() => store.Register(new ApiKeyRegistration("k2", "hash-2", ApiKeyRole.Supervisor, null, null)));
            await Assert.ThrowsAsync<InjectedStorageFaultException>(() => store.Revoke("admin"));
            Assert.Equal(2, fault.Injected);
        }

        Assert.Equal(listed, await store.List());
        Assert.Null(await store.Authenticate("hash-2"));
        Assert.Equal(new ApiKeyIdentity(tenant, "admin", ApiKeyRole.Admin, null), await store.Authenticate("hash-admin"));
        Assert.Equal(new ApiKeyIdentity(tenant, "k1", ApiKeyRole.Agent, "a1"), await store.Authenticate("hash-1"));

        // Neither the id nor the hash of the failed registration is taken; the failed revocation did not stick.
        await fixture.DeactivateAllAsync(store);
        Assert.Equal(listed, await store.List());
        Assert.NotNull(await store.Register(new ApiKeyRegistration("k2", "hash-2", ApiKeyRole.Supervisor, null, null)));
        Assert.Equal(new ApiKeyIdentity(tenant, "k2", ApiKeyRole.Supervisor, null), await store.Authenticate("hash-2"));
        Assert.Equal(new ApiKeyIdentity(tenant, "admin", ApiKeyRole.Admin, null), await store.Authenticate("hash-admin"));
    }

    [Fact]
    public async Task Revoking_an_agents_keys_revokes_only_its_active_agent_keys_once()
    {
        var tenant = TestIds.Tenant();
        var store = client.GetGrain<IApiKeyStoreGrain>(tenant);
        var createdAt = fixture.Time.GetUtcNow();
        await store.Register(new ApiKeyRegistration("a7-console", "hash-a7-1", ApiKeyRole.Agent, "a7", "console"));
        await store.Register(new ApiKeyRegistration("a7-phone", "hash-a7-2", ApiKeyRole.Agent, "a7", "phone"));
        await store.Register(new ApiKeyRegistration("a7-old", "hash-a7-3", ApiKeyRole.Agent, "a7", null));
        await store.Register(new ApiKeyRegistration("a70", "hash-a70", ApiKeyRole.Agent, "a70", null));
        await store.Register(new ApiKeyRegistration("a8", "hash-a8", ApiKeyRole.Agent, "a8", null));
        await store.Register(new ApiKeyRegistration("admin", "hash-admin", ApiKeyRole.Admin, "a7", null));
        await store.Register(new ApiKeyRegistration("sup", "hash-sup", ApiKeyRole.Supervisor, "a7", null));
        fixture.Time.Advance(TimeSpan.FromMinutes(1));
        var oldRevokedAt = fixture.Time.GetUtcNow();
        var old = await store.Revoke("a7-old");
        Assert.Equal(oldRevokedAt, old!.Info.RevokedAt);
        var listed = await store.List();

        fixture.Time.Advance(TimeSpan.FromMinutes(1));
        using (var fault = Faults.FailWrites(tenant, "apikeys", count: 1))
        {
            await Assert.ThrowsAsync<InjectedStorageFaultException>(() => store.RevokeAgentKeys("a7"));
            Assert.Equal(1, fault.Injected);
        }

        Assert.Equal(listed, await store.List());
        Assert.Equal(new ApiKeyIdentity(tenant, "a7-console", ApiKeyRole.Agent, "a7"), await store.Authenticate("hash-a7-1"));
        Assert.Equal(new ApiKeyIdentity(tenant, "a7-phone", ApiKeyRole.Agent, "a7"), await store.Authenticate("hash-a7-2"));

        fixture.Time.Advance(TimeSpan.FromMinutes(1));
        var revokedAt = fixture.Time.GetUtcNow();
        var revoked = await store.RevokeAgentKeys("a7");
        Assert.Equal(
            [
                new RevokedApiKey(new ApiKeyInfo("a7-console", ApiKeyRole.Agent, "a7", "console", createdAt, revokedAt), "hash-a7-1"),
                new RevokedApiKey(new ApiKeyInfo("a7-phone", ApiKeyRole.Agent, "a7", "phone", createdAt, revokedAt), "hash-a7-2"),
            ],
            revoked.OrderBy(k => k.Info.Id, StringComparer.Ordinal));

        Assert.Null(await store.Authenticate("hash-a7-1"));
        Assert.Null(await store.Authenticate("hash-a7-2"));
        Assert.Null(await store.Authenticate("hash-a7-3"));
        Assert.Equal(new ApiKeyIdentity(tenant, "a70", ApiKeyRole.Agent, "a70"), await store.Authenticate("hash-a70"));
        Assert.Equal(new ApiKeyIdentity(tenant, "a8", ApiKeyRole.Agent, "a8"), await store.Authenticate("hash-a8"));
        Assert.Equal(new ApiKeyIdentity(tenant, "admin", ApiKeyRole.Admin, "a7"), await store.Authenticate("hash-admin"));
        Assert.Equal(new ApiKeyIdentity(tenant, "sup", ApiKeyRole.Supervisor, "a7"), await store.Authenticate("hash-sup"));

        var expected = listed
            .Select(k => k.Id is "a7-console" or "a7-phone" ? k with { RevokedAt = revokedAt } : k)
            .ToList();
        Assert.Equal(oldRevokedAt, expected.Single(k => k.Id == "a7-old").RevokedAt);
        Assert.Equal(expected, await store.List());

        // Again: nothing left to revoke, and the first revocation time stays.
        fixture.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Empty(await store.RevokeAgentKeys("a7"));
        Assert.Empty(await store.RevokeAgentKeys("nobody"));
        await fixture.DeactivateAllAsync(store);
        Assert.Equal(expected, await store.List());
        Assert.Null(await store.Authenticate("hash-a7-1"));
        Assert.Empty(await store.RevokeAgentKeys("a7"));
    }

    [Fact]
    public async Task Seeding_a_revoked_key_again_keeps_it_revoked_and_a_new_hash_replaces_it()
    {
        var tenant = TestIds.Tenant();
        var store = client.GetGrain<IApiKeyStoreGrain>(tenant);
        var seededAt = fixture.Time.GetUtcNow();
        var seed1 = new ApiKeyRegistration("dev", "hash-1", ApiKeyRole.Admin, null, "development");
        Assert.Equal(new ApiKeyInfo("dev", ApiKeyRole.Admin, null, "development", seededAt, null), await store.Seed(seed1));

        fixture.Time.Advance(TimeSpan.FromMinutes(1));
        var revokedAt = fixture.Time.GetUtcNow();
        Assert.NotNull(await store.Revoke("dev"));
        var revokedInfo = new ApiKeyInfo("dev", ApiKeyRole.Admin, null, "development", seededAt, revokedAt);

        fixture.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(revokedInfo, await store.Seed(seed1));
        Assert.Null(await store.Authenticate("hash-1"));
        Assert.Equal([revokedInfo], await store.List());

        // A failed reseed changes nothing.
        using (var fault = Faults.FailWrites(tenant, "apikeys", count: 1))
        {
            await Assert.ThrowsAsync<InjectedStorageFaultException>(() => store.Seed(seed1 with { Hash = "hash-2" }));
            Assert.Equal(1, fault.Injected);
        }

        Assert.Null(await store.Authenticate("hash-2"));
        Assert.Equal([revokedInfo], await store.List());

        fixture.Time.Advance(TimeSpan.FromMinutes(1));
        var reseededAt = fixture.Time.GetUtcNow();
        var reseeded = new ApiKeyInfo("dev", ApiKeyRole.Admin, null, "development", reseededAt, null);
        Assert.Equal(reseeded, await store.Seed(seed1 with { Hash = "hash-2" }));
        Assert.Equal(new ApiKeyIdentity(tenant, "dev", ApiKeyRole.Admin, null), await store.Authenticate("hash-2"));
        Assert.Null(await store.Authenticate("hash-1"));
        Assert.Equal([reseeded], await store.List());

        await fixture.DeactivateAllAsync(store);
        Assert.Equal([reseeded], await store.List());
        Assert.Equal(new ApiKeyIdentity(tenant, "dev", ApiKeyRole.Admin, null), await store.Authenticate("hash-2"));
    }

    [Fact]
    public async Task Failed_roster_writes_leave_the_list_unchanged()
    {
        var tenant = TestIds.Tenant();
        await client.CreateAgent(tenant, "a1");
        await client.CreateAgent(tenant, "a2");
        var roster = client.GetGrain<IAgentRosterGrain>(tenant);
        var before = (await roster.List(null, 10)).Items;
        Assert.Equal(["a1", "a2"], before.Select(a => a.Id));

        using (var fault = Faults.FailWrites(tenant, "roster", count: 3))
        {
            await Assert.ThrowsAsync<InjectedStorageFaultException>(() => roster.Upsert(new AgentProfile("a3", "Agent a3", null)));
            await Assert.ThrowsAsync<InjectedStorageFaultException>(() => roster.Upsert(new AgentProfile("a1", "Renamed", "sales")));
            await Assert.ThrowsAsync<InjectedStorageFaultException>(() => roster.Remove("a2"));
            Assert.Equal(3, fault.Injected);
        }

        Assert.Equal(before, (await roster.List(null, 10)).Items);
        var first = await roster.List(null, 1);
        Assert.Equal([before[0]], first.Items);
        Assert.Equal("a1", first.NextAfter);

        await fixture.DeactivateAllAsync(roster);
        Assert.Equal(before, (await roster.List(null, 10)).Items);
    }

    [Fact]
    public async Task Failed_tenant_writes_leave_the_tenant_unchanged()
    {
        var tenant = TestIds.Tenant();
        var grain = client.GetGrain<ITenantGrain>(tenant);

        using (var fault = Faults.FailWrites(tenant, "tenant", count: 1))
        {
            await Assert.ThrowsAsync<InjectedStorageFaultException>(() => grain.Create("Acme"));
            Assert.Equal(1, fault.Injected);
        }

        Assert.Null(await grain.Get());
        var createdAt = fixture.Time.GetUtcNow();
        Assert.True(await grain.Create("Acme"));
        await grain.SetStatusCodes([new StatusCodeItem("lunch", "Lunch", [AgentState.Break])]);
        await grain.SetTransactionCodes([new TransactionCodeItem("sale", "Sale")]);

        using (var fault = Faults.FailWrites(tenant, "tenant", count: 2))
        {
            await Assert.ThrowsAsync<InjectedStorageFaultException>(() => grain.SetStatusCodes([new StatusCodeItem("meeting", "Meeting", [AgentState.Offline])]));
            await Assert.ThrowsAsync<InjectedStorageFaultException>(() => grain.SetTransactionCodes([]));
            Assert.Equal(2, fault.Injected);
        }

        var codes = Assert.Single(await grain.GetStatusCodes());
        Assert.Equal(("lunch", "Lunch"), (codes.Code, codes.Label));
        Assert.Equal([AgentState.Break], codes.States);
        Assert.Equal([new TransactionCodeItem("sale", "Sale")], await grain.GetTransactionCodes());
        Assert.Equal(new TenantInfo(tenant, "Acme", createdAt), await grain.Get());

        // The status codes an agent checks against are the old ones too.
        var agent = await client.CreateAgent(tenant, "a1");
        Assert.Equal(StateChangeOutcome.Applied, (await agent.ChangeState(AgentTestHelpers.Request(AgentState.Break, "lunch"))).Outcome);
        Assert.Equal(StateChangeOutcome.ReasonCodeInvalid, (await agent.ChangeState(AgentTestHelpers.Request(AgentState.Offline, "meeting"))).Outcome);

        await fixture.DeactivateAllAsync(grain);
        Assert.Equal(["lunch"], (await grain.GetStatusCodes()).Select(c => c.Code));
        Assert.Equal([new TransactionCodeItem("sale", "Sale")], await grain.GetTransactionCodes());
    }

    [Fact]
    public async Task An_update_whose_roster_write_failed_throws_and_its_retry_repairs_the_roster()
    {
        var tenant = TestIds.Tenant();
        var createdAt = fixture.Time.GetUtcNow();
        var agent = await client.CreateAgent(tenant, "bob", group: "support");
        var roster = client.GetGrain<IAgentRosterGrain>(tenant);
        var patch = new AgentProfilePatch("Roberto", null);

        fixture.Time.Advance(TimeSpan.FromMinutes(1));
        var updatedAt = fixture.Time.GetUtcNow();
        using (var fault = Faults.FailWrites(tenant, "roster", count: 1))
        {
            await Assert.ThrowsAsync<InjectedStorageFaultException>(() => agent.Update(patch));
            Assert.Equal(1, fault.Injected);
        }

        Assert.Equal([new AgentProfile("bob", "Agent bob", "support")], (await roster.List(null, 10)).Items);

        fixture.Time.Advance(TimeSpan.FromMinutes(1));
        var retried = await agent.Update(patch);
        var renamed = new AgentProfile("bob", "Roberto", "support");

        // The agent itself took the change on the first attempt; the retry only repairs the roster.
        Assert.Equal(new AgentRecord(renamed, createdAt, updatedAt), retried);
        Assert.Equal([renamed], (await roster.List(null, 10)).Items);
        Assert.Equal(retried, await agent.Get());

        await fixture.DeactivateAllAsync(agent, roster);
        Assert.Equal([renamed], (await roster.List(null, 10)).Items);
        Assert.Equal(new AgentRecord(renamed, createdAt, updatedAt), await agent.Get());
    }

    [Fact]
    public async Task A_delete_whose_roster_write_failed_throws_and_its_retry_removes_the_agent_from_the_roster()
    {
        var tenant = TestIds.Tenant();
        var agent = await client.CreateAgent(tenant, "carla");
        await client.CreateAgent(tenant, "dino");
        Assert.Equal(StateChangeOutcome.Applied, (await agent.ChangeState(AgentTestHelpers.Request(AgentState.Available))).Outcome);
        var roster = client.GetGrain<IAgentRosterGrain>(tenant);

        using (var fault = Faults.FailWrites(tenant, "roster", count: 1))
        {
            await Assert.ThrowsAsync<InjectedStorageFaultException>(() => agent.Delete("admin"));
            Assert.Equal(1, fault.Injected);
        }

        Assert.Equal(["carla", "dino"], (await roster.List(null, 10)).Items.Select(a => a.Id));

        Assert.Equal(DeleteAgentOutcome.NotFound, await agent.Delete("admin"));
        Assert.Equal(["dino"], (await roster.List(null, 10)).Items.Select(a => a.Id));
        Assert.Null(await agent.Get());

        await fixture.DeactivateAllAsync(agent, roster);
        Assert.Equal(["dino"], (await roster.List(null, 10)).Items.Select(a => a.Id));
        Assert.Null(await agent.Get());
        Assert.Equal(DeleteAgentOutcome.NotFound, await agent.Delete("admin"));
    }

    /// <summary>The audit trail <see cref="AgentTestHelpers.Alternate"/> leaves, newest first, given the times of all its changes.</summary>
    private static List<StateHistoryEntry> ExpectedHistory(IReadOnlyList<DateTimeOffset> times) =>
    [
        .. Enumerable.Range(0, times.Count)
            .Select(i => new StateHistoryEntry(
                i + 1, AuditEntryKind.Transition, i == 0 ? AgentState.LoggedOut : AgentTestHelpers.AlternateTarget(i - 1), AgentTestHelpers.AlternateTarget(i), null, StateActor.Agent, "a1", null, times[i]))
            .Reverse(),
    ];

    private IAgentHistoryPageGrain HistoryPage(string tenant, string agentId, long page) =>
        client.GetGrain<IAgentHistoryPageGrain>(GrainKeys.AgentHistoryPage(tenant, agentId, page));

    private ActivationId? ActivationOf(IAddressable grain) =>
        fixture.Cluster.TryGetGrainContext(grain.GetGrainId(), out var context) ? context.ActivationId : null;
}
