using System.Net;
using Switchboard.Api.Tests.Support;

namespace Switchboard.Api.Tests;

/// <summary>Voice calls end to end through the API: routing, call control, transfers, consults, conference, abandon, wrap-up.</summary>
public sealed class VoiceCallFlowTests(SwitchboardApiFactory factory)
{
    [Fact]
    public async Task Inbound_call_is_offered_accepted_held_resumed_ended_and_wrapped_up()
    {
        var tenant = await factory.CreateCallCenterAsync("support", codeRequired: true, "a1");
        var (_, key) = await tenant.IssueKeyAsync("agent", "a1");
        using var a1 = factory.ClientWith(key);
        using var admin = tenant.Admin();

        var id = (await admin.CreateInteractionAsync(InteractionTestExtensions.Inbound("support"))).Text("id");
        var offered = await admin.WaitForOfferAsync(id, "a1");
        Assert.Equal("Offered", offered.Text("state"));
        Assert.Equal("support", offered["offer"]!.Text("queueId"));
        Assert.Equal("main", offered["offer"]!.Text("purpose"));
        Assert.Equal("Offered", (await a1.GetInteractionAsync(id)).Text("state"));

        var accepted = await a1.ActOkAsync(id, "accept");
        Assert.Equal("Connected", accepted.Text("state"));
        Assert.Equal("a1", accepted.Text("handler"));
        Assert.Equal(["a1"], accepted.Strings("participants"));
        Assert.Null(accepted["offer"]);
        Assert.Equal("connected", accepted.Leg("agent", "a1").Text("state"));
        Assert.Equal("connected", accepted.Leg("customer", InteractionTestExtensions.Caller).Text("state"));
        await tenant.WaitForAgentStateAsync("a1", "Busy");

        var held = await a1.ActOkAsync(id, "hold", "{}");
        Assert.Equal("OnHold", held.Text("state"));
        Assert.Equal("on-hold", held.Leg("customer", InteractionTestExtensions.Caller).Text("state"));

        var resumed = await a1.ActOkAsync(id, "resume");
        Assert.Equal("Connected", resumed.Text("state"));
        Assert.Equal("connected", resumed.Leg("customer", InteractionTestExtensions.Caller).Text("state"));

        var ended = await a1.ActOkAsync(id, "end", """{"agentId":"a1"}""");
        Assert.Equal("Ended", ended.Text("state"));
        Assert.NotNull(ended.TextOrNull("endedAt"));
        Assert.Empty(ended["participants"]!.AsArray());
        Assert.All(ended["legs"]!.AsArray(), l => Assert.Equal("ended", l!.Text("state")));
        var open = Assert.Single(ended["wrapUps"]!.AsArray())!;
        Assert.Equal("a1", open.Text("agentId"));
        Assert.True(open["codeRequired"]!.GetValue<bool>());
        Assert.Null(open.TextOrNull("completedAt"));
        await tenant.WaitForAgentStateAsync("a1", "WrapUp");

        // The queue requires one of its codes.
        using (var noCode = await a1.ActAsync(id, "wrap-up", """{"notes":"Forgot the code"}"""))
        {
            await Problem.AssertAsync(noCode, HttpStatusCode.UnprocessableEntity);
        }

        await tenant.SetTransactionCodesAsync("sale", "no-sale", "callback");
        using (var foreign = await a1.ActAsync(id, "wrap-up", """{"transactionCodes":["callback"]}"""))
        {
            Assert.Contains("callback", Problem.Detail(await Problem.AssertAsync(foreign, HttpStatusCode.UnprocessableEntity)), StringComparison.Ordinal);
        }

        Assert.Equal("WrapUp", (await tenant.GetStateAsync("a1")).Text("state"));
        var wrapped = await a1.ActOkAsync(id, "wrap-up", """{"transactionCodes":["sale"],"notes":"Upgraded the plan.\nCall back Friday."}""");
        Assert.Equal("WrappedUp", wrapped.Text("state"));
        Assert.Equal(["sale"], wrapped.Strings("transactionCodes"));
        var note = Assert.Single(wrapped["notes"]!.AsArray())!;
        Assert.Equal("a1", note.Text("agentId"));
        Assert.Equal("Upgraded the plan.\nCall back Friday.", note.Text("text"));
        var done = Assert.Single(wrapped["wrapUps"]!.AsArray())!;
        Assert.Equal(["sale"], done.Strings("transactionCodes"));
        Assert.NotNull(done.TextOrNull("completedAt"));
        Assert.False(done["timedOut"]!.GetValue<bool>());
        await tenant.WaitForAgentStateAsync("a1", "Available");

        var final = await admin.GetInteractionAsync(id);
        Assert.Equal("WrappedUp", final.Text("state"));
        var types = final.EventTypes();
        Assert.Equal(["created", "queued", "offered", "accepted", "held", "resumed"], types.Take(6));
        Assert.Contains("wrap-up-saved", types);
        Assert.Equal("wrapped-up", types[^1]);
        var timeline = final["timeline"]!.AsArray();
        Assert.Equal(Enumerable.Range(1, timeline.Count).Select(i => (long)i), timeline.Select(e => e!.Number("sequence")));
        Assert.Equal("agent:a1", timeline[3]!.Text("actor"));
    }

