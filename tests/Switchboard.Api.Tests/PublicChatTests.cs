using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Switchboard.Api.Live;
using Switchboard.Api.Tests.Support;
using static Switchboard.Api.Tests.Support.PublicChatTestExtensions;

namespace Switchboard.Api.Tests;

/// <summary>
/// The customer side of web chat, against a hostile caller: the whole conversation with an agent, leaving while waiting,
/// every refusal of the customer token, CORS from the entry point's origins only, bad input, and entry points deleted
/// under open chats.
/// </summary>
public sealed class PublicChatTests(SwitchboardApiFactory factory)
{
    private const string OpenJson = """{"name":"Maria","email":"maria@example.com","message":"Il mio ordine non è arrivato"}""";

    [Fact]
    public async Task A_customer_and_an_agent_chat_from_opening_to_the_customer_leaving()
    {
        var tenant = await SiteAsync(withAgent: true);
        using var admin = tenant.Admin();
        var (_, a1Key) = await tenant.IssueKeyAsync("agent", "a1");
        using var a1 = factory.ClientWith(a1Key);
        await using var live = await LiveTestClient.ConnectAsync(factory, a1Key);
        await live.SubscribeAsync("interactions:a1");
        await live.NextOfTypeAsync("snapshot", "interactions:a1");
        using var browser = factory.ClientWith(null);

        // The customer opens the chat from the shop's page.
        CustomerChat chat;
        using (var opened = await browser.OpenAsync(tenant.Id, "web", OpenJson, ShopOrigin))
        {
            var body = await opened.ReadJsonAsync();
            Assert.True(opened.StatusCode == HttpStatusCode.Created, $"{(int)opened.StatusCode}: {body.ToJsonString()}");
            Assert.Equal(ShopOrigin, opened.Header("Access-Control-Allow-Origin"));
            Assert.Equal("Origin", opened.Header("Vary"));
            Assert.Equal(["interactionId", "customerToken", "expiresAt"], body.AsObject().Select(p => p.Key));
            var id = body.Text("interactionId");
            Assert.Matches("^i_[0-9a-f]{32}$", id);
            Assert.Equal($"/v1/public/chat/sessions/{id}", opened.Headers.Location?.OriginalString);
            Assert.Matches($"^ct\\.{id}\\.[A-Za-z0-9_-]{{43}}$", body.Text("customerToken"));
            chat = new CustomerChat(id, body.Text("customerToken"), body.Time("expiresAt"));
        }

        var waiting = await browser.CustomerStateAsync(chat);
        Assert.Equal(chat.Id, waiting.Text("interactionId"));
        Assert.Equal("waiting", waiting.Text("state"));
        Assert.Equal(chat.ExpiresAt, waiting.Time("expiresAt"));

        // The agent is offered it; the transcript starts with the welcome, then what the customer wrote.
        var offered = await admin.WaitForOfferAsync(chat.Id, "a1");
        Assert.Equal("chat", offered.Text("media"));
        Assert.Equal("inbound", offered.Text("direction"));
        Assert.Equal("chat", offered.Text("queueId"));
        Assert.Equal("Maria", offered.Text("customerName"));
        Assert.Equal("maria@example.com", offered.Text("from"));
        var offeredLive = await live.NextOfTypeAsync(LiveEventTypes.InteractionOffered, "interactions:a1");
        Assert.Equal(chat.Id, offeredLive["data"]!.Text("id"));
        Assert.Equal("Maria", offeredLive["data"]!.Text("customerName"));
        var agentSide = await a1.GetOkJsonAsync($"/v1/interactions/{chat.Id}/messages");
        Assert.Equal([1L, 2L], agentSide.Items().Select(m => m!.Number("sequence")));
        Assert.Equal(["system", "customer"], agentSide.Senders());
        Assert.Equal([Welcome, "Il mio ordine non è arrivato"], agentSide.Texts());
        Assert.All(agentSide.Items(), m => Assert.Null(m!["agentId"]));
        Assert.Equal("waiting", (await browser.CustomerStateAsync(chat)).Text("state"));

        // The agent accepts and writes.
        Assert.Equal("Connected", (await a1.ActOkAsync(chat.Id, "accept")).Text("state"));
        await tenant.WaitForAgentStateAsync("a1", "Busy");
        Assert.Equal("connected", (await browser.CustomerStateAsync(chat)).Text("state"));
        using (var reply = await a1.SendJsonAsync(HttpMethod.Post, $"/v1/interactions/{chat.Id}/messages", """{"text":"Ciao Maria, controllo subito."}"""))
        {
            Assert.Equal(HttpStatusCode.Created, reply.StatusCode);
        }

        // The customer reads both sides, without the agent's id, from the shop's page.
        using (var read = await browser.AsCustomerAsync(chat, HttpMethod.Get, "messages", origin: ShopOrigin))
        {
            var page = await read.ReadJsonAsync();
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
            Assert.Equal(ShopOrigin, read.Header("Access-Control-Allow-Origin"));
            Assert.Equal("Origin", read.Header("Vary"));
            Assert.Equal([1L, 2L, 3L], page.Items().Select(m => m!.Number("sequence")));
            Assert.Equal(["system", "customer", "agent"], page.Senders());
            Assert.Equal([Welcome, "Il mio ordine non è arrivato", "Ciao Maria, controllo subito."], page.Texts());
            Assert.All(page.Items(), m => Assert.Equal(["sequence", "sender", "text", "at"], m!.AsObject().Select(p => p.Key)));
            Assert.Null(page["nextCursor"]);
            Assert.DoesNotContain("a1", page.ToJsonString(), StringComparison.Ordinal);
        }

        // A page at a time.
        using (var first = await browser.AsCustomerAsync(HttpMethod.Get, SessionUrl(chat.Id, "messages") + "?limit=2", "Bearer " + chat.Token))
        {
            var page = await first.ReadJsonAsync();
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.Equal([1L, 2L], page.Items().Select(m => m!.Number("sequence")));
            using var second = await browser.AsCustomerAsync(HttpMethod.Get, SessionUrl(chat.Id, "messages") + "?limit=2&cursor=" + page.Text("nextCursor"), "Bearer " + chat.Token);
            var rest = await second.ReadJsonAsync();
            Assert.Equal(HttpStatusCode.OK, second.StatusCode);
            Assert.Equal([3L], rest.Items().Select(m => m!.Number("sequence")));
            Assert.Null(rest["nextCursor"]);
        }

        // The customer writes and types: the agent's console sees both.
        var sent = await browser.CustomerSendsAsync(chat, "Il numero d'ordine è 12345.", ShopOrigin);
        Assert.Equal(4, sent.Number("sequence"));
        Assert.Equal("customer", sent.Text("sender"));
        Assert.Equal("Il numero d'ordine è 12345.", sent.Text("text"));
        Assert.Equal(["sequence", "sender", "text", "at"], sent.AsObject().Select(p => p.Key));
        var message = await live.NextAsync(
            m => m["type"]?.GetValue<string>() == LiveEventTypes.InteractionMessage && m["data"]?["sequence"]?.GetValue<long>() == 4,
            "the customer's message");
        Assert.Equal("interactions:a1", message.Text("topic"));
        Assert.Equal(chat.Id, message["data"]!.Text("interactionId"));
        Assert.Equal("customer", message["data"]!.Text("sender"));
        Assert.Equal("Il numero d'ordine è 12345.", message["data"]!.Text("text"));
        Assert.Null(message["data"]!["agentId"]);

        using (var typing = await browser.AsCustomerAsync(chat, HttpMethod.Post, "typing", origin: ShopOrigin))
        {
            Assert.Equal(HttpStatusCode.NoContent, typing.StatusCode);
            Assert.Equal(ShopOrigin, typing.Header("Access-Control-Allow-Origin"));
        }

        var typed = await live.NextOfTypeAsync(LiveEventTypes.InteractionTyping, "interactions:a1");
        Assert.Equal(chat.Id, typed["data"]!.Text("interactionId"));
        Assert.Equal("customer", typed["data"]!.Text("sender"));
        Assert.Null(typed["data"]!["agentId"]);

        // The customer leaves: the chat ends, the agent is free again (no code is required), and the chat takes nothing more.
        var ended = await browser.CustomerEndsAsync(chat);
        Assert.Equal(chat.Id, ended.Text("interactionId"));
        Assert.Equal("ended", ended.Text("state"));
        Assert.Equal(chat.ExpiresAt, ended.Time("expiresAt"));
        var view = await admin.GetInteractionAsync(chat.Id);
        Assert.Equal("WrappedUp", view.Text("state")); // ended, and the agent's wrap-up complete at once
        var wrapUp = Assert.Single(view["wrapUps"]!.AsArray())!;
        Assert.Equal("a1", wrapUp.Text("agentId"));
        Assert.False(wrapUp["codeRequired"]!.GetValue<bool>());
        Assert.NotNull(wrapUp.TextOrNull("completedAt"));
        Assert.NotNull(view.TextOrNull("endedAt"));
        Assert.Contains("customer-left", view.EventTypes());
        await tenant.WaitForAgentStateAsync("a1", "Available");
        Assert.Equal("ended", (await browser.CustomerStateAsync(chat)).Text("state"));

        using (var late = await browser.AsCustomerAsync(chat, HttpMethod.Post, "messages", """{"text":"Ancora una cosa"}"""))
        {
            await Problem.AssertAsync(late, HttpStatusCode.Conflict);
        }

        using (var lateTyping = await browser.AsCustomerAsync(chat, HttpMethod.Post, "typing"))
        {
            await Problem.AssertAsync(lateTyping, HttpStatusCode.Conflict);
        }

        // Leaving again changes nothing; the transcript stays readable to the customer.
        Assert.Equal("ended", (await browser.CustomerEndsAsync(chat)).Text("state"));
        Assert.Equal(view.EventTypes(), (await admin.GetInteractionAsync(chat.Id)).EventTypes());
        Assert.Equal(["system", "customer", "agent", "customer"], (await browser.CustomerReadsAsync(chat)).Senders());
    }

