using System.Net;
using System.Text.Json.Nodes;
using Switchboard.Api.Tests.Support;

namespace Switchboard.Api.Tests;

/// <summary>
/// Web chat entry points, admin side: create (idempotent, conflicts), the queue and origin rules, the welcome, list, get,
/// replace and delete, and who may read or write them; every refused request changes nothing.
/// </summary>
public sealed class ChatEntryPointTests(SwitchboardApiFactory factory)
{
    private const string Url = PublicChatTestExtensions.EntryPointsUrl;

    [Fact]
    public async Task Created_is_201_with_its_location_the_same_again_200_and_another_with_its_id_409()
    {
        var tenant = await SiteAsync();
        using var admin = tenant.Admin();
        var json = """{"id":"web","queueId":"chat","allowedOrigins":["https://shop.example","http://localhost:8080"],"welcome":"Ciao!\nCome possiamo aiutarti?"}""";

        JsonNode created;
        using (var response = await admin.SendJsonAsync(HttpMethod.Post, Url, json))
        {
            created = await response.ReadJsonAsync();
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            Assert.Equal("/v1/chat/entry-points/web", response.Headers.Location?.OriginalString);
        }

        Assert.Equal("web", created.Text("id"));
        Assert.Equal("chat", created.Text("queueId"));
        Assert.Equal(["https://shop.example", "http://localhost:8080"], created.Strings("allowedOrigins"));
        Assert.Equal("Ciao!\nCome possiamo aiutarti?", created.Text("welcome"));
        Assert.Equal(factory.Clock.GetUtcNow(), created.Time("createdAt"));
        Assert.Equal(created.Time("createdAt"), created.Time("updatedAt"));
        Assert.Equal(created.ToJsonString(), (await admin.GetOkJsonAsync($"{Url}/web")).ToJsonString());

        using (var again = await admin.SendJsonAsync(HttpMethod.Post, Url, json))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            Assert.Null(again.Headers.Location);
            Assert.Equal(created.ToJsonString(), (await again.ReadJsonAsync()).ToJsonString());
        }

        string[] others =
        [
            """{"id":"web","queueId":"chat","allowedOrigins":["https://shop.example","http://localhost:8080"],"welcome":"Ciao!"}""",
            """{"id":"web","queueId":"chat","allowedOrigins":["https://shop.example","http://localhost:8080"]}""",
            """{"id":"web","queueId":"chat","allowedOrigins":["http://localhost:8080","https://shop.example"],"welcome":"Ciao!\nCome possiamo aiutarti?"}""",
            """{"id":"web","queueId":"chat2","allowedOrigins":["https://shop.example","http://localhost:8080"],"welcome":"Ciao!\nCome possiamo aiutarti?"}""",
        ];
        foreach (var other in others)
        {
            using var conflict = await admin.SendJsonAsync(HttpMethod.Post, Url, other);
            Assert.Contains("PUT it instead", Problem.Detail(await Problem.AssertAsync(conflict, HttpStatusCode.Conflict)), StringComparison.Ordinal);
        }

