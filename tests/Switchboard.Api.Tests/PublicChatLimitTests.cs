using System.Globalization;
using System.Net;
using Switchboard.Api.Tests.Support;
using static Switchboard.Api.Tests.Support.PublicChatTestExtensions;

namespace Switchboard.Api.Tests;

/// <summary>
/// The customer routes' abuse limits, each on a host of its own with small limits: chats opened per address per hour,
/// chats open at once per address, messages and typing notices per chat per minute. Over one: 429 with Retry-After and
/// a problem, and nothing done; other tenants and other chats are unaffected.
/// </summary>
public sealed class PublicChatLimitTests
{
    [Fact]
    public async Task An_address_opens_at_most_the_hourly_number_of_chats_in_a_tenant()
    {
        await using var api = Host(("PublicChat:SessionsPerAddressPerHour", "2"));
        using var site = await SiteAsync(api);
        using var otherSite = await SiteAsync(api);
        var (tenantId, admin) = (site.TenantId, site.Admin);
        var (otherTenantId, otherAdmin) = (otherSite.TenantId, otherSite.Admin);
        using var browser = api.CreateClient();

        var first = await browser.OpenChatAsync(tenantId, "web");
        var second = await browser.OpenChatAsync(tenantId, "web", origin: ShopOrigin);
        using (var third = await browser.OpenAsync(tenantId, "web", """{"name":"Maria"}""", ShopOrigin))
        {
            var problem = await Problem.AssertAsync(third, HttpStatusCode.TooManyRequests);
            Assert.Equal(Problem.ContentType, third.Content.Headers.ContentType?.MediaType);
            var retryAfter = int.Parse(Assert.Single(third.Headers.GetValues("Retry-After")), NumberStyles.None, CultureInfo.InvariantCulture);
            Assert.InRange(retryAfter, 1, 3600);
            Assert.Contains($"retry after {retryAfter} s", Problem.Detail(problem), StringComparison.Ordinal);
        }

        // Leaving a chat does not give the hour's chats back.
        await browser.CustomerEndsAsync(first);
        using (var fourth = await browser.OpenAsync(tenantId, "web", """{"name":"Maria"}"""))
        {
            await Problem.AssertAsync(fourth, HttpStatusCode.TooManyRequests);
            Assert.NotNull(fourth.Headers.RetryAfter);
        }

        Assert.Equal(
            new[] { first.Id, second.Id }.Order(StringComparer.Ordinal),
            (await admin.InteractionIdsAsync(DateTimeOffset.UtcNow)).Order(StringComparer.Ordinal));

        // Another tenant counts its own.
        await browser.OpenChatAsync(otherTenantId, "web");
        await browser.OpenChatAsync(otherTenantId, "web");
        Assert.Equal(2, (await otherAdmin.InteractionIdsAsync(DateTimeOffset.UtcNow)).Count);
    }