    [Fact]
    public async Task A_customer_who_leaves_while_waiting_abandons_the_chat_and_it_leaves_the_queue()
    {
        var tenant = await SiteAsync(withAgent: false);
        using var admin = tenant.Admin();
        using var browser = factory.ClientWith(null);
        var chat = await browser.OpenChatAsync(tenant.Id, "web", """{"name":"  Luca  "}""");
        var other = await browser.OpenChatAsync(tenant.Id, "web", """{"name":"Anna"}""");
        await admin.WaitForJsonAsync("/v1/queues/chat/stats", s => s.Number("waiting") == 2, "two waiting");

        var ended = await browser.CustomerEndsAsync(chat);

        Assert.Equal("ended", ended.Text("state"));
        var view = await admin.GetInteractionAsync(chat.Id);
        Assert.Equal("Abandoned", view.Text("state"));
        Assert.Equal("Luca", view.Text("customerName"));
        Assert.Equal("Luca", view.Text("from"));
        var stats = await admin.WaitForJsonAsync("/v1/queues/chat/stats", s => s.Number("waiting") == 1, "one waiting");
        Assert.Equal((0, 1), (stats["today"]!.Number("abandoned"), stats["today"]!.Number("shortAbandoned"))); // left at once: a short abandon
        Assert.Equal("ended", (await browser.CustomerStateAsync(chat)).Text("state"));
        Assert.Equal("waiting", (await browser.CustomerStateAsync(other)).Text("state"));
        Assert.Equal("Queued", (await admin.GetInteractionAsync(other.Id)).Text("state"));

        // An agent who comes is offered the chat still waiting only.
        await tenant.CreateAgentAsync("a1");
        await tenant.AddMemberAsync("chat", "a1");
        await tenant.SetStateAsync("a1", "Available");
        await admin.WaitForOfferAsync(other.Id, "a1");
        Assert.Equal("Abandoned", (await admin.GetInteractionAsync(chat.Id)).Text("state"));
        Assert.Null((await admin.GetInteractionAsync(chat.Id))["offer"]);
    }