        Assert.Equal(created.ToJsonString(), (await admin.GetOkJsonAsync($"{Url}/web")).ToJsonString());
        Assert.Equal(["web"], (await admin.GetOkJsonAsync(Url)).Items().Select(e => e!.Text("id")));
    }

    [Theory]
    [InlineData("nowhere", "does not exist")]
    [InlineData("voice", "carries voice, not chat")]
    public async Task A_queue_that_is_missing_or_carries_no_chats_is_422_on_queueId(string queueId, string detail)
    {
        var tenant = await SiteAsync();
        using var admin = tenant.Admin();
        await admin.CreateEntryPointAsync(PublicChatTestExtensions.EntryPoint("web", "chat"));
        var before = (await admin.GetOkJsonAsync(Url)).ToJsonString();

        using (var create = await admin.SendJsonAsync(HttpMethod.Post, Url, PublicChatTestExtensions.EntryPoint("other", queueId)))
        {
            var problem = await Problem.AssertAsync(create, HttpStatusCode.UnprocessableEntity);
            Problem.AssertFields(problem, "queueId");
            Assert.Contains(detail, problem["errors"]!["queueId"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        }

        using (var replace = await admin.SendJsonAsync(HttpMethod.Put, $"{Url}/web", $$"""{"queueId":"{{queueId}}","allowedOrigins":["https://shop.example"]}"""))
        {
            var problem = await Problem.AssertAsync(replace, HttpStatusCode.UnprocessableEntity);
            Problem.AssertFields(problem, "queueId");
            Assert.Contains(detail, problem["errors"]!["queueId"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        }

        Assert.Equal(before, (await admin.GetOkJsonAsync(Url)).ToJsonString());
    }

    [Theory]
    [InlineData("""["https://shop.example/"]""", "allowedOrigins[0]")]
    [InlineData("""["https://ok.example","https://shop.example/chat"]""", "allowedOrigins[1]")]
    [InlineData("""["https://Shop.example"]""", "allowedOrigins[0]")]
    [InlineData("""["HTTPS://shop.example"]""", "allowedOrigins[0]")]
    [InlineData("""["ftp://shop.example"]""", "allowedOrigins[0]")]
    [InlineData("""["https://user:pw@shop.example"]""", "allowedOrigins[0]")]
    [InlineData("""["https://shop.example?x=1"]""", "allowedOrigins[0]")]
    [InlineData("""["https://shop.example#top"]""", "allowedOrigins[0]")]
    [InlineData("""["https://shop.example:443"]""", "allowedOrigins[0]")]
    [InlineData("""["shop.example"]""", "allowedOrigins[0]")]
    [InlineData("""[" https://shop.example"]""", "allowedOrigins[0]")]
    [InlineData("""["null"]""", "allowedOrigins[0]")]
    [InlineData("""["*"]""", "allowedOrigins[0]")]
    [InlineData("""[""]""", "allowedOrigins[0]")]
    [InlineData("""["https://ok.example",null]""", "allowedOrigins[1]")]
    [InlineData("""["https://shop.example","https://shop.example"]""", "allowedOrigins")]
    [InlineData("""[]""", "allowedOrigins")]
    [InlineData("null", "allowedOrigins")]
    public async Task A_bad_origin_list_is_422_naming_the_origin_or_the_list_and_creates_nothing(string origins, string field)
    {
        var tenant = await SiteAsync();
        using var admin = tenant.Admin();

        using var response = await admin.SendJsonAsync(HttpMethod.Post, Url, $$"""{"id":"web","queueId":"chat","allowedOrigins":{{origins}}}""");

        Problem.AssertFields(await Problem.AssertAsync(response, HttpStatusCode.UnprocessableEntity), field);
        Assert.Empty((await admin.GetOkJsonAsync(Url)).Items());
        using var missing = await admin.GetResponseAsync($"{Url}/web");
        await Problem.AssertAsync(missing, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Twenty_origins_are_taken_and_twenty_one_are_422()
    {
        var tenant = await SiteAsync();
        using var admin = tenant.Admin();

        using (var tooMany = await admin.SendJsonAsync(HttpMethod.Post, Url, WithOrigins("web", 21)))
        {
            Problem.AssertFields(await Problem.AssertAsync(tooMany, HttpStatusCode.UnprocessableEntity), "allowedOrigins");
        }

        Assert.Empty((await admin.GetOkJsonAsync(Url)).Items());
        var created = await admin.CreateEntryPointAsync(WithOrigins("web", 20));
        Assert.Equal(Enumerable.Range(1, 20).Select(i => $"https://s{i}.example"), created.Strings("allowedOrigins"));
    }

    [Fact]
    public async Task An_origin_with_a_port_and_a_plain_http_one_are_kept_as_given()
    {
        var tenant = await SiteAsync();
        using var admin = tenant.Admin();

        var created = await admin.CreateEntryPointAsync(
            """{"id":"web","queueId":"chat","allowedOrigins":["https://shop.example:8443","http://127.0.0.1:3000","http://localhost"]}""");

        Assert.Equal(["https://shop.example:8443", "http://127.0.0.1:3000", "http://localhost"], created.Strings("allowedOrigins"));
        Assert.Null(created["welcome"]);
    }

    [Theory]
    [InlineData(1_001, "")]
    [InlineData(5, "\u0007")]
    [InlineData(5, "\u202E")]
    [InlineData(5, "\u2028")]
    [InlineData(0, "")]
    [InlineData(0, "   ")]
    public async Task A_welcome_too_long_blank_or_with_hidden_characters_is_422(int length, string extra)
    {
        var tenant = await SiteAsync();
        using var admin = tenant.Admin();
        var welcome = new string('w', length) + extra;

        using var response = await admin.SendJsonAsync(HttpMethod.Post, Url,
            new JsonObject { ["id"] = "web", ["queueId"] = "chat", ["allowedOrigins"] = new JsonArray("https://shop.example"), ["welcome"] = welcome }.ToJsonString());

        Problem.AssertFields(await Problem.AssertAsync(response, HttpStatusCode.UnprocessableEntity), "welcome");
        Assert.Empty((await admin.GetOkJsonAsync(Url)).Items());
    }

    [Fact]
    public async Task A_welcome_of_a_thousand_characters_with_line_breaks_and_tabs_is_kept()
    {
        var tenant = await SiteAsync();
        using var admin = tenant.Admin();
        var welcome = "Ciao!\r\n\t" + new string('w', 992);
        Assert.Equal(1_000, welcome.Length);

        var created = await admin.CreateEntryPointAsync(
            new JsonObject { ["id"] = "web", ["queueId"] = "chat", ["allowedOrigins"] = new JsonArray("https://shop.example"), ["welcome"] = welcome }.ToJsonString());

        Assert.Equal(welcome, created.Text("welcome"));
    }

    [Theory]
    [InlineData("""{"queueId":"chat","allowedOrigins":["https://shop.example"]}""", "id")]
    [InlineData("""{"id":"not an id","queueId":"chat","allowedOrigins":["https://shop.example"]}""", "id")]
    [InlineData("""{"id":"web","allowedOrigins":["https://shop.example"]}""", "queueId")]
    [InlineData("""{"id":"web","queueId":"bad queue","allowedOrigins":["https://shop.example"]}""", "queueId")]
    [InlineData("""{"id":"web","queueId":"chat"}""", "allowedOrigins")]
    public async Task Missing_or_malformed_fields_are_422_naming_them(string json, string field)
    {
        var tenant = await SiteAsync();
        using var admin = tenant.Admin();

        using var response = await admin.SendJsonAsync(HttpMethod.Post, Url, json);

        Problem.AssertFields(await Problem.AssertAsync(response, HttpStatusCode.UnprocessableEntity), field);
        Assert.Empty((await admin.GetOkJsonAsync(Url)).Items());
    }

    [Fact]
    public async Task An_unknown_field_is_400_naming_it()
    {
        var tenant = await SiteAsync();
        using var admin = tenant.Admin();
        await admin.CreateEntryPointAsync(PublicChatTestExtensions.EntryPoint("web", "chat"));
        var before = (await admin.GetOkJsonAsync(Url)).ToJsonString();

        using (var create = await admin.SendJsonAsync(HttpMethod.Post, Url, """{"id":"app","queueId":"chat","allowedOrigins":["https://shop.example"],"origins":["https://x.example"]}"""))
        {
            Problem.AssertFields(await Problem.AssertAsync(create, HttpStatusCode.BadRequest), "origins");
        }

        using (var replace = await admin.SendJsonAsync(HttpMethod.Put, $"{Url}/web", """{"id":"web","queueId":"chat","allowedOrigins":["https://shop.example"]}"""))
        {
            Problem.AssertFields(await Problem.AssertAsync(replace, HttpStatusCode.BadRequest), "id");
        }

        Assert.Equal(before, (await admin.GetOkJsonAsync(Url)).ToJsonString());
    }

    [Fact]
    public async Task List_get_replace_and_delete()
    {
        var tenant = await SiteAsync();
        using var admin = tenant.Admin();
        var web = await admin.CreateEntryPointAsync(PublicChatTestExtensions.EntryPoint("web", "chat"));
        var app = await admin.CreateEntryPointAsync("""{"id":"app","queueId":"chat","allowedOrigins":["https://app.example"]}""");

        // By id.
        var list = await admin.GetOkJsonAsync(Url);
        Assert.Equal(["app", "web"], list.Items().Select(e => e!.Text("id")));
        Assert.Equal(app.ToJsonString(), list.Items()[0]!.ToJsonString());
        Assert.Equal(web.ToJsonString(), list.Items()[1]!.ToJsonString());
        Assert.Equal(["items"], list.AsObject().Select(p => p.Key));

        // Replaced as a whole: the welcome goes when not given.
        JsonNode replaced;
        using (var put = await admin.SendJsonAsync(HttpMethod.Put, $"{Url}/web", """{"queueId":"chat2","allowedOrigins":["https://www.shop.example","https://shop.example"]}"""))
        {
            replaced = await put.ReadJsonAsync();
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        Assert.Equal("web", replaced.Text("id"));
        Assert.Equal("chat2", replaced.Text("queueId"));
        Assert.Equal(["https://www.shop.example", "https://shop.example"], replaced.Strings("allowedOrigins"));
        Assert.Null(replaced["welcome"]);
        Assert.Equal(web.Time("createdAt"), replaced.Time("createdAt"));
        Assert.Equal(replaced.ToJsonString(), (await admin.GetOkJsonAsync($"{Url}/web")).ToJsonString());

        // The same again changes nothing.
        using (var same = await admin.SendJsonAsync(HttpMethod.Put, $"{Url}/web", """{"queueId":"chat2","allowedOrigins":["https://www.shop.example","https://shop.example"]}"""))
        {
            Assert.Equal(HttpStatusCode.OK, same.StatusCode);
            Assert.Equal(replaced.ToJsonString(), (await same.ReadJsonAsync()).ToJsonString());
        }

        using (var badOrigin = await admin.SendJsonAsync(HttpMethod.Put, $"{Url}/web", """{"queueId":"chat","allowedOrigins":["https://shop.example","https://shop.example/"]}"""))
        {
            Problem.AssertFields(await Problem.AssertAsync(badOrigin, HttpStatusCode.UnprocessableEntity), "allowedOrigins[1]");
        }

        using (var unknown = await admin.SendJsonAsync(HttpMethod.Put, $"{Url}/nope", """{"queueId":"chat","allowedOrigins":["https://shop.example"]}"""))
        {
            Assert.Contains("'nope'", Problem.Detail(await Problem.AssertAsync(unknown, HttpStatusCode.NotFound)), StringComparison.Ordinal);
        }

        using (var getUnknown = await admin.GetResponseAsync($"{Url}/nope"))
        {
            await Problem.AssertAsync(getUnknown, HttpStatusCode.NotFound);
        }

        using (var malformed = await admin.GetResponseAsync($"{Url}/bad%20id"))
        {
            Assert.Contains("chat entry point id", Problem.Detail(await Problem.AssertAsync(malformed, HttpStatusCode.BadRequest)), StringComparison.Ordinal);
        }

        Assert.Equal(replaced.ToJsonString(), (await admin.GetOkJsonAsync($"{Url}/web")).ToJsonString());

        // Deleted: 204, then it is gone and a second delete is 404.
        using (var deleted = await admin.DeleteResponseAsync($"{Url}/web"))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
            Assert.Equal(0, deleted.Content.Headers.ContentLength ?? 0);
        }

        using (var gone = await admin.GetResponseAsync($"{Url}/web"))
        {
            await Problem.AssertAsync(gone, HttpStatusCode.NotFound);
        }

        using (var again = await admin.DeleteResponseAsync($"{Url}/web"))
        {
            await Problem.AssertAsync(again, HttpStatusCode.NotFound);
        }

        using (var putGone = await admin.SendJsonAsync(HttpMethod.Put, $"{Url}/web", """{"queueId":"chat","allowedOrigins":["https://shop.example"]}"""))
        {
            await Problem.AssertAsync(putGone, HttpStatusCode.NotFound);
        }

        Assert.Equal(["app"], (await admin.GetOkJsonAsync(Url)).Items().Select(e => e!.Text("id")));

        // Deleted, the id may be created anew, with other settings.
        var recreated = await admin.CreateEntryPointAsync("""{"id":"web","queueId":"chat2","allowedOrigins":["https://new.example"]}""");
        Assert.Equal(["https://new.example"], recreated.Strings("allowedOrigins"));
    }

    [Fact]
    public async Task Admins_write_supervisors_and_integrations_read_agents_and_strangers_do_neither_and_refusals_change_nothing()
    {
        var tenant = await SiteAsync();
        await tenant.CreateAgentAsync("a1");
        using var admin = tenant.Admin();
        await admin.CreateEntryPointAsync(PublicChatTestExtensions.EntryPoint("web", "chat"));
        var before = (await admin.GetOkJsonAsync(Url)).ToJsonString();
        var other = await factory.CreateTenantAsync();

        using var supervisor = factory.ClientWith((await tenant.IssueKeyAsync("supervisor")).Key);
        using var integration = factory.ClientWith((await tenant.IssueKeyAsync("integration")).Key);
        using var agent = factory.ClientWith((await tenant.IssueKeyAsync("agent", "a1")).Key);
        using var anonymous = factory.ClientWith(null);
        using var operatorClient = factory.ClientWith(SwitchboardApiFactory.OperatorKey);
        using var otherAdmin = other.Admin();

        // Readers.
        foreach (var reader in new[] { supervisor, integration })
        {
            Assert.Equal(before, (await reader.GetOkJsonAsync(Url)).ToJsonString());
            Assert.Equal("web", (await reader.GetOkJsonAsync($"{Url}/web")).Text("id"));
        }

        foreach (var url in new[] { Url, $"{Url}/web" })
        {
            using (var byAgent = await agent.GetResponseAsync(url))
            {
                await Problem.AssertAsync(byAgent, HttpStatusCode.Forbidden);
            }

            using (var byOperator = await operatorClient.GetResponseAsync(url))
            {
                await Problem.AssertAsync(byOperator, HttpStatusCode.Forbidden);
            }

            using (var byNobody = await anonymous.GetResponseAsync(url))
            {
                await Problem.AssertAsync(byNobody, HttpStatusCode.Unauthorized);
            }
        }

        // Another tenant's admin sees its own (none).
        Assert.Empty((await otherAdmin.GetOkJsonAsync(Url)).Items());
        using (var elsewhere = await otherAdmin.GetResponseAsync($"{Url}/web"))
        {
            await Problem.AssertAsync(elsewhere, HttpStatusCode.NotFound);
        }

        // Writers: admins only.
        var writes = new (HttpMethod Method, string Url, string? Json)[]
        {
            (HttpMethod.Post, Url, PublicChatTestExtensions.EntryPoint("app", "chat")),
            (HttpMethod.Post, Url, PublicChatTestExtensions.EntryPoint("web", "chat", "Altro")),
            (HttpMethod.Put, $"{Url}/web", """{"queueId":"chat","allowedOrigins":["https://evil.example"]}"""),
            (HttpMethod.Delete, $"{Url}/web", null),
        };
        foreach (var (method, url, json) in writes)
        {
            foreach (var client in new[] { supervisor, integration, agent, operatorClient })
            {
                using var refused = await client.SendJsonAsync(method, url, json);
                await Problem.AssertAsync(refused, HttpStatusCode.Forbidden);
            }

            using (var byNobody = await anonymous.SendJsonAsync(method, url, json))
            {
                await Problem.AssertAsync(byNobody, HttpStatusCode.Unauthorized);
            }

        }

        // Another tenant's admin writes in its own tenant, which has no entry point 'web'.
        using (var putElsewhere = await otherAdmin.SendJsonAsync(HttpMethod.Put, $"{Url}/web", """{"queueId":"chat","allowedOrigins":["https://evil.example"]}"""))
        {
            await Problem.AssertAsync(putElsewhere, HttpStatusCode.NotFound);
        }

        using (var deleteElsewhere = await otherAdmin.DeleteResponseAsync($"{Url}/web"))
        {
            await Problem.AssertAsync(deleteElsewhere, HttpStatusCode.NotFound);
        }

        Assert.Equal(before, (await admin.GetOkJsonAsync(Url)).ToJsonString());
        Assert.Empty((await otherAdmin.GetOkJsonAsync(Url)).Items());
    }

    [Fact]
    public async Task A_tenant_has_at_most_a_hundred_entry_points()
    {
        var tenant = await SiteAsync();
        using var admin = tenant.Admin();
        for (var i = 0; i < 100; i++)
        {
            await admin.CreateEntryPointAsync($$"""{"id":"ep{{i:D3}}","queueId":"chat","allowedOrigins":["https://shop.example"]}""");
        }

        using (var tooMany = await admin.SendJsonAsync(HttpMethod.Post, Url, """{"id":"ep100","queueId":"chat","allowedOrigins":["https://shop.example"]}"""))
        {
            Assert.Contains("at most 100", Problem.Detail(await Problem.AssertAsync(tooMany, HttpStatusCode.Conflict)), StringComparison.Ordinal);
        }

        // An existing one repeated is still 200.
        using (var again = await admin.SendJsonAsync(HttpMethod.Post, Url, """{"id":"ep042","queueId":"chat","allowedOrigins":["https://shop.example"]}"""))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        }

        var list = await admin.GetOkJsonAsync(Url);
        Assert.Equal(Enumerable.Range(0, 100).Select(i => $"ep{i:D3}"), list.Items().Select(e => e!.Text("id")));
    }

    /// <summary>A tenant with chat queues chat and chat2 and a voice queue.</summary>
    private async Task<TestTenant> SiteAsync()
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = tenant.Admin();
        await admin.CreatePlainChatQueueAsync("chat");
        await admin.CreatePlainChatQueueAsync("chat2");
        await tenant.CreateQueueAsync("voice");
        return tenant;
    }

    private static string WithOrigins(string id, int count) =>
        new JsonObject
        {
            ["id"] = id,
            ["queueId"] = "chat",
            ["allowedOrigins"] = new JsonArray([.. Enumerable.Range(1, count).Select(i => (JsonNode)$"https://s{i}.example")]),
        }.ToJsonString();
}
