using Switchboard.Contracts;
using Switchboard.Contracts.Agents;
using Switchboard.Contracts.Interactions;
using Switchboard.Contracts.Queues;
using Switchboard.Domain.Agents;
using Switchboard.Domain.Interactions;
using Switchboard.Grains.Agents;

namespace Switchboard.Grains.Tests;

/// <summary>Routing stays right through activation order, failures half-way through a change, and overflow loops.</summary>
[Collection(ClusterCollection.Name)]
public sealed class RoutingRecoveryTests(ClusterFixture fixture)
{
    private readonly IClusterClient client = fixture.Client;

    [Fact]
    public async Task An_agent_in_two_queues_is_offered_work_while_its_other_queue_router_is_still_starting()
    {
        var tenant = TestIds.Tenant();
        await client.AvailableAgent(tenant, "a1");
        await client.CreateQueue(tenant, "sales", RoutingTestHelpers.Queue(), ("a1", 5));
        await client.CreateQueue(tenant, "support", RoutingTestHelpers.Queue(), ("a1", 5));
        var sales = client.GetGrain<IQueueRouterGrain>(GrainKeys.Queue(tenant, "sales"));
        await sales.GetWaiting();
        await fixture.DeactivateAllAsync(sales);

        // support offers to a1, which asks sales (not active) for its head: sales' activation must not wait on a1.
        var call = await client.InboundCall(tenant, "i1", "support");

        await call.OfferedTo("a1");
    }

    [Fact]
    public async Task An_offer_the_interaction_never_recorded_lapses_and_frees_the_agent()
    {
        var tenant = TestIds.Tenant();
        var agent = await client.AvailableAgent(tenant, "a1");
        Assert.Null(await agent.TryHoldOffer(new OfferHold("ghost", null, 5, fixture.Time.GetUtcNow(), Routed: false)));
        Assert.Equal(StateChangeOutcome.TransitionNotAllowed, (await agent.ChangeState(AgentTestHelpers.Request(AgentState.Break))).Outcome);

        fixture.Time.Advance(Switchboard.Grains.Agents.AgentGrain.HeldOfferLimit);

        for (var i = 0; i < 1000 && await agent.GetRoutingReadiness() is not { Media.Count: > 0 }; i++)
        {
            await Task.Delay(2); // the lapse runs in the agent's own turn
        }

        Assert.NotEmpty((await agent.GetRoutingReadiness())!.Media);
        await agent.SetState(AgentState.Offline);
    }

    [Fact]
    public async Task Effects_after_a_failed_one_wait_for_it_so_the_agent_is_not_left_in_wrap_up()
    {
        var tenant = TestIds.Tenant();
        var agent = await client.AvailableAgent(tenant, "a1");
        await client.CreateQueue(tenant, "support", RoutingTestHelpers.Queue(), ("a1", 5));
        var call = await client.InboundCall(tenant, "i1", "support");
        await call.OfferedTo("a1");
        await call.Act(InteractionActionKind.Accept, "a1");

        // The agent's write for the end of the work fails once; the wrap-up completion must not run before it.
        using (var fault = fixture.Faults.FailWrites(GrainKeys.Agent(tenant, "a1"), "agent", count: 1, when: s => s is AgentGrainState { State: AgentState.WrapUp }))
        {
            var ended = await call.Act(InteractionActionKind.End, "a1");
            Assert.Equal(InteractionState.WrappedUp, ended.State);
            Assert.Equal(1, fault.Injected);
        }

        Assert.Equal(AgentState.Busy, (await agent.StateOf()).State);

        // On its next activation the interaction runs what is left, in order.
        await fixture.DeactivateAllAsync(call);
        await call.Get();
        for (var i = 0; i < 1000 && (await agent.StateOf()).State != AgentState.Available; i++)
        {
            await Task.Delay(2);
        }

        Assert.Equal(AgentState.Available, (await agent.StateOf()).State);
    }

