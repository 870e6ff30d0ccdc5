using System.Net;
using System.Text.Json.Nodes;
using Switchboard.Api.Live;
using Switchboard.Api.Tests.Support;

namespace Switchboard.Api.Tests;

/// <summary>
/// Agent to agent: an internal call or chat (<c>"direction":"internal"</c>) from one agent to a colleague, offered even
/// when the colleague is Offline, with no queue and no wrap-up left open, in both agents' recents; and every refusal.
/// </summary>
public sealed class InternalInteractionTests(SwitchboardApiFactory factory)
{
    [Fact]
    public async Task An_agent_calls_an_offline_colleague_who_answers_and_both_go_back_to_what_they_were_doing()
    {
        var (tenant, keys) = await TeamAsync();
        await tenant.SetStateAsync("a2", "Offline");
        using var a1 = factory.ClientWith(keys["a1"]);
        using var a2 = factory.ClientWith(keys["a2"]);
        await using var a1Live = await LiveTestClient.ConnectAsync(factory, keys["a1"]);
        await using var a2Live = await LiveTestClient.ConnectAsync(factory, keys["a2"]);
        await a1Live.SubscribeAsync("interactions:a1");
        await a1Live.NextOfTypeAsync("snapshot", "interactions:a1");
        await a2Live.SubscribeAsync("interactions:a2");
        await a2Live.NextOfTypeAsync("snapshot", "interactions:a2");

        // An agent key starts it as its own agent without naming itself.
        var call = await a1.CreateInteractionAsync("""{"media":"voice","direction":"internal","toAgentId":"a2"}""");
        var id = call.Text("id");
        Assert.Equal(("internal", "voice", "Offered"), (call.Text("direction"), call.Text("media"), call.Text("state")));
        Assert.Equal(("a1", "a2"), (call.Text("from"), call.Text("to")));
        Assert.Equal("a2", call["offer"]!.Text("agentId"));
        Assert.Null(call["offer"]!["queueId"]);
        Assert.Null(call["queueId"]);
        Assert.Equal(["a1"], call.Strings("participants"));
        Assert.Equal("Busy", (await tenant.WaitForAgentStateAsync("a1", "Busy")).Text("state"));
        Assert.Equal(id, (await a2Live.NextOfTypeAsync(LiveEventTypes.InteractionOffered, "interactions:a2"))["data"]!.Text("id"));
        Assert.Equal(id, (await a1Live.NextAsync(m => m.TextOrNull("type") is LiveEventTypes.InteractionOffered or LiveEventTypes.InteractionUpdated, "a1's own call"))["data"]!.Text("id"));

        var answered = await a2.ActOkAsync(id, "accept");
        Assert.Equal("Connected", answered.Text("state"));
        Assert.Equal(["a1", "a2"], answered.Strings("participants"));
        await tenant.WaitForAgentStateAsync("a2", "Busy");
        await a1Live.NextAsync(m => m.TextOrNull("type") == LiveEventTypes.InteractionUpdated && m["data"]!.Text("state") == "Connected", "a1 sees the answer");

        // The caller hangs up: it is over for both, with no wrap-up left open, and each is back where it was.
        var ended = await a1.ActOkAsync(id, "end");
        Assert.Equal("WrappedUp", (await tenant.Admin().WaitForStateAsync(id, "WrappedUp")).Text("state"));
        Assert.Contains("ended", ended.EventTypes());
        await tenant.WaitForAgentStateAsync("a1", "Available");
        await tenant.WaitForAgentStateAsync("a2", "Offline");
        await a2Live.NextAsync(m => m.TextOrNull("type") == LiveEventTypes.InteractionUpdated && m["data"]!.Text("state") is "Ended" or "WrappedUp", "a2 sees the end");

        // Each is in the other's recents.
        var mine = await a1.WaitForJsonAsync("/v1/agents/a1/recents", r => r["agents"]!.AsArray().Count == 1, "a2 in a1's recents");
        Assert.Equal("a2", mine["agents"]![0]!.Text("id"));
        var theirs = await a2.WaitForJsonAsync("/v1/agents/a2/recents", r => r["agents"]!.AsArray().Count == 1, "a1 in a2's recents");
        Assert.Equal("a1", theirs["agents"]![0]!.Text("id"));
    }

