using Microsoft.Extensions.DependencyInjection;
using Switchboard.Contracts;
using Switchboard.Contracts.Interactions;
using Switchboard.Contracts.Queues;
using Switchboard.Domain.Agents;
using Switchboard.Domain.Interactions;
using Switchboard.Domain.Routing;

namespace Switchboard.Grains.Tests;

/// <summary>Interactions, queues and held offers come back exactly as they were after their grains are deactivated.</summary>
[Collection(ClusterCollection.Name)]
public sealed class InteractionPersistenceTests(ClusterFixture fixture)
{
    private readonly IClusterClient client = fixture.Client;

    [Fact]
    public async Task A_call_survives_deactivation_at_every_step_with_its_timeline_and_deadlines()
    {
        var tenant = TestIds.Tenant();
        var a1 = await client.AvailableAgent(tenant, "a1");
        await client.CreateQueue(tenant, "support", RoutingTestHelpers.Queue(codes: ["sale"], codeRequired: true, maxWrapUpSeconds: 60), ("a1", 5));
        var call = await client.InboundCall(tenant, "i1", "support");
        var offered = await call.OfferedTo("a1");
        var router = client.GetGrain<IQueueRouterGrain>(GrainKeys.Queue(tenant, "support"));

        await fixture.DeactivateAllAsync(call, a1, router);
        Assert.Equal(Json(offered), Json(await call.Get())); // views hold lists: compare their content
        await call.Act(InteractionActionKind.Accept, "a1");
        await call.Act(InteractionActionKind.Consult, "a1", target: TargetKind.External, targetId: "+390655555555");

        await fixture.DeactivateAllAsync(call, a1);
        fixture.Time.Advance(TimeSpan.FromSeconds(2)); // the simulator answers the consult leg
        var consulting = await call.Until(v => v.Consult?.LegId is { } leg && v.Legs.Single(l => l.Id == leg).State == LegState.Connected, "consult answered");
        await call.Act(InteractionActionKind.Conference, "a1");
        var ended = await call.Act(InteractionActionKind.End, "a1");
        Assert.Equal(InteractionState.Connected, ended.State); // the number stays with the customer

        await fixture.DeactivateAllAsync(call, a1);
        Assert.Equal(AgentState.WrapUp, (await a1.StateOf()).State);

        // The wrap-up limit is a deadline of a deactivated grain: the reminder-backed scheduler still ends it.
        await call.Get(); // activates it again, which schedules the deadline on the fake clock
        fixture.Time.Advance(TimeSpan.FromSeconds(60));
        var timedOut = await call.Until(v => v.WrapUps.All(w => w.CompletedAt is not null), "wrap-up over");
        Assert.True(timedOut.WrapUps.Single().TimedOut);
        Assert.Equal(AgentState.Available, (await a1.StateOf()).State);
        Assert.True(consulting.Timeline.Count < timedOut.Timeline.Count);
        Assert.Equal(Enumerable.Range(1, timedOut.Timeline.Count), timedOut.Timeline.Select(e => e.Sequence));
    }

    [Fact]
    public async Task Waiting_work_and_held_offers_survive_deactivation()
    {
        var tenant = TestIds.Tenant();
        var a1 = await client.CreateAgent(tenant, "a1");
        await client.CreateQueue(tenant, "support", RoutingTestHelpers.Queue(), ("a1", 5));
        var first = await client.InboundCall(tenant, "i1", "support");
        fixture.Time.Advance(TimeSpan.FromSeconds(1));
        await client.InboundCall(tenant, "i2", "support", priority: 7);
        var router = client.GetGrain<IQueueRouterGrain>(GrainKeys.Queue(tenant, "support"));
        var waiting = await router.WaitingExactly("i2", "i1"); // priority 7 first

        await fixture.DeactivateAllAsync(router);
        Assert.Equal(waiting, await router.GetWaiting()); // WaitingItem holds no lists: records compare by value

        await a1.SetState(AgentState.Available);
        var second = client.Interaction(tenant, "i2");
        await second.OfferedTo("a1");
        await fixture.DeactivateAllAsync(a1, router);

        // a1 still holds i2's offer after reactivation, so i1 is not offered to it as well.
        Assert.Equal(SkipReason.HasOffer, await a1.TryHoldOffer(new Contracts.Agents.OfferHold("i1", "support", 5, ClusterFixture.Start, Routed: true)));
        Assert.Equal(InteractionState.Queued, (await first.Get())!.State);
        Assert.Empty((await a1.GetRoutingReadiness())!.Media);
    }