    [Fact]
    public async Task Overflow_counts_from_the_arrival_in_each_queue_so_a_cycle_does_not_spin()
    {
        var tenant = TestIds.Tenant();
        await client.CreateQueue(tenant, "first", RoutingTestHelpers.Queue());
        await client.CreateQueue(tenant, "second", RoutingTestHelpers.Queue(overflow: new QueueOverflowConfig("first", 60)));
        await client.GetGrain<IQueueGrain>(GrainKeys.Queue(tenant, "first")).Update(new QueueConfigPatch(OverflowQueueId: "second", OverflowAfterSeconds: 60));
        var call = await client.InboundCall(tenant, "i1", "first");
        await client.GetGrain<IQueueRouterGrain>(GrainKeys.Queue(tenant, "first")).WaitingExactly("i1");

        fixture.Time.Advance(TimeSpan.FromSeconds(60));
        await call.Until(v => v.QueueId == "second", "in the second queue");
        await client.GetGrain<IQueueRouterGrain>(GrainKeys.Queue(tenant, "second")).WaitingExactly("i1");
        fixture.Time.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal("second", (await call.Get())!.QueueId);

        fixture.Time.Advance(TimeSpan.FromSeconds(1));
        var back = await call.Until(v => v.QueueId == "first", "back in the first queue");
        Assert.Equal(2, back.Timeline.Count(e => e.Type == "overflowed"));
    }

    [Fact]
    public async Task A_consult_waiting_in_a_queue_with_overflow_stays_there_and_is_offered()
    {
        var tenant = TestIds.Tenant();
        await client.AvailableAgent(tenant, "a1");
        var b1 = await client.CreateAgent(tenant, "b1");
        await client.CreateQueue(tenant, "backup", RoutingTestHelpers.Queue());
        await client.CreateQueue(tenant, "support", RoutingTestHelpers.Queue(), ("a1", 5));
        await client.CreateQueue(tenant, "experts", RoutingTestHelpers.Queue(overflow: new QueueOverflowConfig("backup", 5)), ("b1", 5));
        var call = await client.InboundCall(tenant, "i1", "support");
        await call.OfferedTo("a1");
        await call.Act(InteractionActionKind.Accept, "a1");
        await call.Act(InteractionActionKind.Consult, "a1", target: TargetKind.Queue, targetId: "experts");
        var experts = client.GetGrain<IQueueRouterGrain>(GrainKeys.Queue(tenant, "experts"));
        await experts.WaitingExactly("i1");

        fixture.Time.Advance(TimeSpan.FromSeconds(10));
        await (await client.InboundCall(tenant, "probe", "experts")).Get(); // a later message: the overflow check has run
        await experts.WaitingExactly("i1", "probe");

        await b1.SetState(AgentState.Available);
        var consult = await call.Until(v => v.Offer is { Purpose: OfferPurpose.Consult, AgentId: "b1" }, "consult offered to b1");
        Assert.Equal("experts", consult.Offer!.QueueId);
    }

    [Fact]
    public async Task A_handler_saves_the_codes_of_its_own_queue_after_a_transfer_to_another()
    {
        var tenant = TestIds.Tenant();
        await client.AvailableAgent(tenant, "a1");
        await client.AvailableAgent(tenant, "a2");
        await client.CreateQueue(tenant, "sales", RoutingTestHelpers.Queue(codes: ["sale"], codeRequired: true), ("a1", 5));
        await client.CreateQueue(tenant, "care", RoutingTestHelpers.Queue(), ("a2", 5));
        var call = await client.InboundCall(tenant, "i1", "sales");
        await call.OfferedTo("a1");
        await call.Act(InteractionActionKind.Accept, "a1");
        await call.Act(InteractionActionKind.Transfer, "a1", target: TargetKind.Queue, targetId: "care");
        await call.OfferedTo("a2");

        var saved = await call.Act(InteractionActionKind.WrapUp, "a1", codes: ["sale"]);

        Assert.Equal(["sale"], saved.WrapUps.Single(w => w.AgentId == "a1").Codes);
    }

    [Fact]
    public async Task Queue_figures_count_an_answered_call_once_however_often_it_is_reactivated()
    {
        var tenant = TestIds.Tenant();
        await client.AvailableAgent(tenant, "a1");
        await client.CreateQueue(tenant, "support", RoutingTestHelpers.Queue(), ("a1", 5));
        var call = await client.InboundCall(tenant, "i1", "support");
        await call.OfferedTo("a1");
        await call.Act(InteractionActionKind.Accept, "a1");
        for (var i = 0; i < 3; i++)
        {
            await fixture.DeactivateAllAsync(call);
            await call.Get();
        }

        var router = client.GetGrain<IQueueRouterGrain>(GrainKeys.Queue(tenant, "support"));
        QueueStats? stats = null;
        for (var i = 0; i < 200 && stats?.Answered != 1; i++)
        {
            stats = await router.GetStats();
            await Task.Delay(2);
        }

        await Task.Delay(50); // let any replayed count arrive before the final read
        Assert.Equal(1, (await router.GetStats())!.Answered);
    }
}