    [Fact]
    public async Task Two_agents_chat_with_the_first_message_given_at_the_start()
    {
        var (tenant, keys) = await TeamAsync();
        using var admin = tenant.Admin();
        using var a2 = factory.ClientWith(keys["a2"]);

        var chat = await admin.CreateInteractionAsync("""{"media":"chat","direction":"internal","fromAgentId":"a1","toAgentId":"a2","text":"Ciao, mi aiuti con un reso?"}""");
        var id = chat.Text("id");
        Assert.Equal(("internal", "chat"), (chat.Text("direction"), chat.Text("media")));
        var first = await admin.GetOkJsonAsync($"/v1/interactions/{id}/messages");
        var opening = Assert.Single(first.Items())!;
        Assert.Equal(("agent", "a1", "Ciao, mi aiuti con un reso?"), (opening.Text("sender"), opening.Text("agentId"), opening.Text("text")));

        // The colleague sees it offered, accepts and answers; a customer's side does not exist.
        await a2.ActOkAsync(id, "accept");
        using (var reply = await a2.SendJsonAsync(HttpMethod.Post, $"/v1/interactions/{id}/messages", """{"text":"Certo, dimmi."}"""))
        {
            Assert.Equal(HttpStatusCode.Created, reply.StatusCode);
        }

        using (var customer = await admin.SendJsonAsync(HttpMethod.Post, $"/v1/interactions/{id}/messages", """{"sender":"customer","text":"Sono il cliente"}"""))
        {
            var problem = await Problem.AssertAsync(customer, HttpStatusCode.Conflict);
            Assert.Contains("no customer", Problem.Detail(problem), StringComparison.Ordinal);
        }

        var both = await admin.GetOkJsonAsync($"/v1/interactions/{id}/messages");
        Assert.Equal(["a1", "a2"], both.Items().Select(m => m!.Text("agentId")));

        // The chat holds a piece of each agent's chat capacity, and calls still reach them.
        Assert.Equal((1, 3), (await tenant.WaitForLoadAsync("a1", "chat", 1)).Load("chat"));
        Assert.Equal((1, 3), (await tenant.WaitForLoadAsync("a2", "chat", 1)).Load("chat"));
        var call = await admin.CreateInteractionAsync(InteractionTestExtensions.Direct("a2"));
        Assert.Equal("Offered", call.Text("state"));
        await admin.ActAsAsync("a2", call.Text("id"), "reject");

        await a2.ActOkAsync(id, "end");
        await admin.WaitForStateAsync(id, "WrappedUp");
        await tenant.WaitForAgentStateAsync("a1", "Available");
        await tenant.WaitForAgentStateAsync("a2", "Available");
    }

    [Fact]
    public async Task A_colleague_who_declines_is_left_as_it_was_and_a_caller_who_hangs_up_first_frees_the_offer()
    {
        var (tenant, keys) = await TeamAsync();
        await tenant.SetStateAsync("a2", "Offline");
        using var a1 = factory.ClientWith(keys["a1"]);
        using var a2 = factory.ClientWith(keys["a2"]);

        var declined = (await a1.CreateInteractionAsync("""{"media":"voice","direction":"internal","toAgentId":"a2"}""")).Text("id");
        var rejected = await a2.ActOkAsync(declined, "reject");
        Assert.Equal("Failed", rejected.Text("state"));
        await tenant.WaitForAgentStateAsync("a1", "Available");
        Assert.Equal("Offline", (await tenant.GetStateAsync("a2")).Text("state"));

        var cancelled = (await a1.CreateInteractionAsync("""{"media":"voice","direction":"internal","toAgentId":"a2"}""")).Text("id");
        var hungUp = await a1.ActOkAsync(cancelled, "end");
        Assert.Equal("Failed", hungUp.Text("state"));
        Assert.Null(hungUp["offer"]);
        await tenant.WaitForAgentStateAsync("a1", "Available");

        // The colleague's offer went with it: it can be called again at once.
        var again = await a1.CreateInteractionAsync("""{"media":"voice","direction":"internal","toAgentId":"a2"}""");
        Assert.Equal("a2", again["offer"]!.Text("agentId"));
    }

