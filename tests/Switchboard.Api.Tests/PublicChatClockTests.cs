using System.Net;
using Switchboard.Api.Tests.Support;
using static Switchboard.Api.Tests.Support.PublicChatTestExtensions;

namespace Switchboard.Api.Tests;

/// <summary>The customer token's lifetime (PublicChat:TokenMinutes, 240 by default) on the business clock.</summary>
[Collection(ClockCollection.Name)]
public sealed class PublicChatClockTests(SwitchboardApiFactory factory)
{
    private static readonly TimeSpan TokenLifetime = TimeSpan.FromMinutes(240);

    [Fact]
    public async Task A_token_opens_its_chat_until_the_last_second_of_its_lifetime_and_never_after()
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = tenant.Admin();
        await admin.CreatePlainChatQueueAsync("chat");
        await admin.CreateEntryPointAsync(EntryPoint("web", "chat"));
        using var browser = factory.ClientWith(null);
        var openedAt = factory.Clock.GetUtcNow();
        var chat = await browser.OpenChatAsync(tenant.Id, "web", """{"name":"Maria","message":"Ciao"}""", ShopOrigin);
        Assert.Equal(openedAt + TokenLifetime, chat.ExpiresAt);

        // A second before it expires, everything works.
        factory.Clock.Advance(TokenLifetime - TimeSpan.FromSeconds(1));
        var state = await browser.CustomerStateAsync(chat);
        Assert.Equal("waiting", state.Text("state"));
        Assert.Equal(chat.ExpiresAt, state.Time("expiresAt"));
        await browser.CustomerSendsAsync(chat, "Ci siete?");
        using (var typing = await browser.AsCustomerAsync(chat, HttpMethod.Post, "typing", origin: ShopOrigin))
        {
            Assert.Equal(HttpStatusCode.NoContent, typing.StatusCode);
        }

        Assert.Equal([Welcome, "Ciao", "Ci siete?"], (await browser.CustomerReadsAsync(chat)).Texts());

        // At its expiry, every route refuses it as it refuses any bad token, and does nothing.
        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        var calls = new (HttpMethod Method, string? Action, string? Json)[]
        {
            (HttpMethod.Get, null, null),
            (HttpMethod.Get, "messages", null),
            (HttpMethod.Post, "messages", """{"text":"E adesso?"}"""),
            (HttpMethod.Post, "typing", null),
            (HttpMethod.Post, "end", null),
        };
        foreach (var origin in new[] { null, ShopOrigin })
        {
            foreach (var (method, action, json) in calls)
            {
                using var refused = await browser.AsCustomerAsync(chat, method, action, json, origin);
                var problem = await AssertTokenRefusedAsync(refused);
                Assert.Contains("it may have expired", Problem.Detail(problem), StringComparison.Ordinal);
            }
        }

        var view = await admin.GetInteractionAsync(chat.Id);
        Assert.Equal("Queued", view.Text("state"));
        Assert.DoesNotContain("customer-left", view.EventTypes());
        Assert.Equal(["system", "customer", "customer"], (await admin.GetOkJsonAsync($"/v1/interactions/{chat.Id}/messages")).Senders());

        // A chat opened now has a token of its own, from now.
        var later = await browser.OpenChatAsync(tenant.Id, "web");
        Assert.Equal(factory.Clock.GetUtcNow() + TokenLifetime, later.ExpiresAt);
        Assert.Equal("waiting", (await browser.CustomerStateAsync(later)).Text("state"));
    }

    [Fact]
    public async Task The_customers_socket_closes_at_the_heartbeat_after_its_token_expires_and_an_expired_token_opens_none()
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = tenant.Admin();
        await admin.CreatePlainChatQueueAsync("chat");
        await admin.CreateEntryPointAsync(EntryPoint("web", "chat"));
        using var browser = factory.ClientWith(null);
        var chat = await browser.OpenChatAsync(tenant.Id, "web");
        await using var live = await LiveTestClient.ConnectCustomerAsync(factory, chat.Token);
        await live.SubscribeAsync("chat:" + chat.Id);
        await live.NextOfTypeAsync("snapshot");
        var heartbeat = TimeSpan.FromSeconds(live.Welcome["heartbeatSeconds"]!.GetValue<int>());

        // Heartbeats before the expiry keep it open.
        factory.Clock.Advance(TokenLifetime - heartbeat);
        await live.NextOfTypeAsync("heartbeat");
        await live.SendAsync("""{"op":"ping"}""");
        await live.NextOfTypeAsync("pong");

        factory.Clock.Advance(heartbeat);
        var (code, reason) = await live.ExpectCloseAsync();
        Assert.Equal(Live.LiveCloseCodes.TokenExpired, code);
        Assert.Equal("the customer token expired", reason);

        using var refused = await browser.AsCustomerAsync(HttpMethod.Get, LiveTestClient.CustomerStreamPath + "?token=" + Uri.EscapeDataString(chat.Token), null);
        await AssertTokenRefusedAsync(refused);
        var upgrade = await Assert.ThrowsAnyAsync<Exception>(() => LiveTestClient.ConnectCustomerAsync(factory, chat.Token));
        Assert.Contains("401", upgrade.Message, StringComparison.Ordinal);
    }
}
