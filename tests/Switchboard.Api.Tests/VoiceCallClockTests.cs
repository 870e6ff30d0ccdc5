using Switchboard.Api.Tests.Support;

namespace Switchboard.Api.Tests;

/// <summary>Calls that need time to pass on the business clock: the simulated phones answering, and offers nobody answers.</summary>
[Collection(ClockCollection.Name)]
public sealed class VoiceCallClockTests(SwitchboardApiFactory factory)
{
    /// <summary>The simulator's default <c>Telephony:AnswerDelay</c>.</summary>
    private static readonly TimeSpan AnswerDelay = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task Outbound_call_rings_the_agent_then_the_callee_and_connects()
    {
        var tenant = await factory.CreateTenantAsync();
        await tenant.CreateAgentAsync("a1");
        await tenant.SetStateAsync("a1", "Available");
        var (_, key) = await tenant.IssueKeyAsync("agent", "a1");
        using var a1 = factory.ClientWith(key);

        var dialing = await a1.CreateInteractionAsync("""{"media":"voice","direction":"outbound","to":"+390698765432"}""");
        var id = dialing.Text("id");
        Assert.Equal("Dialing", dialing.Text("state"));
        await tenant.WaitForAgentStateAsync("a1", "Busy");

        factory.Clock.Advance(AnswerDelay);
        var calleeRinging = await a1.WaitForAsync(id, i => i["legs"]!.AsArray().Any(l => l!.Text("party") == "customer"), "ringing the callee");
        Assert.Equal("Dialing", calleeRinging.Text("state"));
        Assert.Equal("connected", calleeRinging.Leg("agent", "a1").Text("state"));
        Assert.Equal("ringing", calleeRinging.Leg("customer", "+390698765432").Text("state"));

        factory.Clock.Advance(AnswerDelay);
        var connected = await a1.WaitForStateAsync(id, "Connected");
        Assert.Equal("connected", connected.Leg("customer", "+390698765432").Text("state"));
        Assert.Equal("a1", connected.Text("handler"));
        Assert.Contains("connected", connected.EventTypes());

        var ended = await a1.ActOkAsync(id, "end");
        Assert.True(ended.Text("state") is "Ended" or "WrappedUp", ended.Text("state"));
        await tenant.WaitForAgentStateAsync("a1", "Available"); // outbound calls need no code
    }

    [Fact]
    public async Task Outbound_call_to_a_number_that_fails_fails()
    {
        var tenant = await factory.CreateTenantAsync();
        await tenant.CreateAgentAsync("a1");
        await tenant.SetStateAsync("a1", "Available");
        using var admin = tenant.Admin();
        var id = (await admin.CreateInteractionAsync(InteractionTestExtensions.Outbound("a1", "+390001234567"))).Text("id");

        factory.Clock.Advance(AnswerDelay);
        await admin.WaitForAsync(id, i => i["legs"]!.AsArray().Any(l => l!.Text("party") == "customer"), "ringing the callee");
        factory.Clock.Advance(AnswerDelay);

        var failed = await admin.WaitForStateAsync(id, "Failed");
        Assert.Equal("failed", failed.Leg("customer", "+390001234567").Text("state"));
        Assert.NotNull(failed.TextOrNull("endedAt"));
        await tenant.WaitForAgentStateAsync("a1", "Available");
    }

    [Fact]
    public async Task Offer_nobody_answers_goes_back_to_the_queue_and_the_agent_to_break_no_answer()
    {
        var tenant = await factory.CreateCallCenterAsync("support", codeRequired: false, "a1");
        using var admin = tenant.Admin();
        var id = (await admin.CreateInteractionAsync(InteractionTestExtensions.Inbound("support"))).Text("id");
        var offered = await admin.WaitForOfferAsync(id, "a1");
        var timeout = offered["offer"]!.Time("expiresAt") - offered["offer"]!.Time("offeredAt");
        Assert.Equal(TimeSpan.FromSeconds(15), timeout);

        factory.Clock.Advance(timeout + TimeSpan.FromSeconds(1));

        var requeued = await admin.WaitForAsync(id, i => i.Text("state") == "Queued" && i["offer"] is null, "queued again");
        Assert.Contains("offer-timed-out", requeued.EventTypes());
        Assert.Equal("support", requeued.Text("queueId"));
        var state = await tenant.WaitForAgentStateAsync("a1", "Break");
        Assert.Equal("no-answer", state.Text("reasonCode"));
    }

