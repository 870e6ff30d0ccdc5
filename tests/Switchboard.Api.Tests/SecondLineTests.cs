using System.Net;
using Switchboard.Api.Tests.Support;

namespace Switchboard.Api.Tests;

/// <summary>
/// The agent's two lines: it talks on one call at a time; with that call on hold, a second call it places or that is put
/// through to it directly rings on line 2 (never one from a queue); it swaps between them and ends each on its own.
/// </summary>
[Collection(ClockCollection.Name)]
public sealed class SecondLineTests(SwitchboardApiFactory factory)
{
    /// <summary>The simulator's default <c>Telephony:AnswerDelay</c>.</summary>
    private static readonly TimeSpan AnswerDelay = TimeSpan.FromSeconds(2);

    private const string SecondCall = """{"media":"voice","direction":"outbound","to":"+390698765432"}""";

    [Fact]
    public async Task With_its_call_on_hold_an_agent_places_a_second_call_and_swaps_between_the_two()
    {
        var tenant = await factory.CreateCallCenterAsync("support", codeRequired: false, "a1");
        var (_, key) = await tenant.IssueKeyAsync("agent", "a1");
        using var a1 = factory.ClientWith(key);
        using var admin = tenant.Admin();
        var first = await AcceptedCallAsync(admin, a1);

        // Talking on line 1: no second call yet.
        using (var busy = await a1.SendJsonAsync(HttpMethod.Post, "/v1/interactions", SecondCall))
        {
            Assert.Contains("line 2", Problem.Detail(await Problem.AssertAsync(busy, HttpStatusCode.Conflict)), StringComparison.Ordinal);
        }

        await a1.ActOkAsync(first, "hold");
        var second = (await a1.CreateInteractionAsync(SecondCall)).Text("id");
        factory.Clock.Advance(AnswerDelay); // the agent's leg
        await a1.WaitForAsync(second, i => i["legs"]!.AsArray().Any(l => l!.Text("party") == "customer"), "ringing the callee");
        factory.Clock.Advance(AnswerDelay); // the callee
        await a1.WaitForStateAsync(second, "Connected");

        // One line at a time: resuming the first while talking on the second is refused; swapping holds the second.
        using (var resume = await a1.ActAsync(first, "resume"))
        {
            Assert.Contains("another call", Problem.Detail(await Problem.AssertAsync(resume, HttpStatusCode.Conflict)), StringComparison.Ordinal);
        }

        var swapped = await a1.ActOkAsync(first, "swap");
        Assert.Equal("Connected", swapped.Text("state"));
        Assert.Equal("OnHold", (await a1.GetInteractionAsync(second)).Text("state"));
        var back = await a1.ActOkAsync(second, "swap");
        Assert.Equal("Connected", back.Text("state"));
        Assert.Equal("OnHold", (await a1.GetInteractionAsync(first)).Text("state"));

        // Talking on the second call: a consult from the first (held) would make the agent talk on both.
        using (var consult = await a1.ActAsync(first, "consult", """{"target":{"type":"external","number":"+390633333333"}}"""))
        {
            Assert.Contains("another call", Problem.Detail(await Problem.AssertAsync(consult, HttpStatusCode.Conflict)), StringComparison.Ordinal);
        }

        Assert.Null((await a1.GetInteractionAsync(first))["consult"]);

        // Both lines taken: a third call does not reach the agent.
        using (var third = await admin.SendJsonAsync(HttpMethod.Post, "/v1/interactions", InteractionTestExtensions.Direct("a1")))
        {
            await Problem.AssertAsync(third, HttpStatusCode.Conflict);
        }

        // Each call ends on its own; the agent is busy until the last one has.
        await a1.ActOkAsync(second, "end");
        Assert.Equal("Busy", (await tenant.GetStateAsync("a1")).Text("state"));
        Assert.Equal("Connected", (await a1.ActOkAsync(first, "resume")).Text("state"));
        await a1.ActOkAsync(first, "end");
        await tenant.WaitForAgentStateAsync("a1", "Available");
    }

