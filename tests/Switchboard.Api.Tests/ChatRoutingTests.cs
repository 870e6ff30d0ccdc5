using System.Net;
using Switchboard.Api.Tests.Support;

namespace Switchboard.Api.Tests;

/// <summary>
/// Chats end to end through the API: several at once up to the agent's capacity, the utilization rule between calls and
/// chats, capacity changed while work waits, wrap-up owed per chat, what a chat refuses (call-only actions) and transfers.
/// </summary>
public sealed class ChatRoutingTests(SwitchboardApiFactory factory)
{
    private const string ExternalNumber = "+390611122233";

    [Fact]
    public async Task An_agent_holds_three_chats_and_is_still_offered_a_call_but_no_chat_while_on_it()
    {
        var tenant = await ChatCenterAsync(codeRequired: false);
        using var admin = tenant.Admin();
        var chats = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            chats.Add((await admin.CreateInteractionAsync(ChatTestExtensions.InboundChat("chat"))).Text("id"));
        }

        // One offer at a time, oldest first: each chat is offered once the one before it is accepted.
        for (var i = 0; i < 3; i++)
        {
            var offered = await admin.WaitForOfferAsync(chats[i], "a1");
            Assert.Equal("Offered", offered.Text("state"));
            Assert.Equal("chat", offered["offer"]!.Text("queueId"));
            foreach (var later in chats.Skip(i + 1))
            {
                await AssertWaitingAsync(admin, later);
            }

            var accepted = await admin.ActAsAsync("a1", chats[i], "accept");
            Assert.Equal("Connected", accepted.Text("state"));
            Assert.Equal("a1", accepted.Text("handler"));
            await tenant.WaitForLoadAsync("a1", "chat", i + 1);
        }

        // At capacity (3 chats): the fourth waits, yet a call is offered (open chats do not block a call by default).
        Assert.Equal("Busy", (await tenant.GetStateAsync("a1")).Text("state"));
        await AssertWaitingAsync(admin, chats[3]);
        var call = (await admin.CreateInteractionAsync(InteractionTestExtensions.Inbound("voice"))).Text("id");
        Assert.Equal("voice", (await admin.WaitForOfferAsync(call, "a1"))["offer"]!.Text("queueId"));
        Assert.Equal("Connected", (await admin.ActAsAsync("a1", call, "accept")).Text("state"));

        var busy = await tenant.WaitForLoadAsync("a1", "voice", 1);
        Assert.Equal("Busy", busy.Text("state"));
        Assert.Equal((3, 3), busy.Load("chat"));
        Assert.Equal((1, 1), busy.Load("voice"));
        Assert.Equal((0, 2), busy.Load("email"));
        Assert.Equal((0, 1), busy.Load("voicemail"));
        await AssertWaitingAsync(admin, chats[3]);

        // A chat ends: there is room for another, but the call blocks every other medium.
        Assert.Equal("WrappedUp", (await admin.ActAsAsync("a1", chats[0], "end")).Text("state")); // no code required
        var onCall = await tenant.WaitForLoadAsync("a1", "chat", 2);
        Assert.Equal("Busy", onCall.Text("state"));
        Assert.Equal((1, 1), onCall.Load("voice"));
        await AssertWaitingAsync(admin, chats[3]);

