using System.Net;
using System.Text.Json.Nodes;
using Switchboard.Api.Live;
using Switchboard.Api.Tests.Support;
using static Switchboard.Api.Tests.Support.PublicChatTestExtensions;

namespace Switchboard.Api.Tests;

/// <summary>
/// Chat end to end, as a website, its customer, agents' consoles and a knowledge base use it together: a customer on a
/// web page chats with an agent who holds three chats and is still offered a call, an article found by search goes into
/// the chat, and two agents call and chat each other. Only public REST and the two sockets.
/// </summary>
public sealed class ChatDoneWhenTests(SwitchboardApiFactory factory)
{
    [Fact]
    public async Task A_web_customer_an_agent_with_three_chats_and_a_call_an_article_from_search_and_two_agents_talking()
    {
        var tenant = await factory.CreateCallCenterAsync("voice", codeRequired: false, "a1");
        using var admin = tenant.Admin();
        await admin.CreatePlainChatQueueAsync("chat");
        await tenant.AddMemberAsync("chat", "a1");
        foreach (var colleague in new[] { "a2", "a3" })
        {
            await tenant.CreateAgentAsync(colleague);
            await tenant.SetStateAsync(colleague, "Available");
        }

        await admin.CreateEntryPointAsync(EntryPoint("web", "chat"));
        await admin.PostAsync("/v1/faqs", """{"id":"reset-password","title":"Ho dimenticato la password","body":"Apri la pagina di accesso e scegli 'Password dimenticata': ricevi un link via email.","link":"https://help.example/it/password","tags":["account"],"language":"it"}""", HttpStatusCode.Created);
        var (_, a1Key) = await tenant.IssueKeyAsync("agent", "a1");
        using var a1 = factory.ClientWith(a1Key);
        await using var console = await LiveTestClient.ConnectAsync(factory, a1Key);
        await console.SubscribeAsync("interactions:a1");
        await console.NextOfTypeAsync("snapshot", "interactions:a1");

        // Two chats already in hand (from another channel), then a customer on the shop's page.
        foreach (var _ in Enumerable.Range(0, 2))
        {
            var other = (await admin.CreateInteractionAsync(ChatTestExtensions.DirectChat("a1"))).Text("id");
            await a1.ActOkAsync(other, "accept");
        }

        using var browser = factory.ClientWith(null);
        var chat = await browser.OpenChatAsync(tenant.Id, "web", """{"name":"Maria","email":"maria@example.com","message":"Non riesco ad entrare"}""", ShopOrigin);
        await using var page = await LiveTestClient.ConnectCustomerAsync(factory, chat.Token, origin: ShopOrigin);
        await page.SubscribeAsync("chat:" + chat.Id);
        await page.NextOfTypeAsync("snapshot", "chat:" + chat.Id);
        var offered = await console.NextAsync(m => m.TextOrNull("type") == LiveEventTypes.InteractionOffered && m["data"]!.Text("id") == chat.Id, "the web chat offered to a1");
        Assert.Equal("Maria", offered["data"]!.Text("customerName"));
        await a1.ActOkAsync(chat.Id, "accept");
        await page.NextOfTypeAsync(LiveEventTypes.ChatAgentJoined, "chat:" + chat.Id);
        Assert.Equal((3, 3), (await tenant.WaitForLoadAsync("a1", "chat", 3)).Load("chat"));

        // The customer writes; the agent finds the article by searching in Italian and puts it in the chat.
        await browser.CustomerSendsAsync(chat, "Ho dimenticato la password", ShopOrigin);
        var said = await console.NextAsync(m => m.TextOrNull("type") == LiveEventTypes.InteractionMessage && m["data"]!.Text("sender") == "customer"
            && m["data"]!.Text("text") == "Ho dimenticato la password", "the customer's message on a1's console");
        Assert.Equal(chat.Id, said["data"]!.Text("interactionId"));
        var found = (await a1.GetOkJsonAsync("/v1/faqs?q=password%20dimenticata&language=it&limit=10")).Items()[0]!;
        Assert.Equal("reset-password", found.Text("id"));
        await a1.PostAsync($"/v1/interactions/{chat.Id}/messages", new JsonObject { ["faqId"] = found.Text("id") }.ToJsonString(), HttpStatusCode.Created);
        var article = await page.NextAsync(m => m.TextOrNull("type") == LiveEventTypes.ChatMessage && m["data"]!.Text("sender") == "agent", "the article on the customer's page");
        Assert.Equal("Ho dimenticato la password\nhttps://help.example/it/password", article["data"]!.Text("text"));

        // Three chats open, and a call still reaches a1.
        var call = (await admin.CreateInteractionAsync(InteractionTestExtensions.Inbound("voice"))).Text("id");
        await admin.WaitForOfferAsync(call, "a1");
        await a1.ActOkAsync(call, "accept");
        await a1.ActOkAsync(call, "end");

        // The customer leaves; the page hears the end.
        await browser.CustomerEndsAsync(chat);
        await page.NextOfTypeAsync(LiveEventTypes.ChatEnded, "chat:" + chat.Id);

        // Two colleagues call, then chat, each other.
        var internalCall = (await admin.CreateInteractionAsync("""{"media":"voice","direction":"internal","fromAgentId":"a2","toAgentId":"a3"}""")).Text("id");
        await admin.ActAsAsync("a3", internalCall, "accept");
        await admin.ActAsAsync("a2", internalCall, "end");
        var internalChat = (await admin.CreateInteractionAsync("""{"media":"chat","direction":"internal","fromAgentId":"a3","toAgentId":"a2","text":"Grazie per prima!"}""")).Text("id");
        await admin.ActAsAsync("a2", internalChat, "accept");
        await admin.PostAsync($"/v1/interactions/{internalChat}/messages", """{"agentId":"a2","text":"Figurati."}""", HttpStatusCode.Created);
        Assert.Equal(["Grazie per prima!", "Figurati."], (await admin.GetOkJsonAsync($"/v1/interactions/{internalChat}/messages")).Texts());
        await admin.ActAsAsync("a3", internalChat, "end");
        await tenant.WaitForAgentStateAsync("a2", "Available");
        await tenant.WaitForAgentStateAsync("a3", "Available");
    }
}
