using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Api.Live;
using Switchboard.Api.Tests.Support;
using static Switchboard.Api.Tests.Support.PublicChatTestExtensions;

namespace Switchboard.Api.Tests;

/// <summary>
/// The customer's live socket (<c>/v1/public/chat/stream</c>): the same snapshot + seq + resume protocol as the
/// consoles', carrying what the agents say and type, who joins and leaves, and the end; and every refusal of a caller
/// that is not this chat's customer.
/// </summary>
public sealed class PublicChatStreamTests(SwitchboardApiFactory factory)
{
    private const string OpenJson = """{"name":"Maria","email":"maria@example.com","message":"Il mio ordine non è arrivato"}""";

    [Fact]
    public async Task The_customer_follows_the_chat_from_waiting_to_ended_on_its_socket()
    {
        var tenant = await SiteAsync("a1", "a2");
        using var admin = tenant.Admin();
        using var browser = factory.ClientWith(null);
        var chat = await browser.OpenChatAsync(tenant.Id, "web", OpenJson, ShopOrigin);

        await using var customer = await LiveTestClient.ConnectCustomerAsync(factory, chat.Token, origin: ShopOrigin);
        await customer.SubscribeAsync(Topic(chat));
        var snapshot = await customer.NextOfTypeAsync("snapshot", Topic(chat));
        var data = snapshot["data"]!;
        Assert.Equal(chat.Id, data.Text("interactionId"));
        Assert.Equal("waiting", data.Text("state"));
        Assert.Empty(data["agents"]!.AsArray());
        Assert.Equal(["system", "customer"], data["messages"]!.AsArray().Select(m => m!.Text("sender")));
        Assert.Equal([Welcome, "Il mio ordine non è arrivato"], data["messages"]!.AsArray().Select(m => m!.Text("text")));
        Assert.False(data["earlierMessages"]!.GetValue<bool>());
        Assert.Equal([Topic(chat)], (await customer.NextOfTypeAsync("subscribed")).Strings("topics"));

        // An agent takes it: the customer hears the agent's name, then what it types and says.
        await admin.WaitForOfferAsync(chat.Id, "a1");
        await admin.ActAsAsync("a1", chat.Id, "accept");
        var joined = await customer.NextOfTypeAsync(LiveEventTypes.ChatAgentJoined, Topic(chat));
        Assert.Equal("Anna Bianchi", joined["data"]!["agent"]!.Text("name"));
        Assert.Equal("connected", joined["data"]!.Text("state"));
        Assert.Equal(["interactionId", "state", "agent"], joined["data"]!.AsObject().Select(p => p.Key));
        Assert.Equal(["name"], joined["data"]!["agent"]!.AsObject().Select(p => p.Key)); // never the agent's id

        await admin.PostAsync($"/v1/interactions/{chat.Id}/typing", """{"agentId":"a1"}""", HttpStatusCode.NoContent);
        var typing = await customer.NextOfTypeAsync(LiveEventTypes.ChatTyping, Topic(chat));
        Assert.Equal("agent", typing["data"]!.Text("sender"));
        await admin.PostAsync($"/v1/interactions/{chat.Id}/messages", """{"agentId":"a1","text":"Ciao Maria, controllo subito."}""", HttpStatusCode.Created);
        var said = await customer.NextOfTypeAsync(LiveEventTypes.ChatMessage, Topic(chat));
        Assert.Equal(3, said["data"]!.Number("sequence"));
        Assert.Equal("agent", said["data"]!.Text("sender"));
        Assert.Equal("Ciao Maria, controllo subito.", said["data"]!.Text("text"));
        Assert.Equal(["sequence", "sender", "text", "at"], said["data"]!.AsObject().Select(p => p.Key));

        // What the customer writes comes back on its socket too (another tab sees it); its own typing does not.
        await browser.CustomerSendsAsync(chat, "Grazie!");
        var echo = await customer.NextOfTypeAsync(LiveEventTypes.ChatMessage, Topic(chat));
        Assert.Equal(("customer", "Grazie!", 4L), (echo["data"]!.Text("sender"), echo["data"]!.Text("text"), echo["data"]!.Number("sequence")));
        using (var customerTyping = await browser.AsCustomerAsync(chat, HttpMethod.Post, "typing"))
        {
            Assert.Equal(HttpStatusCode.NoContent, customerTyping.StatusCode);
        }

        // Handed to another agent: the first leaves, the customer waits, the second joins.
        await admin.ActAsAsync("a1", chat.Id, "transfer", """ "target":{"type":"agent","id":"a2"}""");
        var left = await customer.NextOfTypeAsync(LiveEventTypes.ChatAgentLeft, Topic(chat));
        Assert.Equal(("Anna Bianchi", "waiting"), (left["data"]!["agent"]!.Text("name"), left["data"]!.Text("state")));
        await admin.ActAsAsync("a2", chat.Id, "accept");
        var second = await customer.NextOfTypeAsync(LiveEventTypes.ChatAgentJoined, Topic(chat));
        Assert.Equal(("Bruno Verdi", "connected"), (second["data"]!["agent"]!.Text("name"), second["data"]!.Text("state")));

        // The agent ends it.
        await admin.ActAsAsync("a2", chat.Id, "end");
        var ended = await customer.NextOfTypeAsync(LiveEventTypes.ChatEnded, Topic(chat));
        Assert.Equal("ended", ended["data"]!.Text("state"));
        Assert.Null(ended["data"]!["agent"]);

        // One sequence, no gaps, and never the customer's own typing.
        var sequenced = customer.Received.Where(m => m["topic"] is not null).Select(m => m.Number("seq")).ToList();
        Assert.Equal(Enumerable.Range(1, sequenced.Count).Select(i => (long)i), sequenced);
        Assert.Single(customer.Received, m => m.TextOrNull("type") == LiveEventTypes.ChatTyping);
        Assert.Equal(
            ["snapshot", LiveEventTypes.ChatAgentJoined, LiveEventTypes.ChatTyping, LiveEventTypes.ChatMessage, LiveEventTypes.ChatMessage,
             LiveEventTypes.ChatAgentLeft, LiveEventTypes.ChatAgentJoined, LiveEventTypes.ChatEnded],
            customer.Received.Where(m => m["topic"] is not null).Select(m => m.Text("type")));
    }

