using System.Net;
using System.Text.Json.Nodes;
using Switchboard.Api.Live;
using Switchboard.Api.Tests.Support;

namespace Switchboard.Api.Tests;

/// <summary>
/// What is said in a chat, agent side: messages both ways (the customer's through a connector key here), FAQ articles
/// inserted, the transcript read back in pages, typing, the consoles' live events, and every refusal.
/// </summary>
public sealed class ChatMessageTests(SwitchboardApiFactory factory)
{
    private const string Faq = """{"id":"reset-password","title":"Come reimpostare la password","body":"Apri Impostazioni, poi Sicurezza.","link":"https://help.example/reset","tags":["account"],"language":"it"}""";

    [Fact]
    public async Task Customer_and_agent_write_and_the_transcript_reads_both_sides_in_order()
    {
        var (tenant, a1) = await ChatCenterAsync();
        using var admin = tenant.Admin();
        var id = (await admin.CreateInteractionAsync(ChatTestExtensions.InboundChat("chat"))).Text("id");

        // The customer writes while the chat waits for an agent.
        var first = await PostOkAsync(admin, id, """{"sender":"customer","text":"Il mio ordine non è arrivato"}""");
        Assert.Equal(1, first.Number("sequence"));
        Assert.Equal("customer", first.Text("sender"));
        Assert.Null(first.TextOrNull("agentId"));
        Assert.Equal(id, first.Text("interactionId"));

        await admin.WaitForOfferAsync(id, "a1");
        using (var early = await Post(a1, id, """{"text":"Buongiorno"}"""))
        {
            Assert.Contains("accept it first", Problem.Detail(await Problem.AssertAsync(early, HttpStatusCode.Conflict)), StringComparison.Ordinal);
        }

        await a1.ActOkAsync(id, "accept");
        var reply = await PostOkAsync(a1, id, "{\"text\":\"Ciao Maria,\\ncontrollo subito.\"}");
        Assert.Equal(2, reply.Number("sequence"));
        Assert.Equal("agent", reply.Text("sender"));
        Assert.Equal("a1", reply.Text("agentId"));
        Assert.Equal("Ciao Maria,\ncontrollo subito.", reply.Text("text"));
        Assert.Null(reply.TextOrNull("faqId"));
        await PostOkAsync(admin, id, """{"sender":"customer","text":"Grazie!"}""");

        var transcript = await a1.GetOkJsonAsync($"/v1/interactions/{id}/messages");
        var items = transcript.Items();
        Assert.Equal([1L, 2L, 3L], items.Select(m => m!.Number("sequence")));
        Assert.Equal(["customer", "agent", "customer"], items.Select(m => m!.Text("sender")));
        Assert.Equal(["Il mio ordine non è arrivato", "Ciao Maria,\ncontrollo subito.", "Grazie!"], items.Select(m => m!.Text("text")));
        Assert.True(items.Select(m => DateTimeOffset.Parse(m!.Text("at"), System.Globalization.CultureInfo.InvariantCulture)).SequenceEqual(
            items.Select(m => DateTimeOffset.Parse(m!.Text("at"), System.Globalization.CultureInfo.InvariantCulture)).Order()));
        Assert.Null(transcript.TextOrNull("nextCursor"));

        // The agent's figures count the message it wrote, not the customer's.
        var stats = await a1.GetOkJsonAsync($"/v1/agents/a1/stats?{ReportRanges.AroundHour(factory.Clock.GetUtcNow())}");
        Assert.Equal((1, 0), (stats.Number("messagesSent"), stats.Number("emailReplies")));

        // One page at a time.
        var page1 = await a1.GetOkJsonAsync($"/v1/interactions/{id}/messages?limit=2");
        Assert.Equal([1L, 2L], page1.Items().Select(m => m!.Number("sequence")));
        var page2 = await a1.GetOkJsonAsync($"/v1/interactions/{id}/messages?limit=2&cursor={page1.Text("nextCursor")}");
        Assert.Equal([3L], page2.Items().Select(m => m!.Number("sequence")));
        Assert.Null(page2.TextOrNull("nextCursor"));

        // The timeline notes the transcript's page, not every message.
        var timeline = (await admin.GetInteractionAsync(id))["timeline"]!.AsArray();
        var noted = Assert.Single(timeline, e => e!.Text("type") == "messages")!;
        Assert.Equal("0", noted["details"]!.Text("page"));
        Assert.Equal("1", noted["details"]!.Text("from"));
    }