    [Fact]
    public async Task A_call_put_through_to_the_agent_rings_line_2_while_its_call_is_on_hold_but_a_queue_waits()
    {
        var tenant = await factory.CreateCallCenterAsync("support", codeRequired: false, "a1");
        var (_, key) = await tenant.IssueKeyAsync("agent", "a1");
        using var a1 = factory.ClientWith(key);
        using var admin = tenant.Admin();
        var first = await AcceptedCallAsync(admin, a1);
        await a1.ActOkAsync(first, "hold");

        // A queue's call waits for a free agent; a call for this agent is offered on line 2.
        var queued = (await admin.CreateInteractionAsync(InteractionTestExtensions.Inbound("support"))).Text("id");
        var direct = await admin.CreateInteractionAsync(InteractionTestExtensions.Direct("a1"));
        Assert.Equal(("Offered", "a1"), (direct.Text("state"), direct["offer"]!.Text("agentId")));
        var waiting = await admin.GetInteractionAsync(queued);
        Assert.Equal("Queued", waiting.Text("state"));
        Assert.Null(waiting["offer"]);

        var second = direct.Text("id");
        Assert.Equal("Connected", (await a1.ActOkAsync(second, "accept")).Text("state"));
        using (var resume = await a1.ActAsync(first, "resume"))
        {
            await Problem.AssertAsync(resume, HttpStatusCode.Conflict);
        }

        var lines = (await a1.GetOkJsonAsync("/v1/agents/a1/state")).Text("state");
        Assert.Equal("Busy", lines);

        // The second call ends; the first is resumed and ended; then the queue's call reaches the agent.
        await a1.ActOkAsync(second, "end");
        await a1.ActOkAsync(first, "resume");
        await a1.ActOkAsync(first, "end");
        await admin.WaitForOfferAsync(queued, "a1");
    }

