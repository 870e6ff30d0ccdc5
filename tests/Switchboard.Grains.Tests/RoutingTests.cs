using Switchboard.Contracts;
using Switchboard.Contracts.Interactions;
using Switchboard.Contracts.Queues;
using Switchboard.Domain.Agents;
using Switchboard.Domain.Interactions;
using Switchboard.Domain.Queues;

namespace Switchboard.Grains.Tests;

/// <summary>Queues, offers and the agent as arbiter, on the two-silo test cluster with the fake business clock.</summary>
[Collection(ClusterCollection.Name)]
public sealed class RoutingTests(ClusterFixture fixture)
{
    private readonly IClusterClient client = fixture.Client;

    [Fact]
    public async Task An_inbound_call_is_offered_to_the_available_member_and_the_agent_follows_the_work()
    {
        var tenant = TestIds.Tenant();
        var agent = await client.AvailableAgent(tenant, "a1");
        await client.CreateQueue(tenant, "support", RoutingTestHelpers.Queue(codes: ["sale"], codeRequired: true), ("a1", 5));

        var call = await client.InboundCall(tenant, "i1", "support");
        var offered = await call.OfferedTo("a1");
        Assert.Equal("support", offered.Offer!.QueueId);
        Assert.Equal(AgentState.Available, (await agent.StateOf()).State);

        await call.Act(InteractionActionKind.Accept, "a1");
        Assert.Equal(AgentState.Busy, (await agent.StateOf()).State);
        await call.Act(InteractionActionKind.Hold, "a1");
        await call.Act(InteractionActionKind.Resume, "a1");
        var ended = await call.Act(InteractionActionKind.End, "a1");
        Assert.Equal(InteractionState.Ended, ended.State);
        Assert.Equal(AgentState.WrapUp, (await agent.StateOf()).State);

        await call.Act(InteractionActionKind.WrapUp, "a1", InteractionOutcome.Invalid, codes: ["refund"]);
        var done = await call.Act(InteractionActionKind.WrapUp, "a1", codes: ["sale"]);
        Assert.Equal(InteractionState.WrappedUp, done.State);
        Assert.Equal(["sale"], done.TransactionCodes);
        Assert.Equal(AgentState.Available, (await agent.StateOf()).State);
        await client.GetGrain<IQueueRouterGrain>(GrainKeys.Queue(tenant, "support")).WaitingExactly();
    }

    [Fact]
    public async Task Work_waits_until_a_member_becomes_available()
    {
        var tenant = TestIds.Tenant();
        var agent = await client.CreateAgent(tenant, "a1");
        await client.CreateQueue(tenant, "support", RoutingTestHelpers.Queue(), ("a1", 5));

        var call = await client.InboundCall(tenant, "i1", "support");
        var router = client.GetGrain<IQueueRouterGrain>(GrainKeys.Queue(tenant, "support"));
        await router.WaitingExactly("i1");
        Assert.Equal(InteractionState.Queued, (await call.Get())!.State);

        await agent.SetState(AgentState.Available);

        await call.OfferedTo("a1");
        await router.WaitingExactly();
    }

    [Fact]
    public async Task Longest_idle_offers_the_agent_available_the_longest()
    {
        var tenant = TestIds.Tenant();
        await client.AvailableAgent(tenant, "z-idle-longest");
        fixture.Time.Advance(TimeSpan.FromSeconds(30));
        await client.AvailableAgent(tenant, "a-first-by-id");
        await client.CreateQueue(tenant, "support", RoutingTestHelpers.Queue(), ("a-first-by-id", 5), ("z-idle-longest", 5));

        var call = await client.InboundCall(tenant, "i1", "support");

        await call.OfferedTo("z-idle-longest");
    }

    [Fact]
    public async Task Skill_level_offers_the_most_skilled_member_first()
    {
        var tenant = TestIds.Tenant();
        await client.AvailableAgent(tenant, "junior");
        await client.AvailableAgent(tenant, "senior");
        await client.CreateQueue(tenant, "support", RoutingTestHelpers.Queue(RoutingStrategy.SkillLevel), ("junior", 2), ("senior", 9));

        var call = await client.InboundCall(tenant, "i1", "support");

        await call.OfferedTo("senior");
    }