    [Fact]
    public async Task A_failed_interaction_write_changes_nothing_and_runs_none_of_its_effects()
    {
        var tenant = TestIds.Tenant();
        var a1 = await client.AvailableAgent(tenant, "a1");
        await client.CreateQueue(tenant, "support", RoutingTestHelpers.Queue(), ("a1", 5));
        var call = await client.InboundCall(tenant, "i1", "support");
        var offered = await call.OfferedTo("a1");

        using (var fault = fixture.Faults.FailWrites(GrainKeys.Interaction(tenant, "i1"), "interaction", count: 1))
        {
            await Assert.ThrowsAsync<InjectedStorageFaultException>(() => call.Act(new InteractionAction(InteractionActionKind.Accept, "a1")));
            Assert.Equal(1, fault.Injected);
        }

        // Still offered, and the agent not put to work: the change's effects were not kept for later either.
        Assert.Equal(Json(offered), Json(await call.Get()));
        Assert.Equal(AgentState.Available, (await a1.StateOf()).State);
        await fixture.DeactivateAllAsync(call);
        Assert.Equal(Json(offered), Json(await call.Get()));
        Assert.Equal(AgentState.Available, (await a1.StateOf()).State);

        // The same action again is applied whole, with its effects.
        var accepted = await call.Act(InteractionActionKind.Accept, "a1");
        Assert.Equal("a1", accepted.Handler);
        Assert.Equal(AgentState.Busy, (await a1.StateOf()).State);
        await fixture.DeactivateAllAsync(call);
        Assert.Equal(Json(accepted), Json(await call.Get()));
    }

    [Fact]
    public async Task The_customer_an_interaction_is_about_survives_deactivation_and_a_link_by_hand_reaches_the_case()
    {
        var tenant = TestIds.Tenant();
        var maria = client.GetGrain<Contracts.Crm.ICustomerGrain>(GrainKeys.Customer(tenant, "maria"));
        await maria.Create(new Contracts.Crm.CustomerDetails("Maria Rossi", ["+390212345678"], [], null, new Dictionary<string, string>(), new Dictionary<string, string>()));
        var @case = client.GetGrain<Contracts.Crm.ICaseGrain>(GrainKeys.Case(tenant, 1));
        await @case.Create(new Contracts.Crm.CaseDraft("maria", "Ordine", Domain.Crm.CaseStatus.Open, Domain.Crm.CasePriority.Normal, null), "api:k1");
        await client.CreateQueue(tenant, "support", RoutingTestHelpers.Queue());
        var call = await client.InboundCall(tenant, "i1", "support");
        Assert.Equal(("maria", false, "1"), Pop(await call.Get()));

        await fixture.DeactivateAllAsync(call);
        Assert.Equal(("maria", false, "1"), Pop(await call.Get()));
        var link = new InteractionCustomerView("maria", "Maria Rossi", 1, [new Contracts.Crm.CaseSummary(1, "Ordine", Domain.Crm.CaseStatus.Open)], ByHand: true);
        Assert.Equal(InteractionOutcome.Applied, (await call.LinkCustomer(link, "api:k1")).Outcome);
        await fixture.DeactivateAllAsync(call);
        Assert.Equal(("maria", true, "1"), Pop(await call.Get()));
        Assert.Equal(1, (await call.Get())!.Customer!.CaseNumber);
        Assert.Equal(["i1"], (await @case.Get())!.Interactions);

        // Linking once more is harmless and makes sure the case lists it (here: after it was taken off by hand).
        await @case.SetInteraction("i1", linked: false, "api:k1");
        Assert.Equal(InteractionOutcome.Unchanged, (await call.LinkCustomer(link, "api:k1")).Outcome);
        Assert.Equal(["i1"], (await @case.Get())!.Interactions);
    }

    [Fact]
    public async Task A_case_that_cannot_be_told_of_a_new_link_is_told_from_the_outbox_later()
    {
        var tenant = TestIds.Tenant();
        await client.GetGrain<Contracts.Crm.ICustomerGrain>(GrainKeys.Customer(tenant, "maria"))
            .Create(new Contracts.Crm.CustomerDetails("Maria Rossi", [], [], null, new Dictionary<string, string>(), new Dictionary<string, string>()));
        var first = client.GetGrain<Contracts.Crm.ICaseGrain>(GrainKeys.Case(tenant, 1));
        var second = client.GetGrain<Contracts.Crm.ICaseGrain>(GrainKeys.Case(tenant, 2));
        foreach (var @case in new[] { first, second })
        {
            await @case.Create(new Contracts.Crm.CaseDraft("maria", "Ordine", Domain.Crm.CaseStatus.Open, Domain.Crm.CasePriority.Normal, null), "api:k1");
        }

        await client.CreateQueue(tenant, "support", RoutingTestHelpers.Queue());
        var call = await client.InboundCall(tenant, "i1", "support");
        InteractionCustomerView LinkTo(long number) => new("maria", "Maria Rossi", number, [], ByHand: true);
        Assert.Equal(InteractionOutcome.Applied, (await call.LinkCustomer(LinkTo(1), "api:k1")).Outcome);
        Assert.Equal(["i1"], (await first.Get())!.Interactions);

        // Moved to case 2 while case 1 cannot be written: the link is stored and answered; the cases wait, in order.
        using (fixture.Faults.FailWrites(GrainKeys.Case(tenant, 1), "case", count: 1))
        {
            Assert.Equal(InteractionOutcome.Applied, (await call.LinkCustomer(LinkTo(2), "api:k2")).Outcome);
        }

        Assert.Equal(2, (await call.Get())!.Customer!.CaseNumber);
        Assert.Equal(["i1"], (await first.Get())!.Interactions);
        Assert.Empty((await second.Get())!.Interactions);

        // The interaction's next reminder tick tells both.
        await call.AsReference<IRemindable>().ReceiveReminder("interaction-deadlines", default);
        Assert.Empty((await first.Get())!.Interactions);
        Assert.Equal(["i1"], (await second.Get())!.Interactions);
    }