    [Theory]
    [InlineData("GET", null)]
    [InlineData("POST", "messages")]
    [InlineData("GET", "messages")]
    [InlineData("POST", "typing")]
    [InlineData("POST", "end")]
    public async Task Every_customer_route_refuses_any_but_its_own_chats_token_with_401_and_does_nothing(string method, string? action)
    {
        var tenant = await SiteAsync(withAgent: false);
        using var admin = tenant.Admin();
        using var browser = factory.ClientWith(null);
        var chatA = await browser.OpenChatAsync(tenant.Id, "web", """{"name":"Maria","message":"Ciao"}""");
        var chatB = await browser.OpenChatAsync(tenant.Id, "web", """{"name":"Luca","message":"Salve"}""");
        var json = method == "POST" && action == "messages" ? """{"text":"Chi parla?"}""" : null;
        var last = chatA.Token[^1] == 'A' ? 'B' : 'A';
        var secretA = chatA.Token[(chatA.Token.LastIndexOf('.') + 1)..];

        var refused = new (string What, string Url, string? Authorization)[]
        {
            ("no token", SessionUrl(chatA.Id, action), null),
            ("garbage", SessionUrl(chatA.Id, action), "Bearer garbage"),
            ("an empty bearer", SessionUrl(chatA.Id, action), "Bearer "),
            ("the token without Bearer", SessionUrl(chatA.Id, action), chatA.Token),
            ("the token as Basic", SessionUrl(chatA.Id, action), "Basic " + chatA.Token),
            ("A's token on B", SessionUrl(chatB.Id, action), "Bearer " + chatA.Token),
            ("A's secret with B's id", SessionUrl(chatB.Id, action), $"Bearer ct.{chatB.Id}.{secretA}"),
            ("A's token with its last character changed", SessionUrl(chatA.Id, action), "Bearer " + chatA.Token[..^1] + last),
            ("A's token with a character more", SessionUrl(chatA.Id, action), "Bearer " + chatA.Token + "A"),
            ("the admin's API key", SessionUrl(chatA.Id, action), "Bearer " + tenant.AdminKey),
            ("the operator key", SessionUrl(chatA.Id, action), "Bearer " + SwitchboardApiFactory.OperatorKey),
        };

        foreach (var (what, url, authorization) in refused)
        {
            foreach (var origin in new[] { null, ShopOrigin })
            {
                using var response = await browser.AsCustomerAsync(new HttpMethod(method), url, authorization, json, origin);
                var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{what} (Origin {origin ?? "none"}): {(int)response.StatusCode} {text}");
                var problem = await AssertTokenRefusedAsync(response);
                Assert.Equal(
                    "A customer token of this chat is required (Authorization: Bearer {customerToken}); it may have expired.",
                    Problem.Detail(problem));
            }
        }

        // Nothing happened to either chat.
        foreach (var (chat, text) in new[] { (chatA, "Ciao"), (chatB, "Salve") })
        {
            Assert.Equal("waiting", (await browser.CustomerStateAsync(chat)).Text("state"));
            Assert.Equal("Queued", (await admin.GetInteractionAsync(chat.Id)).Text("state"));
            Assert.Equal([Welcome, text], (await browser.CustomerReadsAsync(chat)).Texts());
        }
    }

    [Fact]
    public async Task A_customer_token_is_no_api_key()
    {
        var tenant = await SiteAsync(withAgent: false);
        using var browser = factory.ClientWith(null);
        var chat = await browser.OpenChatAsync(tenant.Id, "web");
        using var asKey = factory.ClientWith(chat.Token);

        foreach (var url in new[] { "/v1/agents", $"/v1/interactions/{chat.Id}", $"/v1/interactions/{chat.Id}/messages", "/v1/chat/entry-points" })
        {
            using var response = await asKey.GetResponseAsync(url);
            await Problem.AssertAsync(response, HttpStatusCode.Unauthorized);
            Assert.Equal(["Bearer"], response.Headers.WwwAuthenticate.Select(h => h.ToString()));
        }

        using (var write = await asKey.SendJsonAsync(HttpMethod.Post, $"/v1/interactions/{chat.Id}/messages", """{"sender":"customer","text":"ciao"}"""))
        {
            await Problem.AssertAsync(write, HttpStatusCode.Unauthorized);
        }

        using (var stream = await asKey.GetResponseAsync("/v1/stream"))
        {
            await Problem.AssertAsync(stream, HttpStatusCode.Unauthorized);
        }

        using (var streamQuery = await browser.GetResponseAsync("/v1/stream?access_token=" + Uri.EscapeDataString(chat.Token)))
        {
            await Problem.AssertAsync(streamQuery, HttpStatusCode.Unauthorized);
        }

        var socket = await Assert.ThrowsAnyAsync<Exception>(() => LiveTestClient.ConnectAsync(factory, chat.Token));
        Assert.Contains("401", socket.Message, StringComparison.Ordinal);
        var socketQuery = await Assert.ThrowsAnyAsync<Exception>(() => LiveTestClient.ConnectAsync(factory, chat.Token, keyInQuery: true));
        Assert.Contains("401", socketQuery.Message, StringComparison.Ordinal);

        // Still the customer's key to the chat.
        Assert.Equal("waiting", (await browser.CustomerStateAsync(chat)).Text("state"));
        Assert.Equal([Welcome], (await browser.CustomerReadsAsync(chat)).Texts());
    }