    [Fact]
    public async Task No_answer_in_time_puts_the_agent_on_break_and_offers_the_call_to_the_next_member()
    {
        var tenant = TestIds.Tenant();
        var first = await client.AvailableAgent(tenant, "a1");
        fixture.Time.Advance(TimeSpan.FromSeconds(1));
        await client.AvailableAgent(tenant, "a2");
        await client.CreateQueue(tenant, "support", RoutingTestHelpers.Queue(offerTimeoutSeconds: 15), ("a1", 5), ("a2", 5));
        var call = await client.InboundCall(tenant, "i1", "support");
        await call.OfferedTo("a1");

        fixture.Time.Advance(TimeSpan.FromSeconds(15));

        await call.OfferedTo("a2");
        var state = await first.StateOf();
        Assert.Equal(AgentState.Break, state.State);
        Assert.Equal("no-answer", state.ReasonCode);
        var timeline = (await call.Get())!.Timeline.Select(e => e.Type).ToList();
        Assert.Contains("offer-timed-out", timeline);
        Assert.Contains("requeued", timeline);
    }

    [Fact]
    public async Task A_rejected_call_goes_to_the_next_member_and_the_agent_to_the_queue_reject_state()
    {
        var tenant = TestIds.Tenant();
        var first = await client.AvailableAgent(tenant, "a1");
        fixture.Time.Advance(TimeSpan.FromSeconds(1));
        await client.AvailableAgent(tenant, "a2");
        await client.CreateQueue(tenant, "support", RoutingTestHelpers.Queue(rejectState: AgentState.Offline), ("a1", 5), ("a2", 5));
        var call = await client.InboundCall(tenant, "i1", "support");
        await call.OfferedTo("a1");

        await call.Act(InteractionActionKind.Reject, "a1");

        await call.OfferedTo("a2");
        var state = await first.StateOf();
        Assert.Equal(AgentState.Offline, state.State);
        Assert.Equal("rejected", state.ReasonCode);
    }

    [Fact]
    public async Task An_agent_never_holds_two_offers_and_the_second_call_waits()
    {
        var tenant = TestIds.Tenant();
        await client.AvailableAgent(tenant, "a1");
        await client.CreateQueue(tenant, "support", RoutingTestHelpers.Queue(), ("a1", 5));
        var first = await client.InboundCall(tenant, "i1", "support");
        await first.OfferedTo("a1");

        var second = await client.InboundCall(tenant, "i2", "support");
        await client.GetGrain<IQueueRouterGrain>(GrainKeys.Queue(tenant, "support")).WaitingExactly("i2");
        Assert.Equal(InteractionState.Queued, (await second.Get())!.State);

        await first.Act(InteractionActionKind.Accept, "a1");
        await first.Act(InteractionActionKind.End, "a1"); // no codes required: wrap-up completes, a1 is available again

        await second.OfferedTo("a1");
    }

    [Fact]
    public async Task An_agent_in_two_queues_is_offered_the_oldest_work_among_them()
    {
        var tenant = TestIds.Tenant();
        var agent = await client.CreateAgent(tenant, "a1");
        await client.CreateQueue(tenant, "sales", RoutingTestHelpers.Queue(), ("a1", 5));
        await client.CreateQueue(tenant, "support", RoutingTestHelpers.Queue(), ("a1", 5));
        var older = await client.InboundCall(tenant, "older", "support");
        fixture.Time.Advance(TimeSpan.FromSeconds(10));
        var newer = await client.InboundCall(tenant, "newer", "sales");
        await client.GetGrain<IQueueRouterGrain>(GrainKeys.Queue(tenant, "support")).WaitingExactly("older");
        await client.GetGrain<IQueueRouterGrain>(GrainKeys.Queue(tenant, "sales")).WaitingExactly("newer");

        await agent.SetState(AgentState.Available);

        await older.OfferedTo("a1");
        Assert.Equal(InteractionState.Queued, (await newer.Get())!.State);
    }

    [Fact]
    public async Task Higher_priority_work_is_offered_first()
    {
        var tenant = TestIds.Tenant();
        var agent = await client.CreateAgent(tenant, "a1");
        await client.CreateQueue(tenant, "support", RoutingTestHelpers.Queue(), ("a1", 5));
        var normal = await client.InboundCall(tenant, "normal", "support", priority: 5);
        fixture.Time.Advance(TimeSpan.FromSeconds(10));
        var urgent = await client.InboundCall(tenant, "urgent", "support", priority: 9);
        await client.GetGrain<IQueueRouterGrain>(GrainKeys.Queue(tenant, "support")).WaitingExactly("urgent", "normal");

        await agent.SetState(AgentState.Available);

        await urgent.OfferedTo("a1");
        Assert.Equal(InteractionState.Queued, (await normal.Get())!.State);
    }