    [Fact]
    public async Task Rejected_offer_goes_back_to_the_queue_and_the_agent_to_break()
    {
        var tenant = await factory.CreateCallCenterAsync("support", codeRequired: false, "a1");
        using var admin = tenant.Admin();
        var id = (await admin.CreateInteractionAsync(InteractionTestExtensions.Inbound("support"))).Text("id");
        await admin.WaitForOfferAsync(id, "a1");

        var rejected = await admin.ActAsAsync("a1", id, "reject");

        Assert.Equal("Queued", rejected.Text("state"));
        Assert.Null(rejected["offer"]);
        Assert.Contains("rejected", rejected.EventTypes());
        Assert.Equal("Break", (await tenant.WaitForAgentStateAsync("a1", "Break")).Text("state"));
        using var again = await admin.ActAsync(id, "accept", """{"agentId":"a1"}""");
        await Problem.AssertAsync(again, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Blind_transfer_to_an_agent_offers_the_call_to_it_and_sends_the_first_agent_to_wrap_up()
    {
        var (tenant, id) = await ConnectedAsync(codeRequired: true, "a2");
        using var admin = tenant.Admin();

        var transferred = await admin.ActAsAsync("a1", id, "transfer", """ "target":{"type":"agent","id":"a2"}""");

        Assert.Equal("Offered", transferred.Text("state"));
        Assert.Equal("a2", transferred["offer"]!.Text("agentId"));
        Assert.Null(transferred.TextOrNull("handler"));
        Assert.Equal("ended", transferred.Leg("agent", "a1").Text("state"));
        Assert.Contains("transferred", transferred.EventTypes());
        await tenant.WaitForAgentStateAsync("a1", "WrapUp");

        var taken = await admin.ActAsAsync("a2", id, "accept");
        Assert.Equal("Connected", taken.Text("state"));
        Assert.Equal("a2", taken.Text("handler"));
        Assert.Equal(["a2"], taken.Strings("participants"));
        await tenant.WaitForAgentStateAsync("a2", "Busy");
    }

    [Fact]
    public async Task Blind_transfer_to_a_queue_routes_the_call_to_that_queues_agent()
    {
        var (tenant, id) = await ConnectedAsync(codeRequired: false, "a2");
        using var admin = tenant.Admin();
        await tenant.CreateQueueAsync("billing");
        Assert.True(await tenant.PutMemberAsync("billing", "a2") is HttpStatusCode.OK or HttpStatusCode.Created or HttpStatusCode.NoContent);

        var transferred = await admin.ActAsAsync("a1", id, "transfer", """ "target":{"type":"queue","id":"billing"}""");

        Assert.Equal("billing", transferred.Text("queueId"));
        var offered = await admin.WaitForOfferAsync(id, "a2");
        Assert.Equal("Offered", offered.Text("state"));
        Assert.Equal("billing", offered["offer"]!.Text("queueId"));
        await tenant.WaitForAgentStateAsync("a1", "Available"); // no code required: wrap-up completes at once
    }

    [Fact]
    public async Task Blind_transfer_to_an_external_number_dials_it_and_the_agent_leaves()
    {
        var (tenant, id) = await ConnectedAsync(codeRequired: true);
        using var admin = tenant.Admin();

        var transferred = await admin.ActAsAsync("a1", id, "transfer", """ "target":{"type":"external","number":"+390611122233"}""");

        Assert.Equal("Connected", transferred.Text("state"));
        Assert.Null(transferred.TextOrNull("handler"));
        Assert.Empty(transferred["participants"]!.AsArray());
        var external = transferred.Leg("external", "+390611122233");
        Assert.Equal("ringing", external.Text("state"));
        Assert.Equal(1, external.Number("line"));
        await tenant.WaitForAgentStateAsync("a1", "WrapUp");
    }

    [Fact]
    public async Task Consult_with_an_agent_then_complete_hands_the_call_over()
    {
        var (tenant, id) = await ConnectedAsync(codeRequired: true, "a2");
        using var admin = tenant.Admin();

        var consulting = await admin.ActAsAsync("a1", id, "consult", """ "target":{"type":"agent","id":"a2"}""");
        Assert.Equal("OnHold", consulting.Text("state"));
        Assert.Equal("agent", consulting["consult"]!["target"]!.Text("type"));
        Assert.Equal("a2", consulting["consult"]!["target"]!.Text("id"));
        Assert.Equal("consult", consulting["offer"]!.Text("purpose"));
        Assert.Equal("a2", consulting["offer"]!.Text("agentId"));

        var answered = await admin.ActAsAsync("a2", id, "accept");
        Assert.Equal("a2", answered["consult"]!.Text("agentId"));
        var consultLeg = answered.Leg("agent", "a2");
        Assert.Equal(2, consultLeg.Number("line"));
        Assert.Equal("connected", consultLeg.Text("state"));

        var completed = await admin.ActAsAsync("a1", id, "consult/complete");
        Assert.Equal("Connected", completed.Text("state"));
        Assert.Equal("a2", completed.Text("handler"));
        Assert.Null(completed["consult"]);
        Assert.Equal(["a2"], completed.Strings("participants"));
        Assert.Contains("consult-completed", completed.EventTypes());
        await tenant.WaitForAgentStateAsync("a1", "WrapUp");
        await tenant.WaitForAgentStateAsync("a2", "Busy");
    }

    [Fact]
    public async Task Consult_then_cancel_returns_to_the_customer_and_frees_the_consulted_agent()
    {
        var (tenant, id) = await ConnectedAsync(codeRequired: true, "a2");
        using var admin = tenant.Admin();
        await admin.ActAsAsync("a1", id, "consult", """ "target":{"type":"agent","id":"a2"}""");
        await admin.ActAsAsync("a2", id, "accept");

        var cancelled = await admin.ActAsAsync("a1", id, "consult/cancel");

        Assert.Equal("Connected", cancelled.Text("state"));
        Assert.Equal("a1", cancelled.Text("handler"));
        Assert.Null(cancelled["consult"]);
        Assert.Equal(["a1"], cancelled.Strings("participants"));
        Assert.Equal("connected", cancelled.Leg("customer", InteractionTestExtensions.Caller).Text("state"));
        Assert.Contains("consult-cancelled", cancelled.EventTypes());
        await tenant.WaitForAgentStateAsync("a2", "Available");
        Assert.Equal("Busy", (await tenant.GetStateAsync("a1")).Text("state"));
    }

    [Fact]
    public async Task Consult_with_an_external_number_then_cancel()
    {
        var (tenant, id) = await ConnectedAsync(codeRequired: false);
        using var admin = tenant.Admin();

        var consulting = await admin.ActAsAsync("a1", id, "consult", """ "target":{"type":"external","number":"+390611122233"}""");
        Assert.Equal("external", consulting["consult"]!["target"]!.Text("type"));
        Assert.Equal("+390611122233", consulting["consult"]!["target"]!.Text("number"));
        Assert.Equal("ringing", consulting.Leg("external", "+390611122233").Text("state"));

        var cancelled = await admin.ActAsAsync("a1", id, "consult/cancel");
        Assert.Equal("Connected", cancelled.Text("state"));
        Assert.Equal("ended", cancelled.Leg("external", "+390611122233").Text("state"));
    }

    [Fact]
    public async Task Conference_merges_the_customer_and_both_agents()
    {
        var (tenant, id) = await ConnectedAsync(codeRequired: false, "a2");
        using var admin = tenant.Admin();
        await admin.ActAsAsync("a1", id, "consult", """ "target":{"type":"agent","id":"a2"}""");
        await admin.ActAsAsync("a2", id, "accept");

        var conference = await admin.ActAsAsync("a1", id, "conference");

        Assert.Equal("Connected", conference.Text("state"));
        Assert.True(conference["conference"]!.GetValue<bool>());
        Assert.Equal(["a1", "a2"], conference.Strings("participants").Order());
        Assert.Null(conference["consult"]);
        Assert.All(conference["legs"]!.AsArray(), l => Assert.Equal("connected", l!.Text("state")));

        // One agent leaves; the call goes on with the other.
        var left = await admin.ActAsAsync("a1", id, "end");
        Assert.Equal("Connected", left.Text("state"));
        Assert.Equal(["a2"], left.Strings("participants"));
        Assert.Equal("a2", left.Text("handler"));
        await tenant.WaitForAgentStateAsync("a1", "Available");
    }

    [Fact]
    public async Task Caller_hanging_up_while_queued_abandons_the_call()
    {
        var tenant = await factory.CreateCallCenterAsync("support", codeRequired: false, "a1");
        await tenant.SetStateAsync("a1", "Offline");
        var (_, key) = await tenant.IssueKeyAsync("integration");
        using var integration = factory.ClientWith(key);
        var id = (await integration.CreateInteractionAsync(InteractionTestExtensions.Inbound("support"))).Text("id");
        Assert.Equal("Queued", (await integration.GetInteractionAsync(id)).Text("state"));

        var abandoned = await integration.ReportLegAsync(id, "L1", "ended");

        Assert.Equal("Abandoned", abandoned.Text("state"));
        Assert.NotNull(abandoned.TextOrNull("endedAt"));
        Assert.Equal("ended", abandoned.Leg("customer", InteractionTestExtensions.Caller).Text("state"));
        Assert.Contains("abandoned", abandoned.EventTypes());

        // Nothing is left in the queue for a1 when it comes back.
        await tenant.SetStateAsync("a1", "Available");
        var read = await integration.GetInteractionAsync(id);
        Assert.Equal("Abandoned", read.Text("state"));
        Assert.Null(read["offer"]);
    }

    [Fact]
    public async Task Caller_hanging_up_while_offered_abandons_the_call_and_frees_the_agent()
    {
        var tenant = await factory.CreateCallCenterAsync("support", codeRequired: false, "a1");
        using var admin = tenant.Admin();
        var id = (await admin.CreateInteractionAsync(InteractionTestExtensions.Inbound("support"))).Text("id");
        await admin.WaitForOfferAsync(id, "a1");

        var abandoned = await admin.ReportLegAsync(id, "L1", "ended");

        Assert.Equal("Abandoned", abandoned.Text("state"));
        Assert.Null(abandoned["offer"]);
        var next = await admin.CreateInteractionAsync(InteractionTestExtensions.Direct("a1"));
        Assert.Equal("a1", next["offer"]!.Text("agentId"));
    }

    /// <summary>Queue support (a1 a member), <paramref name="others"/> created and Available, and a call a1 has accepted.</summary>
    private async Task<(TestTenant Tenant, string Id)> ConnectedAsync(bool codeRequired, params string[] others)
    {
        var tenant = await factory.CreateCallCenterAsync("support", codeRequired, "a1");
        foreach (var agentId in others)
        {
            await tenant.CreateAgentAsync(agentId);
            await tenant.SetStateAsync(agentId, "Available");
        }

        using var admin = tenant.Admin();
        var id = (await admin.CreateInteractionAsync(InteractionTestExtensions.Inbound("support"))).Text("id");
        await admin.WaitForOfferAsync(id, "a1");
        Assert.Equal("Connected", (await admin.ActAsAsync("a1", id, "accept")).Text("state"));
        return (tenant, id);
    }
}