    [Fact]
    public async Task A_call_whose_index_entry_could_not_be_written_keeps_its_reminder_and_is_listed_at_its_next_tick()
    {
        var tenant = TestIds.Tenant();
        await client.AvailableAgent(tenant, "a1");
        await client.CreateQueue(tenant, "support", RoutingTestHelpers.Queue(), ("a1", 5));
        IInteractionGrain call;
        using (fixture.Faults.FailWrites(tenant, "index", count: 1))
        {
            call = await client.InboundCall(tenant, "i1", "support");
        }

        var created = (await call.Get())!.CreatedAt;
        var index = client.GetGrain<IInteractionIndexGrain>(GrainKeys.InteractionIndex(tenant, created, GrainKeys.InteractionIndexShard("i1")));
        Assert.Empty(await index.ListBefore(null, 10));

        // Worked to its end (no wrap-up asked), it leaves memory at once and nothing else would wake it: its reminder
        // stays until it is listed.
        await call.OfferedTo("a1");
        await call.Act(InteractionActionKind.Accept, "a1");
        Assert.Equal(InteractionState.WrappedUp, (await call.Act(InteractionActionKind.End, "a1")).State);
        var reminders = fixture.Cluster.Silos[0].ServiceProvider.GetRequiredService<IReminderTable>();
        Assert.Single((await reminders.ReadRows(call.GetGrainId())).Reminders);
        Assert.Empty(await index.ListBefore(null, 10));

        await call.AsReference<IRemindable>().ReceiveReminder("interaction-deadlines", default);
        Assert.Equal(["i1"], (await index.ListBefore(null, 10)).Select(e => e.Id));
        Assert.Empty((await reminders.ReadRows(call.GetGrainId())).Reminders); // listed and settled: nothing left to wake it for
        await fixture.DeactivateAllAsync(call);
        Assert.Equal(InteractionState.WrappedUp, (await call.Get())!.State);
        Assert.Empty((await reminders.ReadRows(call.GetGrainId())).Reminders); // and a later read does not bring it back

        // A call still waiting (in memory all along) is listed at its reminder's next tick too.
        await client.CreateQueue(tenant, "nobody", RoutingTestHelpers.Queue());
        IInteractionGrain waiting;
        using (fixture.Faults.FailWrites(tenant, "index", count: 1))
        {
            waiting = await client.InboundCall(tenant, "i2", "nobody");
        }

        var waitingIndex = client.GetGrain<IInteractionIndexGrain>(GrainKeys.InteractionIndex(tenant, (await waiting.Get())!.CreatedAt, GrainKeys.InteractionIndexShard("i2")));
        Assert.DoesNotContain("i2", (await waitingIndex.ListBefore(null, 10)).Select(e => e.Id));
        await waiting.AsReference<IRemindable>().ReceiveReminder("interaction-deadlines", default);
        Assert.Contains("i2", (await waitingIndex.ListBefore(null, 10)).Select(e => e.Id));
    }

    [Fact]
    public async Task A_create_retried_after_a_failure_under_it_finishes_what_the_first_attempt_left_undone()
    {
        var tenant = TestIds.Tenant();
        await client.AvailableAgent(tenant, "a1");
        await client.CreateQueue(tenant, "support", RoutingTestHelpers.Queue(), ("a1", 5));

        // The queue loses the enqueue (its write fails): the call is stored but waits nowhere until its reminder ticks.
        IInteractionGrain call;
        using (var fault = fixture.Faults.FailWrites(GrainKeys.Queue(tenant, "support"), "router", count: 1))
        {
            call = await client.InboundCall(tenant, "i1", "support");
            var clock = System.Diagnostics.Stopwatch.StartNew();
            while (fault.Injected == 0)
            {
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), "the queue never tried to store the enqueue"); // a one-way message
                await Task.Delay(10);
            }
        }

        Assert.Equal(InteractionState.Queued, (await call.Get())!.State);

        // The caller, not told it was made (its answer was lost), asks again: the retry sees it queued and offered.
        var again = await call.Create(new CreateInteraction(Domain.Queues.MediaType.Voice, InteractionDirection.Inbound, "support", null, "+390212345678", "+390698765432", 5, "test"));
        Assert.Equal(InteractionOutcome.AlreadyExists, again.Outcome);
        await call.OfferedTo("a1");
    }

    /// <summary>The customer, whether linked by hand, and the open case numbers (comma-separated) of the view.</summary>
    private static (string? CustomerId, bool ByHand, string OpenCases) Pop(InteractionView? view) =>
        (view?.Customer?.CustomerId, view?.Customer?.ByHand ?? false, string.Join(",", view?.Customer?.OpenCases.Select(c => c.Number) ?? []));

    private static string Json(InteractionView? view) => System.Text.Json.JsonSerializer.Serialize(view);
}