    [Fact]
    public async Task A_caller_hanging_up_while_queued_abandons_and_leaves_the_queue()
    {
        var tenant = TestIds.Tenant();
        await client.CreateQueue(tenant, "support", RoutingTestHelpers.Queue());
        var call = await client.InboundCall(tenant, "i1", "support");

        var result = await call.ReportLeg("L1", LegEventKind.Ended);

        Assert.Equal(InteractionState.Abandoned, result.Interaction!.State);
        await client.GetGrain<IQueueRouterGrain>(GrainKeys.Queue(tenant, "support")).WaitingExactly(); // the withdrawal is one-way
    }

    [Fact]
    public async Task Work_waiting_past_the_overflow_limit_moves_to_the_overflow_queue()
    {
        var tenant = TestIds.Tenant();
        var backupAgent = await client.AvailableAgent(tenant, "b1");
        await client.CreateQueue(tenant, "backup", RoutingTestHelpers.Queue(), ("b1", 5));
        await client.CreateQueue(tenant, "support", RoutingTestHelpers.Queue(overflow: new QueueOverflowConfig("backup", 60)));
        var call = await client.InboundCall(tenant, "i1", "support");

        // The enqueue is one-way: the overflow wait counts from the item's arrival in the router, so it must be there first.
        await client.GetGrain<IQueueRouterGrain>(GrainKeys.Queue(tenant, "support")).WaitingExactly("i1");
        fixture.Time.Advance(TimeSpan.FromSeconds(60));

        var offered = await call.OfferedTo("b1");
        Assert.Equal("backup", offered.QueueId);
        Assert.Contains("overflowed", offered.Timeline.Select(e => e.Type));
        await client.GetGrain<IQueueRouterGrain>(GrainKeys.Queue(tenant, "support")).WaitingExactly();
        Assert.Equal(AgentState.Available, (await backupAgent.StateOf()).State);
    }

    [Fact]
    public async Task An_outbound_call_rings_the_agent_then_the_callee_through_the_simulator()
    {
        var tenant = TestIds.Tenant();
        var agent = await client.AvailableAgent(tenant, "a1");
        var call = client.Interaction(tenant, "o1");

        var created = await call.Create(new CreateInteraction(MediaType.Voice, InteractionDirection.Outbound, null, "a1", null, "+390611111111", 5, "agent:a1"));

        Assert.Equal(InteractionState.Dialing, created.Interaction!.State);
        Assert.Equal(AgentState.Busy, (await agent.StateOf()).State);
        fixture.Time.Advance(TimeSpan.FromSeconds(2));
        await call.Until(v => v.Legs.Count == 2, "dialling the callee");
        fixture.Time.Advance(TimeSpan.FromSeconds(2));
        var connected = await call.Until(v => v.State == InteractionState.Connected, "connected");
        Assert.All(connected.Legs, leg => Assert.Equal(LegState.Connected, leg.State));

        await call.Act(InteractionActionKind.End, "a1");
        Assert.Equal(AgentState.Available, (await agent.StateOf()).State);
    }

    [Fact]
    public async Task A_direct_call_reaches_an_offline_agent_but_not_one_on_break()
    {
        var tenant = TestIds.Tenant();
        var offline = await client.CreateAgent(tenant, "a1");
        await offline.SetState(AgentState.Offline);
        var onBreak = await client.CreateAgent(tenant, "a2");
        await onBreak.SetState(AgentState.Break);

        var reached = await client.Interaction(tenant, "d1").Create(new CreateInteraction(MediaType.Voice, InteractionDirection.Inbound, null, "a1", "+390212345678", null, 5, "test"));
        var refused = await client.Interaction(tenant, "d2").Create(new CreateInteraction(MediaType.Voice, InteractionDirection.Inbound, null, "a2", "+390212345678", null, 5, "test"));

        Assert.Equal(InteractionState.Offered, reached.Interaction!.State);
        Assert.Equal(InteractionOutcome.AgentUnavailable, refused.Outcome);
        Assert.Null(await client.Interaction(tenant, "d2").Get());
    }