    [Fact]
    public async Task Nobody_on_a_break_or_logged_out_is_offered_one_and_a_caller_on_a_break_cannot_start_one()
    {
        var (tenant, keys) = await TeamAsync();
        using var a1 = factory.ClientWith(keys["a1"]);
        await tenant.SetStateAsync("a2", "Break");
        using (var onBreak = await a1.SendJsonAsync(HttpMethod.Post, "/v1/interactions", """{"media":"voice","direction":"internal","toAgentId":"a2"}"""))
        {
            Assert.Contains("'a2'", Problem.Detail(await Problem.AssertAsync(onBreak, HttpStatusCode.Conflict)), StringComparison.Ordinal);
        }

        // The caller's agent had agreed to hold it first, and was let go: it changes state freely (a held offer refuses that).
        Assert.Equal("Offline", (await tenant.SetStateAsync("a1", "Offline")).Text("state"));
        await tenant.SetStateAsync("a1", "Available");

        // a3 was never logged in.
        using (var loggedOut = await a1.SendJsonAsync(HttpMethod.Post, "/v1/interactions", """{"media":"chat","direction":"internal","toAgentId":"a3"}"""))
        {
            Assert.Contains("'a3'", Problem.Detail(await Problem.AssertAsync(loggedOut, HttpStatusCode.Conflict)), StringComparison.Ordinal);
        }

        await tenant.SetStateAsync("a2", "Available");
        await tenant.SetStateAsync("a1", "Break");
        using (var callerOnBreak = await a1.SendJsonAsync(HttpMethod.Post, "/v1/interactions", """{"media":"voice","direction":"internal","toAgentId":"a2"}"""))
        {
            Assert.Contains("'a1'", Problem.Detail(await Problem.AssertAsync(callerOnBreak, HttpStatusCode.Conflict)), StringComparison.Ordinal);
        }

        // Nothing was left held: a2 takes a call at once, and a1 is still on its break.
        Assert.Equal("Offered", (await tenant.Admin().CreateInteractionAsync(InteractionTestExtensions.Direct("a2"))).Text("state"));
        Assert.Equal("Break", (await tenant.GetStateAsync("a1")).Text("state"));
    }