    [Fact]
    public async Task Accepting_a_second_call_while_talking_on_the_first_is_refused_and_changes_nothing()
    {
        var tenant = await factory.CreateCallCenterAsync("support", codeRequired: false, "a1");
        var (_, key) = await tenant.IssueKeyAsync("agent", "a1");
        using var a1 = factory.ClientWith(key);
        using var admin = tenant.Admin();
        var first = await AcceptedCallAsync(admin, a1);
        await a1.ActOkAsync(first, "hold");
        var second = (await admin.CreateInteractionAsync(InteractionTestExtensions.Direct("a1"))).Text("id");

        // The agent took the first call back before answering the second.
        await a1.ActOkAsync(first, "resume");
        using (var accept = await a1.ActAsync(second, "accept"))
        {
            Assert.Contains("Hold that call first", Problem.Detail(await Problem.AssertAsync(accept, HttpStatusCode.Conflict)), StringComparison.Ordinal);
        }

        var offered = await admin.GetInteractionAsync(second);
        Assert.Equal("Offered", offered.Text("state"));
        Assert.DoesNotContain(offered["legs"]!.AsArray(), l => l!.Text("party") == "agent");

        // Swapping to the offered call is not how it is answered: it is not on hold.
        using (var swap = await a1.ActAsync(second, "swap"))
        {
            Assert.Contains("on hold", Problem.Detail(await Problem.AssertAsync(swap, HttpStatusCode.Conflict)), StringComparison.Ordinal);
        }

        Assert.Equal("Connected", (await a1.GetInteractionAsync(first)).Text("state"));
        using (var notTheirs = await admin.ActAsync(first, "swap", """{"agentId":"a9"}"""))
        {
            await Problem.AssertAsync(notTheirs, HttpStatusCode.Forbidden);
        }

        using (var missing = await a1.ActAsync("i_nothing", "swap"))
        {
            await Problem.AssertAsync(missing, HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public async Task Merging_lines_brings_the_second_calls_party_into_the_first_as_a_conference_and_ends_the_second()
    {
        var tenant = await factory.CreateCallCenterAsync("support", codeRequired: false, "a1");
        var (_, key) = await tenant.IssueKeyAsync("agent", "a1");
        using var a1 = factory.ClientWith(key);
        using var admin = tenant.Admin();
        var first = await AcceptedCallAsync(admin, a1);
        await a1.ActOkAsync(first, "hold");
        var second = (await a1.CreateInteractionAsync(SecondCall)).Text("id");
        factory.Clock.Advance(AnswerDelay);
        await a1.WaitForAsync(second, i => i["legs"]!.AsArray().Any(l => l!.Text("party") == "customer"), "ringing the callee");
        factory.Clock.Advance(AnswerDelay);
        await a1.WaitForStateAsync(second, "Connected");

        // Bad requests change nothing.
        foreach (var (body, status) in new[]
        {
            ("{}", HttpStatusCode.UnprocessableEntity),
            ($$"""{"interactionId":"{{first}}"}""", HttpStatusCode.UnprocessableEntity),
            ("""{"interactionId":"../x"}""", HttpStatusCode.UnprocessableEntity),
            ("""{"interactionId":"i_nobody"}""", HttpStatusCode.UnprocessableEntity),
            ("""{"interactionId":"i_x","agentId":"a2"}""", HttpStatusCode.Forbidden),
        })
        {
            using var refused = await a1.SendJsonAsync(HttpMethod.Post, $"/v1/interactions/{first}/merge", body);
            await Problem.AssertAsync(refused, status);
        }

        Assert.Equal("OnHold", (await a1.GetInteractionAsync(first)).Text("state"));
        Assert.Equal("Connected", (await a1.GetInteractionAsync(second)).Text("state"));

        var merged = await a1.ActOkAsync(first, "merge", $$"""{"interactionId":"{{second}}"}""");

        Assert.Equal("Connected", merged.Text("state"));
        Assert.True(merged["conference"]!.GetValue<bool>());
        Assert.Equal("connected", merged.Leg("external", "+390698765432").Text("state"));
        Assert.Equal("connected", merged.Leg("customer", InteractionTestExtensions.Caller).Text("state"));
        var gone = await a1.GetInteractionAsync(second);
        Assert.True(gone.Text("state") is "Ended" or "WrappedUp", gone.Text("state"));
        Assert.Contains("merged-into", gone.EventTypes());

        // One call left: the agent talks on it, and its line 2 is free for another call again once it holds it.
        using (var again = await a1.SendJsonAsync(HttpMethod.Post, $"/v1/interactions/{first}/merge", $$"""{"interactionId":"{{second}}"}"""))
        {
            await Problem.AssertAsync(again, HttpStatusCode.Conflict);
        }

        await a1.ActOkAsync(first, "end");
        await tenant.WaitForAgentStateAsync("a1", "Available");
    }

    [Fact]
    public async Task A_call_accepted_while_its_phone_rings_holds_the_line_against_resuming_the_other()
    {
        var tenant = await factory.CreateCallCenterAsync("support", codeRequired: false, "a1");
        var (_, key) = await tenant.IssueKeyAsync("agent", "a1");
        using var a1 = factory.ClientWith(key);
        using var admin = tenant.Admin();
        using (var put = await a1.SendJsonAsync(HttpMethod.Put, "/v1/agents/a1/profile", """{"phone":"+390212345678"}"""))
        using (var verify = await a1.SendJsonAsync(HttpMethod.Post, "/v1/agents/a1/profile/verification-call", null))
        {
            Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Accepted), (put.StatusCode, verify.StatusCode));
        }

        factory.Clock.Advance(AnswerDelay);
        await a1.WaitForJsonAsync("/v1/agents/a1/profile", p => p["verified"] is not null, "the phone verified");

        var first = (await admin.CreateInteractionAsync(InteractionTestExtensions.Inbound("support"))).Text("id");
        await admin.WaitForOfferAsync(first, "a1");
        await a1.ActOkAsync(first, "accept");
        factory.Clock.Advance(AnswerDelay);
        await a1.WaitForStateAsync(first, "Connected");
        await a1.ActOkAsync(first, "hold");

        var second = (await admin.CreateInteractionAsync(InteractionTestExtensions.Direct("a1"))).Text("id");
        Assert.Equal("Offered", (await a1.ActOkAsync(second, "accept")).Text("state")); // the phone rings for it

        using (var resume = await a1.ActAsync(first, "resume"))
        {
            await Problem.AssertAsync(resume, HttpStatusCode.Conflict);
        }

        factory.Clock.Advance(AnswerDelay);
        await a1.WaitForStateAsync(second, "Connected");
        Assert.Equal("OnHold", (await a1.GetInteractionAsync(first)).Text("state"));
    }

    private static async Task<string> AcceptedCallAsync(HttpClient admin, HttpClient agent)
    {
        var id = (await admin.CreateInteractionAsync(InteractionTestExtensions.Inbound("support"))).Text("id");
        await admin.WaitForOfferAsync(id, "a1");
        Assert.Equal("Connected", (await agent.ActOkAsync(id, "accept")).Text("state"));
        return id;
    }
}