    [Fact]
    public async Task A_customer_who_leaves_while_waiting_hears_the_chat_end()
    {
        var tenant = await SiteAsync();
        using var browser = factory.ClientWith(null);
        var chat = await browser.OpenChatAsync(tenant.Id, "web");
        await using var customer = await LiveTestClient.ConnectCustomerAsync(factory, chat.Token, tokenInQuery: false);
        await customer.SubscribeAsync(Topic(chat));
        Assert.Equal("waiting", (await customer.NextOfTypeAsync("snapshot", Topic(chat)))["data"]!.Text("state"));

        await browser.CustomerEndsAsync(chat);

        var ended = await customer.NextOfTypeAsync(LiveEventTypes.ChatEnded, Topic(chat));
        Assert.Equal("ended", ended["data"]!.Text("state"));
        Assert.DoesNotContain(customer.Received, m => m.TextOrNull("type") == LiveEventTypes.ChatAgentLeft);
    }

    [Fact]
    public async Task A_customer_who_reconnects_gets_exactly_the_messages_it_missed()
    {
        var tenant = await SiteAsync("a1");
        using var admin = tenant.Admin();
        using var browser = factory.ClientWith(null);
        var chat = await browser.OpenChatAsync(tenant.Id, "web");
        await admin.WaitForOfferAsync(chat.Id, "a1");
        await admin.ActAsAsync("a1", chat.Id, "accept");

        var first = await LiveTestClient.ConnectCustomerAsync(factory, chat.Token);
        await first.SubscribeAsync(Topic(chat));
        var snapshot = await first.NextOfTypeAsync("snapshot", Topic(chat));
        Assert.Equal("connected", snapshot["data"]!.Text("state"));
        Assert.Equal(["Anna Bianchi"], snapshot["data"]!["agents"]!.AsArray().Select(a => a!.Text("name")));
        var last = snapshot.Number("seq");
        first.Abort();

        // Two messages while the customer's page is offline, buffered by its session.
        await admin.PostAsync($"/v1/interactions/{chat.Id}/messages", """{"agentId":"a1","text":"Primo"}""", HttpStatusCode.Created);
        await admin.PostAsync($"/v1/interactions/{chat.Id}/messages", """{"agentId":"a1","text":"Secondo"}""", HttpStatusCode.Created);
        var hub = factory.Services.GetRequiredService<LiveHub>();
        var caller = new Auth.Caller(tenant.Id, "customer", Contracts.Auth.ApiKeyRole.Agent, null);
        await LiveClockTests.Until(() => Task.FromResult(hub.Find(first.Session, caller, chat.Id)?.LastSeq == last + 2));

        await using var second = await LiveTestClient.ConnectCustomerAsync(factory, chat.Token);
        await second.SendAsync($$"""{"op":"subscribe","topics":["{{Topic(chat)}}"],"session":"{{first.Session}}","resumeFrom":{{last}}}""");
        var resumed = await second.NextOfTypeAsync("resumed");
        Assert.Equal((last, last + 2), (resumed.Number("from"), resumed.Number("to")));
        var replayed = new[] { await second.NextOfTypeAsync(LiveEventTypes.ChatMessage), await second.NextOfTypeAsync(LiveEventTypes.ChatMessage) };
        Assert.Equal(["Primo", "Secondo"], replayed.Select(m => m["data"]!.Text("text")));
        Assert.Equal([last + 1, last + 2], replayed.Select(m => m.Number("seq")));
        await second.NextOfTypeAsync("subscribed");
        Assert.DoesNotContain(second.Received, m => m.TextOrNull("type") is "snapshot" or "resync");

        await admin.PostAsync($"/v1/interactions/{chat.Id}/messages", """{"agentId":"a1","text":"Terzo"}""", HttpStatusCode.Created);
        Assert.Equal(last + 3, (await second.NextOfTypeAsync(LiveEventTypes.ChatMessage)).Number("seq"));

        // Another chat's customer, or an API key, cannot take the session over: a resync and fresh snapshot instead.
        var other = await browser.OpenChatAsync(tenant.Id, "web");
        await using var stranger = await LiveTestClient.ConnectCustomerAsync(factory, other.Token);
        await stranger.SendAsync($$"""{"op":"subscribe","topics":["{{Topic(other)}}"],"session":"{{first.Session}}","resumeFrom":{{last}}}""");
        Assert.Equal("session-expired", (await stranger.NextOfTypeAsync("resync")).Text("reason"));
        Assert.Equal(other.Id, (await stranger.NextOfTypeAsync("snapshot", Topic(other)))["data"]!.Text("interactionId"));
        await using var console = await LiveTestClient.ConnectAsync(factory, tenant.AdminKey);
        await console.SendAsync($$"""{"op":"subscribe","topics":["agent:a1"],"session":"{{first.Session}}","resumeFrom":{{last}}}""");
        Assert.Equal("session-expired", (await console.NextOfTypeAsync("resync")).Text("reason"));
    }