    [Fact]
    public async Task Blind_transfer_to_an_agent_and_consult_then_complete_move_the_call_between_agents()
    {
        var tenant = TestIds.Tenant();
        var a1 = await client.AvailableAgent(tenant, "a1");
        var a2 = await client.CreateAgent(tenant, "a2");
        await a2.SetState(AgentState.Offline);
        var a3 = await client.CreateAgent(tenant, "a3");
        await a3.SetState(AgentState.Offline);
        await client.CreateQueue(tenant, "support", RoutingTestHelpers.Queue(), ("a1", 5));
        var call = await client.InboundCall(tenant, "i1", "support");
        await call.OfferedTo("a1");
        await call.Act(InteractionActionKind.Accept, "a1");

        await call.Act(InteractionActionKind.Transfer, "a1", target: TargetKind.Agent, targetId: "a2");
        Assert.Equal(AgentState.Available, (await a1.StateOf()).State); // no codes required: wrap-up completed at once
        await call.Act(InteractionActionKind.Accept, "a2");
        Assert.Equal(AgentState.Busy, (await a2.StateOf()).State);

        await call.Act(InteractionActionKind.Consult, "a2", target: TargetKind.Agent, targetId: "a3");
        await call.Act(InteractionActionKind.Accept, "a3");
        var completed = await call.Act(InteractionActionKind.CompleteConsult, "a2");

        Assert.Equal("a3", completed.Handler);
        Assert.Equal(AgentState.Offline, (await a2.StateOf()).State); // back to the state before the work
        Assert.Equal(AgentState.Busy, (await a3.StateOf()).State);
        await a2.SetState(AgentState.Break);
        await call.Act(InteractionActionKind.Transfer, "a3", InteractionOutcome.AgentUnavailable, TargetKind.Agent, "a2");
        await call.Act(InteractionActionKind.Transfer, "a3", InteractionOutcome.Invalid, TargetKind.Queue, "nowhere");
    }

    [Fact]
    public async Task Queue_figures_count_today_and_show_waiting_work_and_members_by_state()
    {
        var tenant = TestIds.Tenant();
        var agent = await client.CreateAgent(tenant, "a1");
        await client.CreateAgent(tenant, "a2");
        await client.CreateQueue(tenant, "support", RoutingTestHelpers.Queue(), ("a1", 5), ("a2", 5));
        var router = client.GetGrain<IQueueRouterGrain>(GrainKeys.Queue(tenant, "support"));
        var answered = await client.InboundCall(tenant, "answered", "support");
        var abandoned = await client.InboundCall(tenant, "abandoned", "support");
        fixture.Time.Advance(TimeSpan.FromSeconds(5));
        await agent.SetState(AgentState.Available);
        await answered.OfferedTo("a1");
        await answered.Act(InteractionActionKind.Accept, "a1");
        await abandoned.ReportLeg("L1", LegEventKind.Ended);
        var waitingSince = fixture.Time.GetUtcNow();
        await client.InboundCall(tenant, "waiting", "support");
        fixture.Time.Advance(TimeSpan.FromSeconds(30));

        QueueStats? stats = null;
        for (var i = 0; i < 1000 && stats is not { Offered: 3, Answered: 1, Abandoned: 1, Waiting: 1 }; i++)
        {
            stats = await router.GetStats(); // the counts arrive one way
            await Task.Delay(2);
        }

        Assert.NotNull(stats);
        Assert.Equal((3, 1, 1), (stats.Offered, stats.Answered, stats.Abandoned));
        Assert.Equal(1, stats.Waiting);
        Assert.Equal(30, stats.LongestWaitSeconds);
        Assert.Equal(5, stats.AverageSpeedOfAnswerSeconds);
        Assert.Equal(20, stats.ServiceLevelSeconds);
        Assert.Equal(50, stats.ServiceLevelPercent); // one of the two answered or abandoned calls answered within 20 s
        Assert.Equal(1, stats.AgentsByState[AgentState.Busy]);
        Assert.Equal(1, stats.AgentsByState[AgentState.LoggedOut]);
        Assert.Equal(new DateTimeOffset(waitingSince.UtcDateTime.Date, TimeSpan.Zero), stats.Day);
    }
}