    [Fact]
    public async Task Work_waiting_past_the_overflow_limit_is_offered_in_the_overflow_queue()
    {
        var tenant = await factory.CreateCallCenterAsync("backup", codeRequired: false, "b1");
        await tenant.CreateQueueAsync("front", """{"id":"front","name":"Front","overflow":{"queueId":"backup","afterSeconds":60}}""");
        using var admin = tenant.Admin();
        var id = (await admin.CreateInteractionAsync(InteractionTestExtensions.Inbound("front"))).Text("id");
        Assert.Equal("Queued", (await admin.GetInteractionAsync(id)).Text("state"));

        // The queue hears of the call one way and counts its wait from then: the clock moves only once it waits there.
        await admin.WaitForJsonAsync("/v1/queues/front/stats", s => s.Number("waiting") == 1, "the call waiting in front");
        factory.Clock.Advance(TimeSpan.FromSeconds(60));

        var offered = await admin.WaitForOfferAsync(id, "b1");
        Assert.Equal("backup", offered.Text("queueId"));
        Assert.Contains("overflowed", offered.EventTypes());
        var stats = await admin.GetOkJsonAsync("/v1/queues/front/stats");
        Assert.Equal(0, stats.Number("waiting"));
    }

    [Fact]
    public async Task The_wrap_up_limit_ends_a_wrap_up_waiting_for_a_required_code()
    {
        var tenant = await factory.CreateTenantAsync();
        await tenant.SetTransactionCodesAsync("sale");
        await tenant.CreateQueueAsync("support", """{"id":"support","name":"Support","transactionCodes":["sale"],"wrapUp":{"codeRequired":true,"maxSeconds":30}}""");
        await tenant.CreateAgentAsync("a1");
        await tenant.PutMemberAsync("support", "a1");
        await tenant.SetStateAsync("a1", "Available");
        using var admin = tenant.Admin();
        var id = (await admin.CreateInteractionAsync(InteractionTestExtensions.Inbound("support"))).Text("id");
        await admin.WaitForOfferAsync(id, "a1");
        await admin.ActAsAsync("a1", id, "accept");
        await admin.ActAsAsync("a1", id, "end");
        await tenant.WaitForAgentStateAsync("a1", "WrapUp");

        factory.Clock.Advance(TimeSpan.FromSeconds(30));

        var wrapped = await admin.WaitForStateAsync(id, "WrappedUp");
        Assert.True(Assert.Single(wrapped["wrapUps"]!.AsArray())!["timedOut"]!.GetValue<bool>());
        Assert.Contains("wrap-up-timed-out", wrapped.EventTypes());
        await tenant.WaitForAgentStateAsync("a1", "Available");
    }

    [Fact]
    public async Task An_internal_call_nobody_answers_fails_and_leaves_the_colleague_as_it_was()
    {
        var tenant = await factory.CreateCallCenterAsync("support", codeRequired: false, "a1", "a2");
        await tenant.SetStateAsync("a2", "Offline");
        using var admin = tenant.Admin();
        var offered = await admin.CreateInteractionAsync("""{"media":"voice","direction":"internal","fromAgentId":"a1","toAgentId":"a2"}""");
        var id = offered.Text("id");
        var timeout = offered["offer"]!.Time("expiresAt") - offered["offer"]!.Time("offeredAt");
        Assert.Equal(TimeSpan.FromSeconds(30), timeout);

        factory.Clock.Advance(timeout + TimeSpan.FromSeconds(1));

        var failed = await admin.WaitForStateAsync(id, "Failed");
        Assert.Contains("offer-timed-out", failed.EventTypes());
        Assert.Null(failed["offer"]);
        await tenant.WaitForAgentStateAsync("a1", "Available");

        // Not sent on a break for a colleague's call: still Offline, and free to be called again.
        Assert.Equal("Offline", (await tenant.GetStateAsync("a2")).Text("state"));
        var again = await admin.CreateInteractionAsync("""{"media":"voice","direction":"internal","fromAgentId":"a1","toAgentId":"a2"}""");
        Assert.Equal("a2", again["offer"]!.Text("agentId"));

        // Nothing left due on the shared clock for the tests after this one.
        Assert.Equal("Failed", (await admin.ActAsAsync("a1", again.Text("id"), "end")).Text("state"));
    }
}