    [Fact]
    public async Task A_customer_token_opens_its_own_chat_topic_and_nothing_else()
    {
        var tenant = await SiteAsync("a1");
        using var browser = factory.ClientWith(null);
        var chat = await browser.OpenChatAsync(tenant.Id, "web");
        var other = await browser.OpenChatAsync(tenant.Id, "web");
        await using var customer = await LiveTestClient.ConnectCustomerAsync(factory, chat.Token);

        await customer.SubscribeAsync(Topic(other), "agent:a1", "interactions:a1", "queue:chat", "directory", "alerts", "platform");
        var refused = await customer.NextOfTypeAsync("subscribed");
        Assert.Empty(refused["topics"]!.AsArray());
        Assert.Equal(7, refused["denied"]!.AsArray().Count);
        Assert.All(refused["denied"]!.AsArray(), d => Assert.Equal("forbidden", d!.Text("code")));
        Assert.DoesNotContain(customer.Received, m => m.TextOrNull("type") == "snapshot");
        await customer.SubscribeAsync("chat", "chat:not a chat!");
        var invalid = (await customer.NextOfTypeAsync("subscribed"))["denied"]!.AsArray();
        Assert.Equal(["invalid-topic", "invalid-topic"], invalid.Select(d => d!.Text("code")));

        // A console cannot follow the customer's topic: agents have interactions:{agentId}.
        await using var console = await LiveTestClient.ConnectAsync(factory, tenant.AdminKey);
        await console.SubscribeAsync(Topic(chat));
        var denied = await console.NextOfTypeAsync("subscribed");
        Assert.Equal("forbidden", denied["denied"]![0]!.Text("code"));

        // The customer token is no API key on the consoles' socket.
        using var consoleSocket = await browser.AsCustomerAsync(HttpMethod.Get, "/v1/stream?access_token=" + Uri.EscapeDataString(chat.Token), null);
        await Problem.AssertAsync(consoleSocket, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_stream_refuses_missing_foreign_or_malformed_tokens_foreign_pages_and_plain_requests()
    {
        var tenant = await SiteAsync();
        using var browser = factory.ClientWith(null);
        var chat = await browser.OpenChatAsync(tenant.Id, "web");
        var stream = LiveTestClient.CustomerStreamPath;

        foreach (var (url, authorization) in new (string, string?)[]
        {
            (stream, null),
            (stream + "?token=", null),
            (stream + "?token=ct.nope", null),
            (stream + "?token=" + Uri.EscapeDataString(chat.Token + "x"), null),
            (stream + "?token=" + Uri.EscapeDataString(chat.Token.Replace(chat.Id, "i_00000000000000000000000000000000", StringComparison.Ordinal)), null),
            (stream + "?token=" + Uri.EscapeDataString(tenant.AdminKey), null),
            (stream, "Bearer " + tenant.AdminKey),
            (stream + "?token=" + new string('a', 5000), null),
        })
        {
            using var refused = await browser.AsCustomerAsync(HttpMethod.Get, url, authorization);
            await AssertTokenRefusedAsync(refused);
        }

        using (var foreignPage = await browser.AsCustomerAsync(HttpMethod.Get, stream + "?token=" + Uri.EscapeDataString(chat.Token), null, origin: EvilOrigin))
        {
            await Problem.AssertAsync(foreignPage, HttpStatusCode.Forbidden);
            Assert.Null(foreignPage.Header("Access-Control-Allow-Origin"));
        }

        var upgrade = await Assert.ThrowsAnyAsync<Exception>(() => LiveTestClient.ConnectCustomerAsync(factory, chat.Token, origin: EvilOrigin));
        Assert.Contains("403", upgrade.Message, StringComparison.Ordinal);

        using var plain = await browser.AsCustomerAsync(HttpMethod.Get, stream + "?token=" + Uri.EscapeDataString(chat.Token), null, origin: ShopOrigin);
        await Problem.AssertAsync(plain, HttpStatusCode.UpgradeRequired);
        Assert.Equal("websocket", plain.Header("Upgrade"));
    }

    [Fact]
    public async Task A_chat_holds_a_bounded_number_of_customer_sockets()
    {
        var tenant = await SiteAsync();
        using var browser = factory.ClientWith(null);
        var chat = await browser.OpenChatAsync(tenant.Id, "web");
        var other = await browser.OpenChatAsync(tenant.Id, "web");
        var sockets = new List<LiveTestClient>();
        try
        {
            for (var i = 0; i < 5; i++)
            {
                sockets.Add(await LiveTestClient.ConnectCustomerAsync(factory, chat.Token));
            }

            var refused = await Assert.ThrowsAnyAsync<Exception>(() => LiveTestClient.ConnectCustomerAsync(factory, chat.Token));
            Assert.Contains("429", refused.Message, StringComparison.Ordinal);

            // Another chat's customer is not held back by this one's tabs.
            sockets.Add(await LiveTestClient.ConnectCustomerAsync(factory, other.Token));
        }
        finally
        {
            foreach (var socket in sockets)
            {
                await socket.DisposeAsync();
            }
        }
    }

    private static string Topic(CustomerChat chat) => "chat:" + chat.Id;

    /// <summary>A tenant with a chat queue, the entry point "web" into it, and the given agents in the queue, Available.</summary>
    private async Task<TestTenant> SiteAsync(params string[] agents)
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = tenant.Admin();
        await admin.CreatePlainChatQueueAsync("chat");
        string[] names = ["Anna Bianchi", "Bruno Verdi"];
        for (var i = 0; i < agents.Length; i++)
        {
            await tenant.CreateAgentAsync(agents[i], names[i]);
            await tenant.SetStateAsync(agents[i], "Available");
        }

        if (agents.Length > 0)
        {
            // Only the first is a member: the others take chats handed to them by name.
            await tenant.AddMemberAsync("chat", agents[0]);
        }

        await admin.CreateEntryPointAsync(EntryPoint("web", "chat"));
        return tenant;
    }
}