    [Theory]
    [InlineData(EvilOrigin)]
    [InlineData("https://shop.example.evil.example")]
    [InlineData("http://shop.example")]
    [InlineData("https://shop.example:8443")]
    [InlineData("https://SHOP.example")]
    [InlineData("https://shop.example/")]
    [InlineData("null")]
    public async Task Opening_from_a_foreign_origin_is_403_without_cors_and_does_nothing(string origin)
    {
        var tenant = await SiteAsync(withAgent: false);
        using var admin = tenant.Admin();
        using var browser = factory.ClientWith(null);

        for (var i = 0; i < 3; i++)
        {
            using var response = await browser.OpenAsync(tenant.Id, "web", OpenJson, origin);
            var problem = await Problem.AssertAsync(response, HttpStatusCode.Forbidden);
            Assert.Contains($"'{origin}'", Problem.Detail(problem), StringComparison.Ordinal);
            Assert.Null(response.Header("Access-Control-Allow-Origin"));
            Assert.Null(response.Headers.Location);
        }

        Assert.Empty(await admin.InteractionIdsAsync(factory.Clock.GetUtcNow()));
        var stats = await admin.GetOkJsonAsync("/v1/queues/chat/stats");
        Assert.Equal(0, stats.Number("waiting"));
        Assert.Equal(0, stats["today"]!.Number("offered"));

        // The address's open chats were not counted: it may still open its three, from the shop or from no page at all.
        var opened = new List<CustomerChat>
        {
            await browser.OpenChatAsync(tenant.Id, "web", OpenJson, ShopOrigin),
            await browser.OpenChatAsync(tenant.Id, "web", OpenJson, LocalOrigin),
            await browser.OpenChatAsync(tenant.Id, "web", OpenJson),
        };
        Assert.Equal(opened.Select(c => c.Id).Order(StringComparer.Ordinal), (await admin.InteractionIdsAsync(factory.Clock.GetUtcNow())).Order(StringComparer.Ordinal));
        using var fourth = await browser.OpenAsync(tenant.Id, "web", OpenJson, ShopOrigin);
        await Problem.AssertAsync(fourth, HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task A_preflight_to_open_is_answered_for_the_allowed_origins_only()
    {
        var tenant = await SiteAsync(withAgent: false);
        using var browser = factory.ClientWith(null);

        foreach (var origin in new[] { ShopOrigin, LocalOrigin })
        {
            using var allowed = await PreflightAsync(browser, SessionsUrl(tenant.Id, "web"), origin);
            AssertPreflightAllowed(allowed, origin);
        }

        var denied = new (string What, string Url, string? Origin)[]
        {
            ("a foreign origin", SessionsUrl(tenant.Id, "web"), EvilOrigin),
            ("another scheme", SessionsUrl(tenant.Id, "web"), "http://shop.example"),
            ("no origin", SessionsUrl(tenant.Id, "web"), null),
            ("an unknown entry point", SessionsUrl(tenant.Id, "nope"), ShopOrigin),
            ("an unknown tenant", SessionsUrl("t-" + Guid.NewGuid().ToString("N"), "web"), ShopOrigin),
        };
        foreach (var (what, url, origin) in denied)
        {
            using var response = await PreflightAsync(browser, url, origin);
            await AssertPreflightDeniedAsync(response, what);
        }

        Assert.Empty(await tenant.Admin().InteractionIdsAsync(factory.Clock.GetUtcNow()));
    }

    [Fact]
    public async Task A_preflight_to_a_chat_is_answered_for_its_entry_points_origins_only()
    {
        var tenant = await SiteAsync(withAgent: false);
        using var browser = factory.ClientWith(null);
        var chat = await browser.OpenChatAsync(tenant.Id, "web", OpenJson, ShopOrigin);

        foreach (var action in new string?[] { null, "messages", "typing", "end" })
        {
            using (var allowed = await PreflightAsync(browser, SessionUrl(chat.Id, action), ShopOrigin))
            {
                AssertPreflightAllowed(allowed, ShopOrigin);
            }

            using (var local = await PreflightAsync(browser, SessionUrl(chat.Id, action), LocalOrigin))
            {
                AssertPreflightAllowed(local, LocalOrigin);
            }

            using (var foreign = await PreflightAsync(browser, SessionUrl(chat.Id, action), EvilOrigin))
            {
                await AssertPreflightDeniedAsync(foreign, $"a foreign origin on {action ?? "the chat"}");
            }

            using (var none = await PreflightAsync(browser, SessionUrl(chat.Id, action), null))
            {
                await AssertPreflightDeniedAsync(none, $"no origin on {action ?? "the chat"}");
            }

            using (var unknown = await PreflightAsync(browser, SessionUrl("i_" + new string('0', 32), action), ShopOrigin))
            {
                await AssertPreflightDeniedAsync(unknown, $"an unknown chat on {action ?? "the chat"}");
            }
        }

        // Preflights change nothing.
        Assert.Equal("waiting", (await browser.CustomerStateAsync(chat)).Text("state"));
    }

    [Fact]
    public async Task A_chat_used_from_a_foreign_origin_is_403_without_cors_and_nothing_is_done()
    {
        var tenant = await SiteAsync(withAgent: false);
        using var admin = tenant.Admin();
        using var browser = factory.ClientWith(null);
        var chat = await browser.OpenChatAsync(tenant.Id, "web", """{"name":"Maria","message":"Ciao"}""", ShopOrigin);

        var calls = new (HttpMethod Method, string? Action, string? Json)[]
        {
            (HttpMethod.Get, null, null),
            (HttpMethod.Get, "messages", null),
            (HttpMethod.Post, "messages", """{"text":"dal sito sbagliato"}"""),
            (HttpMethod.Post, "typing", null),
            (HttpMethod.Post, "end", null),
        };
        foreach (var (method, action, json) in calls)
        {
            using var response = await browser.AsCustomerAsync(chat, method, action, json, EvilOrigin);
            var problem = await Problem.AssertAsync(response, HttpStatusCode.Forbidden);
            Assert.Contains($"'{EvilOrigin}'", Problem.Detail(problem), StringComparison.Ordinal);
            Assert.Null(response.Header("Access-Control-Allow-Origin"));
            Assert.DoesNotContain("Ciao", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        }

        Assert.Equal("waiting", (await browser.CustomerStateAsync(chat)).Text("state"));
        Assert.Equal("Queued", (await admin.GetInteractionAsync(chat.Id)).Text("state"));
        Assert.Equal([Welcome, "Ciao"], (await browser.CustomerReadsAsync(chat)).Texts());
    }

    [Fact]
    public async Task An_unknown_tenant_or_entry_point_is_404_alike_and_malformed_ids_are_400()
    {
        var tenant = await SiteAsync(withAgent: false);
        using var browser = factory.ClientWith(null);
        var unknownTenant = "t-" + Guid.NewGuid().ToString("N");

        // The tenant has no entry point 'shop'; neither has a tenant that does not exist: the answers are the same.
        JsonNode? first = null;
        foreach (var (tenantId, origin) in new[] { (tenant.Id, (string?)null), (unknownTenant, null), (tenant.Id, ShopOrigin), (unknownTenant, ShopOrigin) })
        {
            using var response = await browser.OpenAsync(tenantId, "shop", OpenJson, origin);
            var problem = await Problem.AssertAsync(response, HttpStatusCode.NotFound);
            Assert.Equal("There is no web chat 'shop' here.", Problem.Detail(problem));
            Assert.DoesNotContain(tenantId, problem.ToJsonString(), StringComparison.Ordinal);
            Assert.Null(response.Header("Access-Control-Allow-Origin"));
            problem.AsObject().Remove("traceId");
            first ??= problem;
            Assert.Equal(first.ToJsonString(), problem.ToJsonString());
        }

        using (var badTenant = await browser.OpenAsync("Not_A_Tenant", "web", OpenJson))
        {
            Assert.Contains("not a valid tenant id", Problem.Detail(await Problem.AssertAsync(badTenant, HttpStatusCode.BadRequest)), StringComparison.Ordinal);
        }

        using (var badEntryPoint = await browser.OpenAsync(tenant.Id, "bad%20id", OpenJson))
        {
            Assert.Contains("not a valid chat entry point id", Problem.Detail(await Problem.AssertAsync(badEntryPoint, HttpStatusCode.BadRequest)), StringComparison.Ordinal);
        }

        using (var badChat = await browser.AsCustomerAsync(HttpMethod.Get, SessionUrl("bad%20id"), "Bearer ct.bad id.x"))
        {
            Assert.Contains("not a valid interaction id", Problem.Detail(await Problem.AssertAsync(badChat, HttpStatusCode.BadRequest)), StringComparison.Ordinal);
        }

        Assert.Empty(await tenant.Admin().InteractionIdsAsync(factory.Clock.GetUtcNow()));
    }

    [Theory]
    [InlineData("""{"email":"maria@example.com"}""", "name")]
    [InlineData("""{"name":null}""", "name")]
    [InlineData("""{"name":"   "}""", "name")]
    [InlineData("""{"name":"Ma\u0007ria"}""", "name")]
    [InlineData("""{"name":"Maria\nRossi"}""", "name")]
    [InlineData("""{"name":"Maria\u202E"}""", "name")]
    [InlineData("""{"name":"Maria","email":"not-an-email"}""", "email")]
    [InlineData("""{"name":"Maria","email":"Maria <maria@example.com>"}""", "email")]
    [InlineData("""{"name":"Maria","email":"maria@example.com\r\nBcc: x@example.com"}""", "email")]
    [InlineData("""{"name":"Maria","email":"maria @example.com"}""", "email")]
    [InlineData("""{"name":"Maria","email":""}""", "email")]
    [InlineData("""{"name":"Maria","message":""}""", "message")]
    [InlineData("""{"name":"Maria","message":"   "}""", "message")]
    [InlineData("""{"name":"Maria","message":"ciao\u0000"}""", "message")]
    [InlineData("""{"name":"Maria","message":"ciao\u001B[31m"}""", "message")]
    [InlineData("""{"name":"Maria","message":"ciao\u202Eoaic"}""", "message")]
    public async Task Bad_opening_details_are_422_naming_the_field_and_open_nothing(string json, string field)
    {
        var tenant = await SiteAsync(withAgent: false);
        using var browser = factory.ClientWith(null);

        using var response = await browser.OpenAsync(tenant.Id, "web", json);

        Problem.AssertFields(await Problem.AssertAsync(response, HttpStatusCode.UnprocessableEntity), field);
        Assert.Empty(await tenant.Admin().InteractionIdsAsync(factory.Clock.GetUtcNow()));
    }

    [Fact]
    public async Task Lengths_are_checked_to_the_character()
    {
        var tenant = await SiteAsync(withAgent: false);
        using var admin = tenant.Admin();
        using var browser = factory.ClientWith(null);
        var localPart = new string('m', 64);
        var domain = string.Join('.', Enumerable.Repeat(new string('d', 61), 3)) + ".example"; // 64 + 1 + 193 = 258
        var tooLongEmail = localPart + "@" + domain;
        Assert.True(tooLongEmail.Length > 254);

        var tooLong = new (JsonObject Body, string Field)[]
        {
            (new JsonObject { ["name"] = new string('n', 101) }, "name"),
            (new JsonObject { ["name"] = "Maria", ["message"] = new string('x', 2_001) }, "message"),
            (new JsonObject { ["name"] = "Maria", ["email"] = tooLongEmail }, "email"),
        };
        foreach (var (body, field) in tooLong)
        {
            using var response = await browser.OpenAsync(tenant.Id, "web", body.ToJsonString());
            Problem.AssertFields(await Problem.AssertAsync(response, HttpStatusCode.UnprocessableEntity), field);
        }

        Assert.Empty(await admin.InteractionIdsAsync(factory.Clock.GetUtcNow()));

        var longest = await browser.OpenChatAsync(tenant.Id, "web",
            new JsonObject { ["name"] = new string('n', 100), ["message"] = "x\n\t" + new string('x', 1_997) }.ToJsonString());
        var view = await admin.GetInteractionAsync(longest.Id);
        Assert.Equal(new string('n', 100), view.Text("customerName"));
        Assert.Equal(new string('n', 100), view.Text("from"));
        Assert.Equal([Welcome, "x\n\t" + new string('x', 1_997)], (await browser.CustomerReadsAsync(longest)).Texts());

        using (var tooLongMessage = await browser.AsCustomerAsync(longest, HttpMethod.Post, "messages", new JsonObject { ["text"] = new string('y', 2_001) }.ToJsonString()))
        {
            Problem.AssertFields(await Problem.AssertAsync(tooLongMessage, HttpStatusCode.UnprocessableEntity), "text");
        }

        Assert.Equal(2_000, (await browser.CustomerSendsAsync(longest, new string('y', 2_000))).Text("text").Length);
    }

    [Theory]
    [InlineData("""{"name":"Maria","phone":"+39061234567"}""", "phone")]
    [InlineData("""{"Name":"Maria"}""", "Name")]
    [InlineData("""{"name":"Maria","queueId":"vip"}""", "queueId")]
    public async Task An_unknown_field_when_opening_is_400_naming_it(string json, string field)
    {
        var tenant = await SiteAsync(withAgent: false);
        using var browser = factory.ClientWith(null);

        using var response = await browser.OpenAsync(tenant.Id, "web", json, ShopOrigin);

        var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest);
        Problem.AssertFields(problem, field);
        Assert.Contains($"'{field}'", Problem.Detail(problem), StringComparison.Ordinal);
        Assert.Empty(await tenant.Admin().InteractionIdsAsync(factory.Clock.GetUtcNow()));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_body_over_the_apis_limit_is_413_and_opens_nothing(bool declareLength)
    {
        var tenant = await SiteAsync(withAgent: false);
        using var browser = factory.ClientWith(null);
        var json = new JsonObject { ["name"] = "Maria", ["message"] = new string('x', 64 * 1024) }.ToJsonString();
        Assert.True(Encoding.UTF8.GetByteCount(json) > 64 * 1024);
        HttpContent content = declareLength
            ? new StringContent(json, Encoding.UTF8, "application/json")
            : new UnknownLengthContent(Encoding.UTF8.GetBytes(json));

        using var response = await browser.SendAsync(HttpMethod.Post, SessionsUrl(tenant.Id, "web"), content, r => r.Headers.Add("Origin", ShopOrigin));

        await Problem.AssertAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Empty(await tenant.Admin().InteractionIdsAsync(factory.Clock.GetUtcNow()));
    }

    [Theory]
    [InlineData("""{}""", "text", HttpStatusCode.UnprocessableEntity)]
    [InlineData("""{"text":null}""", "text", HttpStatusCode.UnprocessableEntity)]
    [InlineData("""{"text":""}""", "text", HttpStatusCode.UnprocessableEntity)]
    [InlineData("""{"text":"  \n "}""", "text", HttpStatusCode.UnprocessableEntity)]
    [InlineData("""{"text":"ciao\u0007"}""", "text", HttpStatusCode.UnprocessableEntity)]
    [InlineData("""{"text":"ciao\u2028"}""", "text", HttpStatusCode.UnprocessableEntity)]
    [InlineData("""{"text":"ciao","sender":"agent"}""", "sender", HttpStatusCode.BadRequest)]
    [InlineData("""{"text":"ciao","agentId":"a1"}""", "agentId", HttpStatusCode.BadRequest)]
    public async Task Bad_customer_messages_are_refused_naming_the_field_and_store_nothing(string json, string field, HttpStatusCode status)
    {
        var tenant = await SiteAsync(withAgent: false);
        using var browser = factory.ClientWith(null);
        var chat = await browser.OpenChatAsync(tenant.Id, "web", """{"name":"Maria","message":"Ciao"}""");

        using var response = await browser.AsCustomerAsync(chat, HttpMethod.Post, "messages", json, ShopOrigin);

        Problem.AssertFields(await Problem.AssertAsync(response, status), field);
        Assert.Equal([Welcome, "Ciao"], (await browser.CustomerReadsAsync(chat)).Texts());
    }

    [Fact]
    public async Task A_welcome_less_entry_point_starts_the_transcript_with_the_customers_message_or_nothing()
    {
        var tenant = await SiteAsync(withAgent: false);
        using var admin = tenant.Admin();
        await admin.CreateEntryPointAsync(EntryPoint("plain", "chat", welcome: null));
        using var browser = factory.ClientWith(null);

        var withMessage = await browser.OpenChatAsync(tenant.Id, "plain", """{"name":"Maria","message":"Buongiorno"}""");
        var silent = await browser.OpenChatAsync(tenant.Id, "plain", """{"name":"Luca","email":"luca@example.com"}""");

        var page = await browser.CustomerReadsAsync(withMessage);
        Assert.Equal(["customer"], page.Senders());
        Assert.Equal([1L], page.Items().Select(m => m!.Number("sequence")));
        Assert.Empty((await browser.CustomerReadsAsync(silent)).Items());
        var view = await admin.GetInteractionAsync(silent.Id);
        Assert.Equal("Luca", view.Text("customerName"));
        Assert.Equal("luca@example.com", view.Text("from"));
    }

    [Fact]
    public async Task After_its_entry_point_is_deleted_open_chats_go_on_from_their_page_and_no_new_chat_opens()
    {
        var tenant = await SiteAsync(withAgent: true);
        using var admin = tenant.Admin();
        using var browser = factory.ClientWith(null);
        var chat = await browser.OpenChatAsync(tenant.Id, "web", """{"name":"Maria","message":"Ciao"}""", ShopOrigin);
        await admin.WaitForOfferAsync(chat.Id, "a1");

        using (var deleted = await admin.DeleteResponseAsync($"{EntryPointsUrl}/web"))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        // No new chat opens there.
        using (var refused = await browser.OpenAsync(tenant.Id, "web", OpenJson, ShopOrigin))
        {
            Assert.Equal("There is no web chat 'web' here.", Problem.Detail(await Problem.AssertAsync(refused, HttpStatusCode.NotFound)));
            Assert.Null(refused.Header("Access-Control-Allow-Origin"));
        }

        // The open chat goes on for a caller without an Origin; its agent answers.
        Assert.Equal("waiting", (await browser.CustomerStateAsync(chat)).Text("state"));
        await admin.ActAsAsync("a1", chat.Id, "accept");
        Assert.Equal("connected", (await browser.CustomerStateAsync(chat)).Text("state"));
        Assert.Equal(3, (await browser.CustomerSendsAsync(chat, "Ci siete ancora?")).Number("sequence"));
        using (var typing = await browser.AsCustomerAsync(chat, HttpMethod.Post, "typing"))
        {
            Assert.Equal(HttpStatusCode.NoContent, typing.StatusCode);
        }

        Assert.Equal([Welcome, "Ciao", "Ci siete ancora?"], (await browser.CustomerReadsAsync(chat)).Texts());

        // The page it was opened from goes on too (the origins it was opened with), and no other site.
        using (var fromPage = await browser.AsCustomerAsync(chat, HttpMethod.Get, "messages", origin: ShopOrigin))
        {
            Assert.Equal(HttpStatusCode.OK, fromPage.StatusCode);
            Assert.Equal(ShopOrigin, fromPage.Header("Access-Control-Allow-Origin"));
        }

        using (var fromElsewhere = await browser.AsCustomerAsync(chat, HttpMethod.Get, "messages", origin: "https://evil.example"))
        {
            await Problem.AssertAsync(fromElsewhere, HttpStatusCode.Forbidden);
            Assert.Null(fromElsewhere.Header("Access-Control-Allow-Origin"));
        }

        using (var preflight = await PreflightAsync(browser, SessionUrl(chat.Id, "messages"), "https://evil.example"))
        {
            await AssertPreflightDeniedAsync(preflight, "another site after the entry point was deleted");
        }

        Assert.Equal("ended", (await browser.CustomerEndsAsync(chat)).Text("state"));
        Assert.Equal("WrappedUp", (await admin.GetInteractionAsync(chat.Id)).Text("state"));
    }

    [Fact]
    public async Task An_entry_point_whose_queue_is_gone_opens_no_chat_and_counts_nothing()
    {
        var tenant = await SiteAsync(withAgent: false);
        using var admin = tenant.Admin();
        using var browser = factory.ClientWith(null);
        using (var deleted = await admin.DeleteResponseAsync("/v1/queues/chat"))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        for (var i = 0; i < 4; i++)
        {
            using var refused = await browser.OpenAsync(tenant.Id, "web", OpenJson, ShopOrigin);
            Assert.Equal("This web chat is not taking chats now; try again later.", Problem.Detail(await Problem.AssertAsync(refused, HttpStatusCode.Conflict)));
        }

        Assert.Empty(await admin.InteractionIdsAsync(factory.Clock.GetUtcNow()));

        // The queue back, the address may open its three chats: the refusals reserved nothing.
        await tenant.CreateChatQueueAsync("chat", codeRequired: false);
        for (var i = 0; i < 3; i++)
        {
            await browser.OpenChatAsync(tenant.Id, "web", OpenJson, ShopOrigin);
        }

        Assert.Equal(3, (await admin.InteractionIdsAsync(factory.Clock.GetUtcNow())).Count);
    }

    [Fact]
    public async Task A_tenant_named_sessions_is_answered_a_preflight_to_open_its_chats()
    {
        // "sessions" is a valid tenant id; its open route /v1/public/chat/sessions/{entryPointId}/sessions must not be
        // taken for the preflight of a chat's routes (/v1/public/chat/sessions/{interactionId}/{action}).
        using (var operatorClient = factory.ClientWith(SwitchboardApiFactory.OperatorKey))
        using (var created = await operatorClient.SendJsonAsync(HttpMethod.Post, "/v1/tenants", """{"id":"sessions","name":"Sessions"}"""))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var adminKey = (await created.ReadJsonAsync())["adminKey"]!.Text("key");
            using var admin = factory.ClientWith(adminKey);
            await admin.CreatePlainChatQueueAsync("chat");
            await admin.CreateEntryPointAsync(EntryPoint("web", "chat"));
        }

        using var browser = factory.ClientWith(null);
        await browser.OpenChatAsync("sessions", "web", OpenJson, ShopOrigin);
        using var preflight = await PreflightAsync(browser, SessionsUrl("sessions", "web"), ShopOrigin);
        AssertPreflightAllowed(preflight, ShopOrigin);
    }

    [Fact]
    public async Task A_page_of_an_allowed_site_can_read_every_refusal_and_when_to_retry()
    {
        var tenant = await SiteAsync(withAgent: false);
        using var browser = factory.ClientWith(null);

        // A body that breaks a rule (422 before the handler), a malformed body (400) and a bad token (401).
        using (var invalid = await browser.OpenAsync(tenant.Id, "web", """{"name":""}""", ShopOrigin))
        {
            await Problem.AssertAsync(invalid, HttpStatusCode.UnprocessableEntity);
            AssertReadable(invalid);
        }

        using (var malformed = await browser.OpenAsync(tenant.Id, "web", """{"name":"Maria","nickname":"M"}""", ShopOrigin))
        {
            await Problem.AssertAsync(malformed, HttpStatusCode.BadRequest);
            AssertReadable(malformed);
        }

        var chat = await browser.OpenChatAsync(tenant.Id, "web", origin: ShopOrigin);
        using (var badToken = await browser.AsCustomerAsync(HttpMethod.Get, SessionUrl(chat.Id, "messages"), "Bearer " + chat.Token + "x", origin: ShopOrigin))
        {
            await Problem.AssertAsync(badToken, HttpStatusCode.Unauthorized);
            AssertReadable(badToken);
        }

        // A foreign page learns nothing, not even that the body is wrong.
        using (var foreign = await browser.OpenAsync(tenant.Id, "web", """{"name":""}""", "https://evil.example"))
        {
            Assert.Null((await Problem.AssertAsync(foreign, HttpStatusCode.Forbidden))["errors"]);
            Assert.Null(foreign.Header("Access-Control-Allow-Origin"));
        }
    }

    /// <summary>The page of <see cref="ShopOrigin"/> may read the answer and its Retry-After and Location.</summary>
    private static void AssertReadable(HttpResponseMessage response)
    {
        Assert.Equal(ShopOrigin, response.Header("Access-Control-Allow-Origin"));
        Assert.Equal("Retry-After, Location", response.Header("Access-Control-Expose-Headers"));
        Assert.Equal("Origin", response.Header("Vary"));
    }

    /// <summary>
    /// A tenant with chat queue 'chat' (no wrap-up code required) and entry point 'web' into it allowing the shop and
    /// localhost; with agent a1 Available in it when <paramref name="withAgent"/>.
    /// </summary>
    private async Task<TestTenant> SiteAsync(bool withAgent)
    {
        var tenant = await factory.CreateTenantAsync();
        await tenant.SetTransactionCodesAsync("sale", "no-sale");
        await tenant.CreateChatQueueAsync("chat", codeRequired: false);
        if (withAgent)
        {
            await tenant.CreateAgentAsync("a1");
            await tenant.AddMemberAsync("chat", "a1");
            await tenant.SetStateAsync("a1", "Available");
        }

        using var admin = tenant.Admin();
        await admin.CreateEntryPointAsync(EntryPoint("web", "chat"));
        return tenant;
    }

    private static Task<HttpResponseMessage> PreflightAsync(HttpClient browser, string url, string? origin) =>
        browser.AsCustomerAsync(HttpMethod.Options, url, null, null, origin);

    private static void AssertPreflightAllowed(HttpResponseMessage response, string origin)
    {
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(origin, response.Header("Access-Control-Allow-Origin"));
        Assert.Equal("GET, POST", response.Header("Access-Control-Allow-Methods"));
        Assert.Equal("Authorization, Content-Type", response.Header("Access-Control-Allow-Headers"));
        Assert.Equal("600", response.Header("Access-Control-Max-Age"));
        Assert.Equal("Origin", response.Header("Vary"));
        Assert.Null(response.Header("Access-Control-Allow-Credentials"));
    }

    private static async Task AssertPreflightDeniedAsync(HttpResponseMessage response, string what)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{what}: {(int)response.StatusCode} {text}");
        Assert.Equal(Problem.ContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Null(response.Header("Access-Control-Allow-Origin"));
        Assert.Null(response.Header("Access-Control-Allow-Methods"));
        Assert.Null(response.Header("Access-Control-Allow-Headers"));
        Assert.Null(response.Header("Access-Control-Max-Age"));
    }
}