    [Fact]
    public async Task A_long_chat_is_stored_in_pages_and_read_back_whole()
    {
        var (tenant, a1) = await ChatCenterAsync();
        using var admin = tenant.Admin();
        var id = await admin.ChatAcceptedAsync("chat", "a1");
        for (var i = 1; i <= 120; i++)
        {
            var body = new JsonObject { ["text"] = $"messaggio {i}" };
            Assert.Equal(i, (await PostOkAsync(i % 2 == 0 ? a1 : admin, id, i % 2 == 0 ? body.ToJsonString() : Customer(body))).Number("sequence"));
        }

        var read = new List<long>();
        string? cursor = null;
        do
        {
            var page = await a1.GetOkJsonAsync($"/v1/interactions/{id}/messages?limit=37" + (cursor is null ? "" : "&cursor=" + cursor));
            read.AddRange(page.Items().Select(m => m!.Number("sequence")));
            Assert.All(page.Items(), m => Assert.Equal($"messaggio {m!.Number("sequence")}", m!.Text("text")));
            cursor = page.TextOrNull("nextCursor");
        }
        while (cursor is not null);

        Assert.Equal(Enumerable.Range(1, 120).Select(i => (long)i), read);
        var pages = (await admin.GetInteractionAsync(id))["timeline"]!.AsArray().Where(e => e!.Text("type") == "messages").ToList();
        Assert.Equal(["0", "1", "2"], pages.Select(e => e!["details"]!["page"]!.GetValue<string>()));
        Assert.Equal(["1", "51", "101"], pages.Select(e => e!["details"]!["from"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData(long.MaxValue)]
    [InlineData(2_001)]
    [InlineData(0)]
    [InlineData(-1)]
    public async Task A_cursor_past_any_chat_is_400_and_one_past_this_chat_reads_nothing(long after)
    {
        var (tenant, a1) = await ChatCenterAsync();
        using var admin = tenant.Admin();
        var id = await admin.ChatAcceptedAsync("chat", "a1");
        await PostOkAsync(a1, id, """{"text":"ciao"}""");

        using (var crafted = await a1.GetResponseAsync($"/v1/interactions/{id}/messages?cursor={Cursor(after)}"))
        {
            await Problem.AssertAsync(crafted, HttpStatusCode.BadRequest);
        }

        var beyond = await a1.GetOkJsonAsync($"/v1/interactions/{id}/messages?cursor={Cursor(5)}");
        Assert.Empty(beyond.Items());
        Assert.Null(beyond.TextOrNull("nextCursor"));
    }

    /// <summary>A transcript cursor as the API makes them, for any position.</summary>
    private static string Cursor(long after) =>
        System.Buffers.Text.Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes($"message:{after.ToString(System.Globalization.CultureInfo.InvariantCulture)}"));

    [Fact]
    public async Task An_faq_article_goes_into_the_chat_as_its_title_and_link()
    {
        var (tenant, a1) = await ChatCenterAsync();
        using var admin = tenant.Admin();
        using (var created = await admin.SendJsonAsync(HttpMethod.Post, "/v1/faqs", Faq))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        var id = await admin.ChatAcceptedAsync("chat", "a1");
        var inserted = await PostOkAsync(a1, id, """{"faqId":"reset-password"}""");
        Assert.Equal("Come reimpostare la password\nhttps://help.example/reset", inserted.Text("text"));
        Assert.Equal("reset-password", inserted.Text("faqId"));
        Assert.Equal("agent", inserted.Text("sender"));

        using (var unknown = await Post(a1, id, """{"faqId":"no-such-article"}"""))
        {
            Assert.Contains("faqId", await FieldsAsync(unknown, HttpStatusCode.UnprocessableEntity));
        }

        Assert.Single((await a1.GetOkJsonAsync($"/v1/interactions/{id}/messages")).Items());
    }

    [Theory]
    [InlineData("""{}""", "text")]
    [InlineData("""{"text":"ciao","faqId":"reset-password"}""", "faqId")]
    [InlineData("""{"text":"   "}""", "text")]
    [InlineData("""{"text":"ciao\u0007"}""", "text")]
    [InlineData("""{"text":"ciao\u202E"}""", "text")]
    [InlineData("""{"faqId":"not an id"}""", "faqId")]
    [InlineData("""{"sender":"customer","text":"ciao","agentId":"a1"}""", "agentId")]
    public async Task Bad_messages_are_422_and_store_nothing(string body, string field)
    {
        var (tenant, _) = await ChatCenterAsync();
        using var admin = tenant.Admin();
        var id = await admin.ChatAcceptedAsync("chat", "a1");
        var withAgent = body.Contains("\"sender\"", StringComparison.Ordinal) ? body : body.Insert(1, body == "{}" ? "\"agentId\":\"a1\"" : "\"agentId\":\"a1\",");

        using var refused = await Post(admin, id, withAgent);
        Assert.Contains(field, await FieldsAsync(refused, HttpStatusCode.UnprocessableEntity));
        Assert.Empty((await admin.GetOkJsonAsync($"/v1/interactions/{id}/messages")).Items());
    }

    [Theory]
    [InlineData("system")]
    [InlineData("bot")]
    [InlineData("")]
    public async Task Only_agents_and_customers_write_and_another_sender_is_400(string sender)
    {
        var (tenant, _) = await ChatCenterAsync();
        using var admin = tenant.Admin();
        var id = await admin.ChatAcceptedAsync("chat", "a1");

        using var refused = await Post(admin, id, $$"""{"sender":"{{sender}}","text":"ciao"}""");
        var problem = await Problem.AssertAsync(refused, HttpStatusCode.BadRequest);
        Assert.Contains("sender", problem.ToJsonString(), StringComparison.Ordinal);
        Assert.Empty((await admin.GetOkJsonAsync($"/v1/interactions/{id}/messages")).Items());
    }

    [Fact]
    public async Task A_message_of_more_than_two_thousand_characters_is_refused_and_one_of_two_thousand_is_kept()
    {
        var (tenant, a1) = await ChatCenterAsync();
        using var admin = tenant.Admin();
        var id = await admin.ChatAcceptedAsync("chat", "a1");

        using (var tooLong = await Post(a1, id, new JsonObject { ["text"] = new string('x', 2_001) }.ToJsonString()))
        {
            Assert.Contains("text", await FieldsAsync(tooLong, HttpStatusCode.UnprocessableEntity));
        }

        Assert.Equal(2_000, (await PostOkAsync(a1, id, new JsonObject { ["text"] = new string('x', 2_000) }.ToJsonString())).Text("text").Length);
    }

    [Fact]
    public async Task Who_may_write_where()
    {
        var (tenant, a1) = await ChatCenterAsync();
        using var admin = tenant.Admin();
        var (_, a2Key) = await tenant.IssueKeyAsync("agent", "a2");
        using var a2 = factory.ClientWith(a2Key);
        var (_, supervisorKey) = await tenant.IssueKeyAsync("supervisor");
        using var supervisor = factory.ClientWith(supervisorKey);
        var id = await admin.ChatAcceptedAsync("chat", "a1");

        using (var stranger = await Post(a2, id, """{"text":"ciao"}"""))
        {
            await Problem.AssertAsync(stranger, HttpStatusCode.Forbidden);
        }

        using (var asOther = await Post(a1, id, """{"agentId":"a2","text":"ciao"}"""))
        {
            await Problem.AssertAsync(asOther, HttpStatusCode.Forbidden);
        }

        using (var agentAsCustomer = await Post(a1, id, """{"sender":"customer","text":"ciao"}"""))
        {
            await Problem.AssertAsync(agentAsCustomer, HttpStatusCode.Forbidden);
        }

        using (var supervisorAsCustomer = await Post(supervisor, id, """{"sender":"customer","text":"ciao"}"""))
        {
            await Problem.AssertAsync(supervisorAsCustomer, HttpStatusCode.Forbidden);
        }

        using (var noAgent = await Post(admin, id, """{"text":"ciao"}"""))
        {
            Assert.Contains("agentId", await FieldsAsync(noAgent, HttpStatusCode.UnprocessableEntity));
        }

        using (var reading = await a2.GetResponseAsync($"/v1/interactions/{id}/messages"))
        {
            await Problem.AssertAsync(reading, HttpStatusCode.Forbidden);
        }

        using (var missing = await a1.GetResponseAsync("/v1/interactions/i-nothing/messages"))
        {
            await Problem.AssertAsync(missing, HttpStatusCode.NotFound);
        }

        using (var badCursor = await a1.GetResponseAsync($"/v1/interactions/{id}/messages?cursor=bogus"))
        {
            await Problem.AssertAsync(badCursor, HttpStatusCode.BadRequest);
        }

        Assert.Empty((await admin.GetOkJsonAsync($"/v1/interactions/{id}/messages")).Items());
    }

    [Fact]
    public async Task Calls_take_no_messages_and_an_ended_chat_takes_no_more()
    {
        var (tenant, a1) = await ChatCenterAsync();
        using var admin = tenant.Admin();
        var call = (await admin.CreateInteractionAsync(InteractionTestExtensions.Direct("a2"))).Text("id");
        using (var onCall = await Post(admin, call, """{"sender":"customer","text":"pronto?"}"""))
        {
            Assert.Contains("chats", Problem.Detail(await Problem.AssertAsync(onCall, HttpStatusCode.Conflict)), StringComparison.Ordinal);
        }

        var chat = await admin.ChatAcceptedAsync("chat", "a1");
        await PostOkAsync(a1, chat, """{"text":"Arrivederci"}""");
        await a1.ActOkAsync(chat, "end");
        using (var afterEnd = await Post(a1, chat, """{"text":"ancora?"}"""))
        {
            await Problem.AssertAsync(afterEnd, HttpStatusCode.Conflict);
        }

        using (var customerAfterEnd = await Post(admin, chat, """{"sender":"customer","text":"ancora?"}"""))
        {
            await Problem.AssertAsync(customerAfterEnd, HttpStatusCode.Conflict);
        }

        using (var typingAfterEnd = await admin.SendJsonAsync(HttpMethod.Post, $"/v1/interactions/{chat}/typing", """{"agentId":"a1"}"""))
        {
            await Problem.AssertAsync(typingAfterEnd, HttpStatusCode.Conflict);
        }

        // The transcript stays readable after the chat, to the agent who was in it.
        Assert.Equal("Arrivederci", Assert.Single((await a1.GetOkJsonAsync($"/v1/interactions/{chat}/messages")).Items())!.Text("text"));
    }

    [Fact]
    public async Task The_agents_console_receives_messages_and_typing_live()
    {
        var (tenant, a1) = await ChatCenterAsync();
        var (_, a1Key) = await tenant.IssueKeyAsync("agent", "a1");
        await using var live = await LiveTestClient.ConnectAsync(factory, a1Key);
        await live.SubscribeAsync("interactions:a1");
        await live.NextOfTypeAsync("snapshot", "interactions:a1");

        using var admin = tenant.Admin();
        var id = (await admin.CreateInteractionAsync(ChatTestExtensions.InboundChat("chat"))).Text("id");
        await live.NextOfTypeAsync(LiveEventTypes.InteractionOffered, "interactions:a1");

        // Offered: the agent already sees what the customer writes.
        await PostOkAsync(admin, id, """{"sender":"customer","text":"C'è qualcuno?"}""");
        var fromCustomer = await live.NextOfTypeAsync(LiveEventTypes.InteractionMessage, "interactions:a1");
        Assert.Equal(id, fromCustomer["data"]!.Text("interactionId"));
        Assert.Equal("customer", fromCustomer["data"]!.Text("sender"));
        Assert.Equal("C'è qualcuno?", fromCustomer["data"]!.Text("text"));
        Assert.Equal(1, fromCustomer["data"]!.Number("sequence"));

        using (var typing = await admin.SendJsonAsync(HttpMethod.Post, $"/v1/interactions/{id}/typing", """{"sender":"customer"}"""))
        {
            Assert.Equal(HttpStatusCode.NoContent, typing.StatusCode);
        }

        var customerTyping = await live.NextOfTypeAsync(LiveEventTypes.InteractionTyping, "interactions:a1");
        Assert.Equal("customer", customerTyping["data"]!.Text("sender"));
        Assert.Null(customerTyping["data"]!.TextOrNull("agentId"));

        await a1.ActOkAsync(id, "accept");
        using (var typing = await a1.SendJsonAsync(HttpMethod.Post, $"/v1/interactions/{id}/typing", "{}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, typing.StatusCode);
        }

        var agentTyping = await live.NextOfTypeAsync(LiveEventTypes.InteractionTyping, "interactions:a1");
        Assert.Equal("agent", agentTyping["data"]!.Text("sender"));
        Assert.Equal("a1", agentTyping["data"]!.Text("agentId"));

        await PostOkAsync(a1, id, """{"text":"Sì, eccomi."}""");
        var own = await live.NextOfTypeAsync(LiveEventTypes.InteractionMessage, "interactions:a1");
        Assert.Equal("agent", own["data"]!.Text("sender"));
        Assert.Equal(2, own["data"]!.Number("sequence"));
    }

    [Fact]
    public async Task A_chat_transferred_to_another_agent_brings_its_transcript()
    {
        var (tenant, a1) = await ChatCenterAsync();
        var (_, a2Key) = await tenant.IssueKeyAsync("agent", "a2");
        using var a2 = factory.ClientWith(a2Key);
        using var admin = tenant.Admin();
        var id = await admin.ChatAcceptedAsync("chat", "a1");
        await PostOkAsync(admin, id, """{"sender":"customer","text":"Vorrei parlare con l'amministrazione."}""");
        await PostOkAsync(a1, id, """{"text":"La passo a una collega."}""");

        await a1.ActOkAsync(id, "transfer", """{"target":{"type":"agent","id":"a2"}}""");
        await a2.ActOkAsync(id, "accept");
        Assert.Equal(["customer", "agent"], (await a2.GetOkJsonAsync($"/v1/interactions/{id}/messages")).Items().Select(m => m!.Text("sender")));
        var reply = await PostOkAsync(a2, id, """{"text":"Buongiorno, sono dell'amministrazione."}""");
        Assert.Equal(3, reply.Number("sequence"));
        Assert.Equal("a2", reply.Text("agentId"));

        using var gone = await Post(a1, id, """{"text":"Ancora io"}""");
        await Problem.AssertAsync(gone, HttpStatusCode.Forbidden);
    }

    /// <summary>A voice queue and a chat queue with agent a1 Available in both, agent a2 Available in none; a1's client.</summary>
    private async Task<(TestTenant Tenant, HttpClient A1)> ChatCenterAsync()
    {
        var tenant = await factory.CreateCallCenterAsync("voice", codeRequired: false, "a1");
        await tenant.CreateChatQueueAsync("chat", codeRequired: false);
        await tenant.AddMemberAsync("chat", "a1");
        await tenant.CreateAgentAsync("a2");
        await tenant.SetStateAsync("a2", "Available");
        var (_, key) = await tenant.IssueKeyAsync("agent", "a1");
        return (tenant, factory.ClientWith(key));
    }

    private static string Customer(JsonObject body)
    {
        body["sender"] = "customer";
        return body.ToJsonString();
    }

    /// <summary>The fields a validation problem names.</summary>
    private static async Task<IReadOnlyList<string>> FieldsAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var problem = await Problem.AssertAsync(response, status);
        return [.. problem["errors"]!.AsObject().Select(e => e.Key)];
    }

    private static Task<HttpResponseMessage> Post(HttpClient client, string interactionId, string json) =>
        client.SendJsonAsync(HttpMethod.Post, $"/v1/interactions/{interactionId}/messages", json);

    private static async Task<JsonNode> PostOkAsync(HttpClient client, string interactionId, string json)
    {
        using var response = await Post(client, interactionId, json);
        var body = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {body.ToJsonString()}");
        Assert.Equal($"/v1/interactions/{interactionId}/messages", response.Headers.Location!.OriginalString);
        return body;
    }
}
