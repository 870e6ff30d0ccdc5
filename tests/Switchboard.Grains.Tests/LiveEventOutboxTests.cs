using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Streams;
using Switchboard.Contracts;
using Switchboard.Contracts.Agents;
using Switchboard.Contracts.Crm;
using Switchboard.Contracts.Interactions;
using Switchboard.Contracts.Live;
using Switchboard.Domain.Agents;
using Switchboard.Domain.Crm;
using Switchboard.Domain.Interactions;

namespace Switchboard.Grains.Tests;

/// <summary>
/// The live events that webhooks report (interactions, agents, cases) are never lost once their change is stored: one
/// that cannot be published is kept, stored with its grain, and published before any later one, by the next change, a
/// timer, or the grain's next activation; told again, an event keeps its id; and what was published is not told again.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class LiveEventOutboxTests(ClusterFixture fixture)
{
    private readonly IClusterClient client = fixture.Client;

    [Fact]
    public async Task An_agent_change_whose_event_cannot_be_published_is_acknowledged_and_its_event_goes_out_before_the_next()
    {
        var tenant = TestIds.Tenant();
        await using var told = await Recorder<AgentChanged>.Start(client, LiveStreams.Agents, tenant);
        var agent = await client.CreateAgent(tenant, "a1");
        await told.Until(1);

        fixture.LiveFaults.Fail(LiveStreams.Agents, tenant, count: 1);
        Assert.Equal(StateChangeOutcome.Applied, (await agent.ChangeState(AgentTestHelpers.Request(AgentState.Available))).Outcome);
        Assert.Equal(1, fixture.LiveFaults.Failed(LiveStreams.Agents, tenant));
        Assert.Equal(StateChangeOutcome.Applied, (await agent.ChangeState(AgentTestHelpers.Request(AgentState.Offline))).Outcome);
        await told.Until(3);

        // Published since, and so not told again by the next activation: after it, only the next change.
        await fixture.DeactivateAllAsync(agent);
        Assert.Equal(StateChangeOutcome.Applied, (await agent.ChangeState(AgentTestHelpers.Request(AgentState.Available))).Outcome);
        await told.Until(4);
        Assert.Equal([AgentState.LoggedOut, AgentState.Available, AgentState.Offline, AgentState.Available], told.Items.Select(e => e.State.State));
        Assert.Equal(4, told.Events.DistinctBy(e => e.Id).Count());
    }

    [Fact]
    public async Task Agent_events_that_could_not_be_published_before_the_activation_ended_are_published_by_the_next_one()
    {
        var tenant = TestIds.Tenant();
        await using var told = await Recorder<AgentChanged>.Start(client, LiveStreams.Agents, tenant);
        fixture.LiveFaults.Fail(LiveStreams.Agents, tenant);
        var agent = await client.CreateAgent(tenant, "a1");
        Assert.Equal(StateChangeOutcome.Applied, (await agent.ChangeState(AgentTestHelpers.Request(AgentState.Available))).Outcome);
        await fixture.DeactivateAllAsync(agent);
        Assert.Empty(told.Events);

        fixture.LiveFaults.Heal(LiveStreams.Agents, tenant);
        Assert.Equal(AgentState.Available, (await agent.StateOf()).State); // activates it
        await told.Until(2);
        Assert.Equal([AgentState.LoggedOut, AgentState.Available], told.Items.Select(e => e.State.State));
    }

    [Fact]
    public async Task An_event_that_failed_and_is_not_followed_by_another_change_is_published_by_the_grains_timer()
    {
        var tenant = TestIds.Tenant();
        await using var told = await Recorder<AgentChanged>.Start(client, LiveStreams.Agents, tenant);
        var agent = await client.CreateAgent(tenant, "a1");
        await told.Until(1);
        fixture.LiveFaults.Fail(LiveStreams.Agents, tenant, count: 1);
        Assert.Equal(StateChangeOutcome.Applied, (await agent.ChangeState(AgentTestHelpers.Request(AgentState.Available))).Outcome);

        // Nothing else happens to the agent: its timer tries again a few seconds later.
        await told.Until(2, within: TimeSpan.FromSeconds(30));
        Assert.Equal(AgentState.Available, told.Items[^1].State.State);
    }

    [Fact]
    public async Task A_calls_events_stored_while_its_stream_fails_are_published_in_order_by_its_next_activation()
    {
        var tenant = TestIds.Tenant();
        await using var told = await Recorder<InteractionLiveEvent>.Start(client, LiveStreams.Interactions, tenant);
        await OneAgentQueue(tenant);
        fixture.LiveFaults.Fail(LiveStreams.Interactions, tenant);

        // Routing, offers and the call's life go on while nothing reaches the stream.
        var call = await client.InboundCall(tenant, "i1", "support");
        await call.OfferedTo("a1");
        var accepted = await call.Act(InteractionActionKind.Accept, "a1");
        await fixture.DeactivateAllAsync(call);
        Assert.Empty(told.Events);

        fixture.LiveFaults.Heal(LiveStreams.Interactions, tenant);
        Assert.Equal(accepted.State, (await call.Get())!.State); // activates it
        await told.Until(3);
        var changes = told.Items.OfType<InteractionChanged>().ToList();
        Assert.Equal([InteractionState.Queued, InteractionState.Offered, accepted.State], changes.Select(c => c.Interaction.State));
        Assert.Equal("a1", changes[1].OfferedTo);
        Assert.Equal(3, told.Events.DistinctBy(e => e.Id).Count());
    }

    [Fact]
    public async Task A_call_under_way_tells_its_last_change_again_with_the_same_id_after_a_new_activation_and_a_settled_one_does_not()
    {
        var tenant = TestIds.Tenant();
        await using var told = await Recorder<InteractionLiveEvent>.Start(client, LiveStreams.Interactions, tenant);
        await OneAgentQueue(tenant);
        var settled = await AcceptedCall(tenant, "i1");
        Assert.Equal(InteractionState.WrappedUp, (await settled.Act(InteractionActionKind.End, "a1")).State);
        var live = await AcceptedCall(tenant, "i2");
        await told.Until(7);

        // An activation that ends in order records what it published, so the next one tells nothing again.
        await fixture.DeactivateAllAsync(settled, live);
        await settled.Get();
        await live.Get();
        await live.Act(InteractionActionKind.Hold, "a1");
        await told.Until(8);
        var lastOfLive = told.Events[^1];

        // One that could not record it (as after a failed silo) leaves the next activation unable to tell whether the
        // call under way published its last change: it tells it again, with the same id. The settled call finished that
        // turn, so it does not.
        using (fixture.Faults.FailWrites(GrainKeys.Interaction(tenant, "i2"), "interaction"))
        {
            await fixture.DeactivateAllAsync(live);
        }

        await fixture.DeactivateAllAsync(settled);
        await settled.Get();
        await live.Get();
        await told.Until(9);
        Assert.Equal(lastOfLive.Id, told.Events[8].Id);

        // Events on a stream keep their order: a later change is told after anything the activations told.
        await live.Act(InteractionActionKind.Resume, "a1");
        await told.Until(10);
        Assert.Equal(InteractionState.Connected, ((InteractionChanged)told.Items[9]).Interaction.State);
    }

    [Fact]
    public async Task A_settled_call_changed_again_has_its_reminder_while_the_change_is_stored_and_not_yet_published()
    {
        var tenant = TestIds.Tenant();
        await using var told = await Recorder<InteractionLiveEvent>.Start(client, LiveStreams.Interactions, tenant);
        await OneAgentQueue(tenant);
        var call = await AcceptedCall(tenant, "i1");
        Assert.Equal(InteractionState.WrappedUp, (await call.Act(InteractionActionKind.End, "a1")).State);
        await told.Until(4);
        Assert.Empty(await RemindersAsync(call));

        // A customer linked afterwards: should the silo fail between storing the link and publishing it, the reminder is
        // what wakes the call and tells its next activation that the link may not have been told.
        Task<InteractionResult> linking;
        using (var hold = fixture.Faults.HoldWrites(GrainKeys.Interaction(tenant, "i1"), "interaction"))
        {
            linking = call.LinkCustomer(new InteractionCustomerView("maria", "Maria Rossi", null, [], ByHand: true), "agent:a1");
            await hold.Seen("start ?").WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
            Assert.Equal(["interaction-deadlines"], await RemindersAsync(call));
            hold.Release();
        }

        Assert.Equal(InteractionOutcome.Applied, (await linking).Outcome);
        await told.Until(5);
        Assert.Equal("maria", ((InteractionChanged)told.Items[4]).Interaction.Customer?.CustomerId);
        Assert.Empty(await RemindersAsync(call));
    }

    /// <summary>Queue "support" with agent a1, available.</summary>
    private async Task OneAgentQueue(string tenant)
    {
        await client.AvailableAgent(tenant, "a1");
        await client.CreateQueue(tenant, "support", RoutingTestHelpers.Queue(), ("a1", 5));
    }

    /// <summary>A call to queue "support", offered to a1 and accepted.</summary>
    private async Task<IInteractionGrain> AcceptedCall(string tenant, string id)
    {
        var call = await client.InboundCall(tenant, id, "support");
        await call.OfferedTo("a1");
        await call.Act(InteractionActionKind.Accept, "a1");
        return call;
    }

    /// <summary>The names of the grain's reminders in the reminder table (what a silo that starts reads).</summary>
    private async Task<List<string>> RemindersAsync(IInteractionGrain interaction)
    {
        var table = fixture.Cluster.Silos[0].ServiceProvider.GetRequiredService<IReminderTable>();
        return [.. (await table.ReadRows(interaction.GetGrainId())).Reminders.Select(r => r.ReminderName)];
    }

    [Fact]
    public async Task A_case_change_whose_event_cannot_be_published_goes_out_before_the_next_and_is_not_told_again()
    {
        var tenant = TestIds.Tenant();
        await using var told = await Recorder<CaseChanged>.Start(client, LiveStreams.Crm, tenant);
        var @case = client.GetGrain<ICaseGrain>(GrainKeys.Case(tenant, 1));
        fixture.LiveFaults.Fail(LiveStreams.Crm, tenant, count: 1);
        Assert.Equal(CaseWriteOutcome.Created, (await @case.Create(new CaseDraft("maria", "Ordine", CaseStatus.Open, CasePriority.Normal, null), "api:k1")).Outcome);
        Assert.Equal(CaseWriteOutcome.Updated, (await @case.AddNote("Richiamare", "agent:a1")).Outcome);
        await told.Until(2);

        await fixture.DeactivateAllAsync(@case);
        Assert.Equal(CaseWriteOutcome.Updated, (await @case.Update(new CasePatch(null, CaseStatus.Solved, null, null), "agent:a1")).Outcome);
        await told.Until(3);
        Assert.Equal([(true, CaseStatus.Open, 0L), (false, CaseStatus.Open, 1L), (false, CaseStatus.Solved, 1L)], told.Items.Select(c => (c.Created, c.Case.Status, c.Case.Notes)));
        Assert.Equal(3, told.Events.DistinctBy(e => e.Id).Count());
    }

    /// <summary>Everything published on one tenant stream while the test runs, in order of arrival.</summary>
    private sealed class Recorder<T> : IAsyncDisposable
    {
        private readonly ConcurrentQueue<LiveEvent<T>> events = new();
        private StreamSubscriptionHandle<LiveEvent<T>>? handle;

        public IReadOnlyList<LiveEvent<T>> Events => [.. events];

        public IReadOnlyList<T> Items => [.. events.Select(e => e.Item)];

        public static async Task<Recorder<T>> Start(IClusterClient client, string kind, string tenantId)
        {
            var recorder = new Recorder<T>();
            var stream = client.GetStreamProvider(StreamNames.Provider).GetStream<LiveEvent<T>>(StreamId.Create(kind, tenantId));
            recorder.handle = await stream.SubscribeAsync((e, _) =>
            {
                recorder.events.Enqueue(e);
                return Task.CompletedTask;
            });
            return recorder;
        }

        /// <summary>Waits (bounded) until at least <paramref name="count"/> events arrived, and fails if more did.</summary>
        public async Task Until(int count, TimeSpan? within = null)
        {
            var clock = Stopwatch.StartNew();
            while (events.Count < count)
            {
                Assert.True(clock.Elapsed < (within ?? TimeSpan.FromSeconds(10)), $"{events.Count} events of {count} arrived: {Told}");
                await Task.Delay(5, TestContext.Current.CancellationToken);
            }

            Assert.True(count == events.Count, $"{events.Count} events arrived, not {count}: {Told}");
        }

        private string Told => string.Join("; ", events.Select(e => $"{e.Id:N} {(e.Item is InteractionChanged c ? $"{c.Interaction.Id} {c.Interaction.State}" : e.Item)}"));

        public async ValueTask DisposeAsync()
        {
            if (handle is not null)
            {
                await handle.UnsubscribeAsync();
            }
        }
    }
}