        // The call ends: the waiting chat is offered at once.
        await admin.ActAsAsync("a1", call, "end");
        await admin.WaitForOfferAsync(chats[3], "a1");
        Assert.Equal("Connected", (await admin.ActAsAsync("a1", chats[3], "accept")).Text("state"));
        var after = await tenant.WaitForLoadAsync("a1", "chat", 3);
        Assert.Equal((0, 1), after.Load("voice"));
        Assert.Equal("Busy", after.Text("state"));
    }

    [Fact]
    public async Task A_call_blocks_chats_even_with_no_chat_in_hand()
    {
        var tenant = await ChatCenterAsync(codeRequired: false);
        using var admin = tenant.Admin();
        var call = (await admin.CreateInteractionAsync(InteractionTestExtensions.Inbound("voice"))).Text("id");
        await admin.WaitForOfferAsync(call, "a1");
        await admin.ActAsAsync("a1", call, "accept");
        await tenant.WaitForAgentStateAsync("a1", "Busy");

        var chat = (await admin.CreateInteractionAsync(ChatTestExtensions.InboundChat("chat"))).Text("id");
        await AssertWaitingAsync(admin, chat);
        using (var direct = await admin.SendJsonAsync(HttpMethod.Post, "/v1/interactions", ChatTestExtensions.DirectChat("a1")))
        {
            Assert.Contains("a1", Problem.Detail(await Problem.AssertAsync(direct, HttpStatusCode.Conflict)), StringComparison.Ordinal);
        }

        await AssertWaitingAsync(admin, chat);
        await admin.ActAsAsync("a1", call, "end");
        await admin.WaitForOfferAsync(chat, "a1");
    }

    [Fact]
    public async Task With_others_blocking_voice_an_agent_in_a_chat_gets_a_call_only_once_its_chats_end()
    {
        var tenant = await ChatCenterAsync(codeRequired: false);
        var rule = await tenant.SetUtilizationAsync(voiceBlocksOthers: true, othersBlockVoice: true);
        Assert.True(rule["othersBlockVoice"]!.GetValue<bool>());
        using var admin = tenant.Admin();
        var first = await admin.ChatAcceptedAsync("chat", "a1");

        var call = (await admin.CreateInteractionAsync(InteractionTestExtensions.Inbound("voice"))).Text("id");
        await AssertWaitingAsync(admin, call);

        // Chats still come (the older call does not hold them up), the call still waits.
        var second = await admin.ChatAcceptedAsync("chat", "a1");
        await tenant.WaitForLoadAsync("a1", "chat", 2);
        await AssertWaitingAsync(admin, call);

        Assert.Equal("WrappedUp", (await admin.ActAsAsync("a1", first, "end")).Text("state"));
        var oneLeft = await tenant.WaitForLoadAsync("a1", "chat", 1);
        Assert.Equal("Busy", oneLeft.Text("state"));
        await AssertWaitingAsync(admin, call);

        // The last chat ends; no code is required, so wrap-up completes at once and the call is offered.
        var ended = await admin.ActAsAsync("a1", second, "end");
        Assert.Equal("WrappedUp", ended.Text("state"));
        var wrapUp = Assert.Single(ended["wrapUps"]!.AsArray())!;
        Assert.False(wrapUp["codeRequired"]!.GetValue<bool>());
        Assert.NotNull(wrapUp.TextOrNull("completedAt"));
        var offered = await admin.WaitForOfferAsync(call, "a1");
        Assert.Equal("Offered", offered.Text("state"));
        Assert.Equal("Available", (await tenant.GetStateAsync("a1")).Text("state"));

        Assert.Equal("Connected", (await admin.ActAsAsync("a1", call, "accept")).Text("state"));
        var onCall = await tenant.WaitForLoadAsync("a1", "voice", 1);
        Assert.Equal("Busy", onCall.Text("state"));
        Assert.Equal((0, 3), onCall.Load("chat"));
    }

    [Fact]
    public async Task Letting_calls_not_block_chats_offers_an_agent_on_a_call_the_chat_that_waited()
    {
        var tenant = await ChatCenterAsync(codeRequired: false);
        using var admin = tenant.Admin();
        var call = (await admin.CreateInteractionAsync(InteractionTestExtensions.Inbound("voice"))).Text("id");
        await admin.WaitForOfferAsync(call, "a1");
        await admin.ActAsAsync("a1", call, "accept");
        var chat = (await admin.CreateInteractionAsync(ChatTestExtensions.InboundChat("chat"))).Text("id");
        await AssertWaitingAsync(admin, chat);

        // The queue thought a1 blocked; the new rule lets it take the chat, and the queue hears so.
        await tenant.SetUtilizationAsync(voiceBlocksOthers: false, othersBlockVoice: false);

        await admin.WaitForOfferAsync(chat, "a1");
        Assert.Equal("Connected", (await admin.ActAsAsync("a1", chat, "accept")).Text("state"));
        var both = await tenant.WaitForLoadAsync("a1", "chat", 1);
        Assert.Equal((1, 1), both.Load("voice"));
        Assert.Equal("Busy", both.Text("state"));
    }

    [Fact]
    public async Task An_agent_with_no_voice_capacity_gets_chats_but_no_call_until_it_has_room_again()
    {
        var tenant = await ChatCenterAsync(codeRequired: false);
        using var admin = tenant.Admin();
        Assert.Equal((0, 3, 2, 1), (await tenant.PatchAgentAsync("a1", """{"capacity":{"voice":0}}"""))["capacity"]!.Capacity());

        var call = (await admin.CreateInteractionAsync(InteractionTestExtensions.Inbound("voice"))).Text("id");
        await admin.ChatAcceptedAsync("chat", "a1");
        await AssertWaitingAsync(admin, call);
        using (var direct = await admin.SendJsonAsync(HttpMethod.Post, "/v1/interactions", InteractionTestExtensions.Direct("a1")))
        {
            await Problem.AssertAsync(direct, HttpStatusCode.Conflict);
        }

        Assert.Equal((0, 0), (await tenant.DirectoryAgentAsync("a1")).Load("voice"));
        await tenant.PatchAgentAsync("a1", """{"capacity":{"voice":1}}""");
        await admin.WaitForOfferAsync(call, "a1");
    }

    [Fact]
    public async Task Raising_chat_capacity_offers_the_chat_that_waited_for_room()
    {
        var tenant = await ChatCenterAsync(codeRequired: false);
        using var admin = tenant.Admin();
        Assert.Equal((1, 1, 2, 1), (await tenant.PatchAgentAsync("a1", """{"capacity":{"chat":1}}"""))["capacity"]!.Capacity());
        await admin.ChatAcceptedAsync("chat", "a1");
        Assert.Equal((1, 1), (await tenant.WaitForLoadAsync("a1", "chat", 1)).Load("chat"));

        var second = (await admin.CreateInteractionAsync(ChatTestExtensions.InboundChat("chat"))).Text("id");
        await AssertWaitingAsync(admin, second);

        Assert.Equal((1, 2, 2, 1), (await tenant.PatchAgentAsync("a1", """{"capacity":{"chat":2}}"""))["capacity"]!.Capacity());
        await admin.WaitForOfferAsync(second, "a1");
        Assert.Equal("Connected", (await admin.ActAsAsync("a1", second, "accept")).Text("state"));
        Assert.Equal((2, 2), (await tenant.WaitForLoadAsync("a1", "chat", 2)).Load("chat"));
    }

    [Fact]
    public async Task Lowering_chat_capacity_keeps_the_chats_in_hand_and_offers_more_only_below_it()
    {
        var tenant = await ChatCenterAsync(codeRequired: false);
        using var admin = tenant.Admin();
        var first = await admin.ChatAcceptedAsync("chat", "a1");
        var second = await admin.ChatAcceptedAsync("chat", "a1");

        await tenant.PatchAgentAsync("a1", """{"capacity":{"chat":1}}""");
        Assert.Equal((2, 1), (await tenant.DirectoryAgentAsync("a1")).Load("chat"));
        Assert.Equal("Connected", (await admin.GetInteractionAsync(first)).Text("state"));
        Assert.Equal("Connected", (await admin.GetInteractionAsync(second)).Text("state"));

        var third = (await admin.CreateInteractionAsync(ChatTestExtensions.InboundChat("chat"))).Text("id");
        await AssertWaitingAsync(admin, third);
        await admin.ActAsAsync("a1", first, "end");
        Assert.Equal((1, 1), (await tenant.WaitForLoadAsync("a1", "chat", 1)).Load("chat"));
        await AssertWaitingAsync(admin, third);

        await admin.ActAsAsync("a1", second, "end");
        await admin.WaitForOfferAsync(third, "a1");
    }

    [Fact]
    public async Task An_agent_stays_busy_until_its_last_chat_ends_and_leaves_wrap_up_once_every_chat_is_wrapped_up()
    {
        var tenant = await ChatCenterAsync(codeRequired: true);
        using var admin = tenant.Admin();
        var first = await admin.ChatAcceptedAsync("chat", "a1");
        var second = await admin.ChatAcceptedAsync("chat", "a1");

        var firstEnded = await admin.ActAsAsync("a1", first, "end");
        Assert.Equal("Ended", firstEnded.Text("state"));
        var owed = Assert.Single(firstEnded["wrapUps"]!.AsArray())!;
        Assert.True(owed["codeRequired"]!.GetValue<bool>());
        Assert.Equal(["sale", "no-sale"], owed["allowedCodes"]!.AsArray().Select(c => c!.GetValue<string>())); // the queue's, for a console to offer
        Assert.Null(owed.TextOrNull("completedAt"));
        var stillBusy = await tenant.WaitForLoadAsync("a1", "chat", 1);
        Assert.Equal("Busy", stillBusy.Text("state"));
        Assert.Equal("Busy", (await tenant.GetStateAsync("a1")).Text("state"));

        Assert.Equal("Ended", (await admin.ActAsAsync("a1", second, "end")).Text("state"));
        await tenant.WaitForAgentStateAsync("a1", "WrapUp");
        Assert.Equal((0, 3), (await tenant.DirectoryAgentAsync("a1")).Load("chat"));

        // Never offered work in wrap-up.
        var third = (await admin.CreateInteractionAsync(ChatTestExtensions.InboundChat("chat"))).Text("id");
        await AssertWaitingAsync(admin, third);

        // The second chat's wrap-up alone is not enough: the first is still owed.
        var secondWrapped = await admin.ActAsAsync("a1", second, "wrap-up", """ "transactionCodes":["sale"]""");
        Assert.Equal("WrappedUp", secondWrapped.Text("state"));
        Assert.Equal("WrapUp", (await tenant.GetStateAsync("a1")).Text("state"));
        await AssertWaitingAsync(admin, third);

        var firstWrapped = await admin.ActAsAsync("a1", first, "wrap-up", """ "transactionCodes":["no-sale"]""");
        Assert.Equal("WrappedUp", firstWrapped.Text("state"));
        Assert.Equal(["no-sale"], firstWrapped.Strings("transactionCodes"));
        await tenant.WaitForAgentStateAsync("a1", "Available");
        await admin.WaitForOfferAsync(third, "a1");
    }

    [Fact]
    public async Task A_chat_wrapped_up_while_another_goes_on_is_not_owed_when_the_last_one_ends()
    {
        var tenant = await ChatCenterAsync(codeRequired: true);
        using var admin = tenant.Admin();
        var first = await admin.ChatAcceptedAsync("chat", "a1");
        var second = await admin.ChatAcceptedAsync("chat", "a1");

        await admin.ActAsAsync("a1", first, "end");
        Assert.Equal("WrappedUp", (await admin.ActAsAsync("a1", first, "wrap-up", """ "transactionCodes":["sale"]""")).Text("state"));
        Assert.Equal("Busy", (await tenant.GetStateAsync("a1")).Text("state"));

        await admin.ActAsAsync("a1", second, "end");
        await tenant.WaitForAgentStateAsync("a1", "WrapUp");
        await admin.ActAsAsync("a1", second, "wrap-up", """ "transactionCodes":["sale"]""");
        await tenant.WaitForAgentStateAsync("a1", "Available");
    }

    [Fact]
    public async Task A_chat_offered_while_busy_and_accepted_after_the_other_chat_ended_still_leaves_that_wrap_up_owed()
    {
        var tenant = await ChatCenterAsync(codeRequired: true);
        using var admin = tenant.Admin();
        var first = await admin.ChatAcceptedAsync("chat", "a1");
        var second = (await admin.CreateInteractionAsync(ChatTestExtensions.InboundChat("chat"))).Text("id");
        await admin.WaitForOfferAsync(second, "a1");

        // The only chat in hand ends while the second is still offered: wrap-up, holding the offer.
        await admin.ActAsAsync("a1", first, "end");
        await tenant.WaitForAgentStateAsync("a1", "WrapUp");
        Assert.Equal("Offered", (await admin.GetInteractionAsync(second)).Text("state"));

        Assert.Equal("Connected", (await admin.ActAsAsync("a1", second, "accept")).Text("state"));
        await tenant.WaitForAgentStateAsync("a1", "Busy");
        await admin.ActAsAsync("a1", second, "end");
        await tenant.WaitForAgentStateAsync("a1", "WrapUp");
        await admin.ActAsAsync("a1", second, "wrap-up", """ "transactionCodes":["sale"]""");
        Assert.Equal("WrapUp", (await tenant.GetStateAsync("a1")).Text("state"));

        await admin.ActAsAsync("a1", first, "wrap-up", """ "transactionCodes":["sale"]""");
        await tenant.WaitForAgentStateAsync("a1", "Available");
    }

    [Theory]
    [InlineData("""{"media":"chat","direction":"outbound","agentId":"a1","to":"ann@example.com"}""", "direction")]
    [InlineData("""{"media":"email","direction":"inbound","queueId":"mail","from":"+390212345678"}""", "media")]
    [InlineData("""{"media":"voicemail","direction":"inbound","agentId":"a1","from":"+390212345678"}""", "media")]
    [InlineData("""{"media":"chat","direction":"inbound","queueId":"voice","from":"ann@example.com"}""", "queueId")]
    [InlineData("""{"media":"chat","direction":"inbound","queueId":"mail","from":"ann@example.com"}""", "queueId")]
    [InlineData("""{"media":"voice","direction":"inbound","queueId":"chat","from":"+390212345678"}""", "queueId")]
    [InlineData("""{"media":"chat","direction":"inbound","from":"ann@example.com"}""", "queueId", "agentId")]
    [InlineData("""{"media":"chat","direction":"inbound","queueId":"chat","agentId":"a1","from":"ann@example.com"}""", "queueId", "agentId")]
    [InlineData("""{"media":"chat","direction":"inbound","queueId":"chat"}""", "from")]
    [InlineData("""{"media":"chat","direction":"inbound","agentId":"a1","to":"desk@example.com"}""", "from")]
    [InlineData("""{"media":"chat","direction":"inbound","queueId":"chat","from":""}""", "from")]
    [InlineData("""{"media":"chat","direction":"inbound","queueId":"chat","from":"   "}""", "from")]
    [InlineData("""{"media":"chat","direction":"inbound","queueId":"chat","from":"ann\u0007@example.com"}""", "from")]
    [InlineData("""{"media":"chat","direction":"inbound","queueId":"chat","from":"ann\n@example.com"}""", "from")]
    [InlineData("""{"media":"chat","direction":"inbound","queueId":"chat","from":"ann@example.com","to":"desk\u0000"}""", "to")]
    [InlineData("""{"media":"chat","direction":"inbound","queueId":"chat","from":"ann@example.com","priority":10}""", "priority")]
    public async Task Creating_a_chat_against_a_rule_is_422_naming_the_field_and_creates_nothing(string body, params string[] fields)
    {
        var tenant = await ValidationTenantAsync();
        using var admin = tenant.Admin();

        using var response = await admin.SendJsonAsync(HttpMethod.Post, "/v1/interactions", body);

        var problem = await Problem.AssertAsync(response, HttpStatusCode.UnprocessableEntity);
        Problem.AssertFields(problem, fields);
        Assert.Null(response.Headers.Location);
        await AssertNothingCreatedAsync(tenant);
    }

    [Fact]
    public async Task A_chat_from_an_address_over_254_characters_is_422_and_one_of_254_is_created()
    {
        var tenant = await ValidationTenantAsync();
        using var admin = tenant.Admin();
        var longest = new string('a', 254 - "@example.com".Length) + "@example.com";

        using (var tooLong = await admin.SendJsonAsync(HttpMethod.Post, "/v1/interactions",
            $$"""{"media":"chat","direction":"inbound","queueId":"chat","from":"b{{longest}}"}"""))
        {
            Problem.AssertFields(await Problem.AssertAsync(tooLong, HttpStatusCode.UnprocessableEntity), "from");
        }

        await AssertNothingCreatedAsync(tenant);
        var created = await admin.CreateInteractionAsync($$"""{"media":"chat","direction":"inbound","queueId":"chat","from":"{{longest}}","to":"Support desk"}""");
        Assert.Equal("chat", created.Text("media"));
        Assert.Equal("inbound", created.Text("direction"));
        Assert.Equal(longest, created.Text("from"));
        Assert.Equal("Support desk", created.Text("to"));
        Assert.Equal("chat", created.Text("queueId"));
    }

    [Fact]
    public async Task A_chat_straight_to_an_agent_is_offered_to_it_and_accepted()
    {
        var tenant = await ChatCenterAsync(codeRequired: false);
        using var admin = tenant.Admin();

        var created = await admin.CreateInteractionAsync(ChatTestExtensions.DirectChat("a2"));

        Assert.Equal("Offered", created.Text("state"));
        Assert.Equal("chat", created.Text("media"));
        Assert.Equal(ChatTestExtensions.Customer, created.Text("from"));
        Assert.Equal("a2", created["offer"]!.Text("agentId"));
        var accepted = await admin.ActAsAsync("a2", created.Text("id"), "accept");
        Assert.Equal("Connected", accepted.Text("state"));
        Assert.Equal(["a2"], accepted.Strings("participants"));
        Assert.Equal("Busy", (await tenant.WaitForLoadAsync("a2", "chat", 1)).Text("state"));
    }

    [Theory]
    [InlineData("hold", """{"agentId":"a1"}""")]
    [InlineData("resume", """{"agentId":"a1"}""")]
    [InlineData("consult", """{"agentId":"a1","target":{"type":"agent","id":"a2"}}""")]
    [InlineData("consult", """{"agentId":"a1","target":{"type":"queue","id":"chat"}}""")]
    [InlineData("consult", """{"agentId":"a1","target":{"type":"external","number":"+390611122233"}}""")]
    [InlineData("consult/complete", """{"agentId":"a1"}""")]
    [InlineData("consult/cancel", """{"agentId":"a1"}""")]
    [InlineData("conference", """{"agentId":"a1"}""")]
    [InlineData("transfer", """{"agentId":"a1","target":{"type":"external","number":"+390611122233"}}""")]
    public async Task A_call_only_action_on_a_chat_is_409_and_changes_nothing(string action, string body)
    {
        var tenant = await ChatCenterAsync(codeRequired: false);
        using var admin = tenant.Admin();
        var id = await admin.ChatAcceptedAsync("chat", "a1");
        var before = await admin.GetInteractionAsync(id);

        using var response = await admin.ActAsync(id, action, body);

        var detail = Problem.Detail(await Problem.AssertAsync(response, HttpStatusCode.Conflict));
        Assert.Contains("calls only", detail, StringComparison.Ordinal);
        Assert.Contains("chat", detail, StringComparison.Ordinal);
        Assert.Equal(before.ToJsonString(), (await admin.GetInteractionAsync(id)).ToJsonString());
        Assert.Equal("Busy", (await tenant.GetStateAsync("a1")).Text("state"));

        // Nobody was asked to hold an offer for it: a2 takes a chat of its own at once.
        Assert.Equal("a2", (await admin.CreateInteractionAsync(ChatTestExtensions.DirectChat("a2")))["offer"]!.Text("agentId"));
    }

    [Fact]
    public async Task A_telephony_event_for_a_chat_is_409_and_changes_nothing()
    {
        var tenant = await ChatCenterAsync(codeRequired: false);
        using var admin = tenant.Admin();
        var id = await admin.ChatAcceptedAsync("chat", "a1");
        var before = await admin.GetInteractionAsync(id);

        using var response = await admin.SendJsonAsync(HttpMethod.Post, "/v1/telephony/events", $$"""{"interactionId":"{{id}}","legId":"L1","event":"ended"}""");

        Assert.Contains("calls only", Problem.Detail(await Problem.AssertAsync(response, HttpStatusCode.Conflict)), StringComparison.Ordinal);
        Assert.Equal(before.ToJsonString(), (await admin.GetInteractionAsync(id)).ToJsonString());
    }

    [Fact]
    public async Task Transferring_a_chat_to_a_voice_queue_is_422_on_target_id_and_changes_nothing()
    {
        var tenant = await ChatCenterAsync(codeRequired: false);
        using var admin = tenant.Admin();
        var id = await admin.ChatAcceptedAsync("chat", "a1");
        var before = await admin.GetInteractionAsync(id);

        using var response = await admin.ActAsync(id, "transfer", """{"agentId":"a1","target":{"type":"queue","id":"voice"}}""");

        var problem = await Problem.AssertAsync(response, HttpStatusCode.UnprocessableEntity);
        Problem.AssertFields(problem, "target.id");
        Assert.Contains("'voice'", Problem.Detail(problem), StringComparison.Ordinal);
        Assert.Equal(before.ToJsonString(), (await admin.GetInteractionAsync(id)).ToJsonString());
        Assert.Equal("Busy", (await tenant.GetStateAsync("a1")).Text("state"));
    }

    [Fact]
    public async Task Blind_transfer_of_a_chat_to_an_agent_with_room_hands_it_over()
    {
        var tenant = await ChatCenterAsync(codeRequired: false);
        using var admin = tenant.Admin();
        var own = await admin.CreateInteractionAsync(ChatTestExtensions.DirectChat("a2"));
        await admin.ActAsAsync("a2", own.Text("id"), "accept");
        await tenant.WaitForLoadAsync("a2", "chat", 1);
        var id = await admin.ChatAcceptedAsync("chat", "a1");

        var transferred = await admin.ActAsAsync("a1", id, "transfer", """ "target":{"type":"agent","id":"a2"}""");

        Assert.Equal("Offered", transferred.Text("state"));
        Assert.Equal("a2", transferred["offer"]!.Text("agentId"));
        Assert.Null(transferred.TextOrNull("handler"));
        Assert.Contains("transferred", transferred.EventTypes());
        await tenant.WaitForAgentStateAsync("a1", "Available"); // its only chat went; no code required
        Assert.Equal((0, 3), (await tenant.DirectoryAgentAsync("a1")).Load("chat"));

        var taken = await admin.ActAsAsync("a2", id, "accept");
        Assert.Equal("Connected", taken.Text("state"));
        Assert.Equal("a2", taken.Text("handler"));
        Assert.Equal(["a2"], taken.Strings("participants"));
        var a2 = await tenant.WaitForLoadAsync("a2", "chat", 2);
        Assert.Equal("Busy", a2.Text("state"));
        Assert.Equal((2, 3), a2.Load("chat"));
    }

    [Fact]
    public async Task Blind_transfer_of_a_chat_to_a_chat_queue_routes_it_to_that_queues_agent()
    {
        var tenant = await ChatCenterAsync(codeRequired: false);
        await tenant.CreateChatQueueAsync("chat-billing", codeRequired: false);
        await tenant.AddMemberAsync("chat-billing", "a2");
        using var admin = tenant.Admin();
        var id = await admin.ChatAcceptedAsync("chat", "a1");

        var transferred = await admin.ActAsAsync("a1", id, "transfer", """ "target":{"type":"queue","id":"chat-billing"}""");

        Assert.Equal("chat-billing", transferred.Text("queueId"));
        var offered = await admin.WaitForOfferAsync(id, "a2");
        Assert.Equal("chat-billing", offered["offer"]!.Text("queueId"));
        await tenant.WaitForAgentStateAsync("a1", "Available");
        Assert.Equal("Connected", (await admin.ActAsAsync("a2", id, "accept")).Text("state"));
        Assert.Equal("Busy", (await tenant.WaitForLoadAsync("a2", "chat", 1)).Text("state"));
    }

    [Fact]
    public async Task Blind_transfer_of_a_chat_to_an_agent_on_a_call_is_409_and_the_chat_stays()
    {
        var tenant = await ChatCenterAsync(codeRequired: false);
        using var admin = tenant.Admin();
        var call = await admin.CreateInteractionAsync(InteractionTestExtensions.Direct("a2"));
        await admin.ActAsAsync("a2", call.Text("id"), "accept");
        await tenant.WaitForAgentStateAsync("a2", "Busy");
        var id = await admin.ChatAcceptedAsync("chat", "a1");
        var before = await admin.GetInteractionAsync(id);

        using var response = await admin.ActAsync(id, "transfer", """{"agentId":"a1","target":{"type":"agent","id":"a2"}}""");

        Assert.Contains("'a2'", Problem.Detail(await Problem.AssertAsync(response, HttpStatusCode.Conflict)), StringComparison.Ordinal);
        Assert.Equal(before.ToJsonString(), (await admin.GetInteractionAsync(id)).ToJsonString());
        Assert.Equal("Busy", (await tenant.GetStateAsync("a1")).Text("state"));
        Assert.Equal((0, 3), (await tenant.DirectoryAgentAsync("a2")).Load("chat"));
    }

    /// <summary>
    /// Transaction codes sale and no-sale; voice queue <c>voice</c> (no code required) and chat queue <c>chat</c> (codes
    /// required when <paramref name="codeRequired"/>), a1 a member of both and Available with the default capacity; a2
    /// Available in no queue. The default utilization rule.
    /// </summary>
    private async Task<TestTenant> ChatCenterAsync(bool codeRequired)
    {
        var tenant = await factory.CreateCallCenterAsync("voice", codeRequired: false, "a1");
        await tenant.CreateChatQueueAsync("chat", codeRequired);
        await tenant.AddMemberAsync("chat", "a1");
        await tenant.CreateAgentAsync("a2");
        await tenant.SetStateAsync("a2", "Available");
        return tenant;
    }

    /// <summary>Queues voice, chat and mail (email) and agent a1 Available, a member of chat (so a chat created by mistake would be offered to it).</summary>
    private async Task<TestTenant> ValidationTenantAsync()
    {
        var tenant = await factory.CreateTenantAsync();
        await tenant.SetTransactionCodesAsync("sale", "no-sale");
        await tenant.CreateQueueAsync("voice");
        await tenant.CreateChatQueueAsync("chat", codeRequired: false);
        await tenant.CreateQueueAsync("mail", """{"id":"mail","name":"Mail","media":"email"}""");
        await tenant.CreateAgentAsync("a1");
        await tenant.AddMemberAsync("chat", "a1");
        await tenant.SetStateAsync("a1", "Available");
        return tenant;
    }

    private static async Task AssertNothingCreatedAsync(TestTenant tenant)
    {
        using var admin = tenant.Admin();
        Assert.Empty((await admin.GetOkJsonAsync("/v1/interactions")).Items());
        var state = await tenant.GetStateAsync("a1");
        Assert.Equal("Available", state.Text("state"));
        Assert.Equal(1, state.Number("version"));
    }

    /// <summary>The interaction waits in its queue, offered to nobody.</summary>
    private static async Task AssertWaitingAsync(HttpClient client, string interactionId)
    {
        var read = await client.GetInteractionAsync(interactionId);
        Assert.True(read.Text("state") == "Queued" && read["offer"] is null, $"Expected {interactionId} to wait in its queue: {read.ToJsonString()}");
    }
}