    [Fact]
    public async Task An_address_has_at_most_the_open_number_of_chats_and_leaving_one_makes_room()
    {
        await using var api = Host(("PublicChat:OpenSessionsPerAddress", "1"));
        using var site = await SiteAsync(api);
        using var otherSite = await SiteAsync(api);
        var (tenantId, admin, otherTenantId) = (site.TenantId, site.Admin, otherSite.TenantId);
        using var browser = api.CreateClient();

        var first = await browser.OpenChatAsync(tenantId, "web", origin: ShopOrigin);
        using (var second = await browser.OpenAsync(tenantId, "web", """{"name":"Maria","message":"Ancora io"}""", ShopOrigin))
        {
            var problem = await Problem.AssertAsync(second, HttpStatusCode.TooManyRequests);
            Assert.Equal("60", Assert.Single(second.Headers.GetValues("Retry-After")));
            Assert.Equal("This address has 1 chats open here already; end one first.", Problem.Detail(problem));
        }

        Assert.Equal([first.Id], await admin.InteractionIdsAsync(DateTimeOffset.UtcNow));

        // Another tenant is another count.
        await browser.OpenChatAsync(otherTenantId, "web");

        // Once the customer leaves, a new chat opens; then the count is full again.
        await browser.CustomerEndsAsync(first);
        var third = await browser.OpenChatAsync(tenantId, "web", """{"name":"Maria","message":"Ancora io"}""", ShopOrigin);
        Assert.Equal("waiting", (await browser.CustomerStateAsync(third)).Text("state"));
        using (var fourth = await browser.OpenAsync(tenantId, "web", """{"name":"Maria"}"""))
        {
            await Problem.AssertAsync(fourth, HttpStatusCode.TooManyRequests);
        }

        Assert.Equal(
            new[] { first.Id, third.Id }.Order(StringComparer.Ordinal),
            (await admin.InteractionIdsAsync(DateTimeOffset.UtcNow)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_chat_takes_at_most_the_minutes_number_of_messages_and_another_chat_is_unaffected()
    {
        await using var api = Host(("PublicChat:MessagesPerMinute", "3"));
        using var site = await SiteAsync(api);
        var tenantId = site.TenantId;
        using var browser = api.CreateClient();
        var chat = await browser.OpenChatAsync(tenantId, "web", """{"name":"Maria","message":"Ciao"}""");
        var other = await browser.OpenChatAsync(tenantId, "web");

        for (var i = 1; i <= 3; i++)
        {
            await browser.CustomerSendsAsync(chat, $"messaggio {i}", ShopOrigin);
        }

        using (var fourth = await browser.AsCustomerAsync(chat, HttpMethod.Post, "messages", """{"text":"messaggio 4"}""", ShopOrigin))
        {
            var problem = await Problem.AssertAsync(fourth, HttpStatusCode.TooManyRequests);
            var retryAfter = int.Parse(Assert.Single(fourth.Headers.GetValues("Retry-After")), NumberStyles.None, CultureInfo.InvariantCulture);
            Assert.InRange(retryAfter, 1, 60);
            Assert.Contains($"retry after {retryAfter} s", Problem.Detail(problem), StringComparison.Ordinal);
        }

        // Nothing stored; reading, typing and the other chat go on.
        Assert.Equal([Welcome, "Ciao", "messaggio 1", "messaggio 2", "messaggio 3"], (await browser.CustomerReadsAsync(chat)).Texts());
        using (var typing = await browser.AsCustomerAsync(chat, HttpMethod.Post, "typing"))
        {
            Assert.Equal(HttpStatusCode.NoContent, typing.StatusCode);
        }

        for (var i = 1; i <= 3; i++)
        {
            await browser.CustomerSendsAsync(other, $"altro {i}");
        }

        Assert.Equal([Welcome, "altro 1", "altro 2", "altro 3"], (await browser.CustomerReadsAsync(other)).Texts());
    }

    [Fact]
    public async Task A_chat_shows_typing_at_most_the_minutes_number_of_times_and_messages_still_go()
    {
        await using var api = Host(("PublicChat:TypingPerMinute", "2"));
        using var site = await SiteAsync(api);
        var tenantId = site.TenantId;
        using var browser = api.CreateClient();
        var chat = await browser.OpenChatAsync(tenantId, "web");
        var other = await browser.OpenChatAsync(tenantId, "web");

        for (var i = 0; i < 2; i++)
        {
            using var typing = await browser.AsCustomerAsync(chat, HttpMethod.Post, "typing", origin: ShopOrigin);
            Assert.Equal(HttpStatusCode.NoContent, typing.StatusCode);
        }

        using (var third = await browser.AsCustomerAsync(chat, HttpMethod.Post, "typing", origin: ShopOrigin))
        {
            var problem = await Problem.AssertAsync(third, HttpStatusCode.TooManyRequests);
            var retryAfter = int.Parse(Assert.Single(third.Headers.GetValues("Retry-After")), NumberStyles.None, CultureInfo.InvariantCulture);
            Assert.InRange(retryAfter, 1, 60);
            Assert.Contains($"retry after {retryAfter} s", Problem.Detail(problem), StringComparison.Ordinal);
        }

        await browser.CustomerSendsAsync(chat, "Eccomi");
        Assert.Equal([Welcome, "Eccomi"], (await browser.CustomerReadsAsync(chat)).Texts());
        for (var i = 0; i < 2; i++)
        {
            using var typing = await browser.AsCustomerAsync(other, HttpMethod.Post, "typing");
            Assert.Equal(HttpStatusCode.NoContent, typing.StatusCode);
        }
    }

    [Fact]
    public async Task The_customer_limits_hold_with_api_key_rate_limiting_turned_off()
    {
        // Api:RateLimitPerSecond 0 turns off the per-key and per-address buckets; the customer routes' own limits
        // (PublicChat section, which has no way to turn them off) must still hold.
        await using var api = Host(("Api:RateLimitPerSecond", "0"), ("PublicChat:MessagesPerMinute", "1"), ("PublicChat:SessionsPerAddressPerHour", "1"));
        using var site = await SiteAsync(api);
        var tenantId = site.TenantId;
        using var browser = api.CreateClient();
        var chat = await browser.OpenChatAsync(tenantId, "web");

        await browser.CustomerSendsAsync(chat, "uno");
        using (var second = await browser.AsCustomerAsync(chat, HttpMethod.Post, "messages", """{"text":"due"}"""))
        {
            await Problem.AssertAsync(second, HttpStatusCode.TooManyRequests);
        }

        using (var another = await browser.OpenAsync(tenantId, "web", """{"name":"Maria"}"""))
        {
            await Problem.AssertAsync(another, HttpStatusCode.TooManyRequests);
        }
    }

    [Fact]
    public async Task Requests_without_the_chats_token_do_not_use_up_its_customers_messages()
    {
        // A chat's id is no secret (agents, integrations and logs see it); only its token opens it. Strangers' refused
        // requests must not spend the customer's allowance.
        await using var api = Host(("PublicChat:MessagesPerMinute", "3"), ("PublicChat:TypingPerMinute", "3"));
        using var site = await SiteAsync(api);
        using var browser = api.CreateClient();
        var chat = await browser.OpenChatAsync(site.TenantId, "web");

        for (var i = 0; i < 3; i++)
        {
            using var message = await browser.AsCustomerAsync(HttpMethod.Post, SessionUrl(chat.Id, "messages"), "Bearer garbage", """{"text":"spam"}""");
            await AssertTokenRefusedAsync(message);
            using var typing = await browser.AsCustomerAsync(HttpMethod.Post, SessionUrl(chat.Id, "typing"), null);
            await AssertTokenRefusedAsync(typing);
        }

        await browser.CustomerSendsAsync(chat, "Sono io, la cliente.");
        using (var typing = await browser.AsCustomerAsync(chat, HttpMethod.Post, "typing"))
        {
            Assert.Equal(HttpStatusCode.NoContent, typing.StatusCode);
        }
    }

    private static IsolatedApiFactory Host(params (string Key, string Value)[] settings) =>
        IsolatedApi.Create("Development", [("Auth:OperatorKey", SwitchboardApiFactory.OperatorKey), .. settings]);

    /// <summary>A tenant with a chat queue and entry point 'web' into it (the shop and localhost allowed); its id and an admin client.</summary>
    private static async Task<Site> SiteAsync(IsolatedApiFactory api)
    {
        var (tenantId, adminKey, _) = await IsolatedApi.CreateTenantAsync(api);
        var site = new Site(tenantId, api.CreateClient());
        site.Admin.DefaultRequestHeaders.Authorization = new("Bearer", adminKey);
        await site.Admin.CreatePlainChatQueueAsync("chat");
        await site.Admin.CreateEntryPointAsync(EntryPoint("web", "chat"));
        return site;
    }

    private sealed record Site(string TenantId, HttpClient Admin) : IDisposable
    {
        public void Dispose() => Admin.Dispose();
    }
}