    [Theory]
    [InlineData("""{"media":"voice","direction":"internal","fromAgentId":"a1"}""", "toAgentId")]
    [InlineData("""{"media":"voice","direction":"internal","toAgentId":"a2"}""", "fromAgentId")]
    [InlineData("""{"media":"voice","direction":"internal","fromAgentId":"a1","toAgentId":"a1"}""", "toAgentId")]
    [InlineData("""{"media":"voice","direction":"internal","fromAgentId":"a1","toAgentId":"nobody"}""", "toAgentId")]
    [InlineData("""{"media":"voice","direction":"internal","fromAgentId":"ghost","toAgentId":"a2"}""", "fromAgentId")]
    [InlineData("""{"media":"voice","direction":"internal","fromAgentId":"a1","toAgentId":"bad id!"}""", "toAgentId")]
    [InlineData("""{"media":"voice","direction":"internal","fromAgentId":"a1","toAgentId":"a2","queueId":"support"}""", "queueId")]
    [InlineData("""{"media":"voice","direction":"internal","fromAgentId":"a1","toAgentId":"a2","agentId":"a2"}""", "agentId")]
    [InlineData("""{"media":"voice","direction":"internal","fromAgentId":"a1","toAgentId":"a2","from":"+390212345678"}""", "from")]
    [InlineData("""{"media":"voice","direction":"internal","fromAgentId":"a1","toAgentId":"a2","to":"+390212345678"}""", "to")]
    [InlineData("""{"media":"voice","direction":"internal","fromAgentId":"a1","toAgentId":"a2","priority":5}""", "priority")]
    [InlineData("""{"media":"voice","direction":"internal","fromAgentId":"a1","toAgentId":"a2","text":"ciao"}""", "text")]
    [InlineData("""{"media":"chat","direction":"internal","fromAgentId":"a1","toAgentId":"a2","text":""}""", "text")]
    [InlineData("""{"media":"chat","direction":"internal","fromAgentId":"a1","toAgentId":"a2","text":"a\u0007b"}""", "text")]
    [InlineData("""{"media":"voice","direction":"inbound","queueId":"support","from":"+390212345678","toAgentId":"a2"}""", "toAgentId")]
    [InlineData("""{"media":"voice","direction":"outbound","agentId":"a1","to":"+390212345678","fromAgentId":"a1"}""", "fromAgentId")]
    [InlineData("""{"media":"chat","direction":"inbound","queueId":"chat","from":"maria@example.com","text":"ciao"}""", "text")]
    public async Task Bad_internal_requests_are_refused_naming_the_field_and_change_nothing(string json, string field)
    {
        var (tenant, _) = await TeamAsync();
        using var admin = tenant.Admin();
        using var response = await admin.SendJsonAsync(HttpMethod.Post, "/v1/interactions", json);
        var problem = await Problem.AssertAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.Contains(field, problem["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal("Available", (await tenant.GetStateAsync("a1")).Text("state"));
        Assert.Equal("Available", (await tenant.GetStateAsync("a2")).Text("state"));
    }

    [Fact]
    public async Task An_agent_key_starts_internal_work_only_as_its_own_agent()
    {
        var (tenant, keys) = await TeamAsync();
        using var a1 = factory.ClientWith(keys["a1"]);
        using (var asOther = await a1.SendJsonAsync(HttpMethod.Post, "/v1/interactions", """{"media":"chat","direction":"internal","fromAgentId":"a2","toAgentId":"a1"}"""))
        {
            await Problem.AssertAsync(asOther, HttpStatusCode.Forbidden);
        }

        Assert.Equal("Available", (await tenant.GetStateAsync("a2")).Text("state"));
        var own = await a1.CreateInteractionAsync("""{"media":"chat","direction":"internal","fromAgentId":"a1","toAgentId":"a2"}""");
        Assert.Equal("a1", own.Text("from"));

        // The colleague's key reads it (it is offered it); a third agent's does not.
        using var a2 = factory.ClientWith(keys["a2"]);
        Assert.Equal(own.Text("id"), (await a2.GetInteractionAsync(own.Text("id"))).Text("id"));
        var (_, a3Key) = await tenant.IssueKeyAsync("agent", "a3");
        using var a3 = factory.ClientWith(a3Key);
        using var foreign = await a3.GetResponseAsync($"/v1/interactions/{own.Text("id")}");
        await Problem.AssertAsync(foreign, HttpStatusCode.Forbidden);
    }

    /// <summary>A tenant with agents a1, a2 (Available, agent keys) and a3 (logged out), a voice queue and a chat queue.</summary>
    private async Task<(TestTenant Tenant, Dictionary<string, string> Keys)> TeamAsync()
    {
        var tenant = await factory.CreateCallCenterAsync("support", codeRequired: true, "a1", "a2");
        await tenant.CreateChatQueueAsync("chat", codeRequired: true);
        await tenant.CreateAgentAsync("a3");
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var agentId in new[] { "a1", "a2" })
        {
            keys[agentId] = (await tenant.IssueKeyAsync("agent", agentId)).Key;
        }

        return (tenant, keys);
    }
}
