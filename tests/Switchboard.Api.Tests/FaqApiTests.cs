using System.Net;
using System.Text.Json.Nodes;
using Switchboard.Api.Tests.Support;

namespace Switchboard.Api.Tests;

/// <summary>The knowledge base over HTTP: articles written by admins and supervisors, read and searched by every key.</summary>
public sealed class FaqApiTests(SwitchboardApiFactory factory)
{
    private const string Password = """{"id":"reset-password","title":"Ho dimenticato la password","body":"Apri la pagina di accesso e scegli 'Password dimenticata': ricevi via email un link per crearne una nuova.","link":"https://help.example/it/password","tags":["account"],"language":"it"}""";
    private const string Order = """{"id":"order-late","title":"Il mio ordine non è arrivato","body":"Controlla lo stato della spedizione nella pagina Ordini. Se il corriere non consegna entro cinque giorni lavorativi, apriamo una segnalazione.","tags":["shipping"],"language":"it"}""";
    private const string Refund = """{"id":"refund","title":"How to request a refund","body":"Refunds are issued to the original payment method within ten days of the returned item reaching our warehouse.","tags":["billing","returns"],"language":"en"}""";
    private const string Invoice = """{"id":"invoice","title":"Where to find your invoices","body":"Every invoice is in your account under Billing, as a PDF you can download.","tags":["billing"],"language":"en"}""";

    private async Task<TestTenant> KnowledgeBaseAsync()
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = tenant.Admin();
        foreach (var body in new[] { Password, Order, Refund, Invoice })
        {
            using var created = await admin.SendJsonAsync(HttpMethod.Post, "/v1/faqs", body);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        return tenant;
    }

    [Fact]
    public async Task An_article_is_created_read_replaced_and_deleted()
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = tenant.Admin();

        using var created = await admin.SendJsonAsync(HttpMethod.Post, "/v1/faqs", Password);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/v1/faqs/reset-password", created.Headers.Location!.OriginalString);
        var article = await created.ReadJsonAsync();
        Assert.Equal(
            JsonNode.Parse($$"""{"id":"reset-password","title":"Ho dimenticato la password","body":"Apri la pagina di accesso e scegli 'Password dimenticata': ricevi via email un link per crearne una nuova.","link":"https://help.example/it/password","tags":["account"],"language":"it","updatedAt":"{{factory.Clock.GetUtcNow():yyyy-MM-ddTHH:mm:ssK}}","score":null,"highlights":null}""")!.ToJsonString(),
            Normalized(article));
        Assert.Equal(article.ToJsonString(), (await admin.GetOkJsonAsync("/v1/faqs/reset-password")).ToJsonString());

        using (var replaced = await admin.SendJsonAsync(HttpMethod.Put, "/v1/faqs/reset-password", """{"title":"Password persa","body":"Scrivi al supporto.","tags":[],"language":"it"}"""))
        {
            Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        }

        var read = await admin.GetOkJsonAsync("/v1/faqs/reset-password");
        Assert.Equal(("Password persa", "Scrivi al supporto.", null, 0), (read.Text("title"), read.Text("body"), read.TextOrNull("link"), read["tags"]!.AsArray().Count));

        using (var deleted = await admin.DeleteResponseAsync("/v1/faqs/reset-password"))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        foreach (var (method, body) in new[] { (HttpMethod.Get, (string?)null), (HttpMethod.Delete, null), (HttpMethod.Put, """{"title":"T","body":"B","language":"en"}""") })
        {
            using var gone = await admin.SendJsonAsync(method, "/v1/faqs/reset-password", body);
            Assert.Contains("reset-password", Problem.Detail(await Problem.AssertAsync(gone, HttpStatusCode.NotFound)), StringComparison.Ordinal);
        }

        Assert.Empty((await admin.GetOkJsonAsync("/v1/faqs")).Items());
    }

    [Fact]
    public async Task A_taken_id_is_a_409_that_changes_nothing_and_an_article_without_id_gets_one()
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = tenant.Admin();
        using (var first = await admin.SendJsonAsync(HttpMethod.Post, "/v1/faqs", Password))
        {
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        }

        using var again = await admin.SendJsonAsync(HttpMethod.Post, "/v1/faqs", """{"id":"reset-password","title":"Other","body":"Other","language":"en"}""");
        await Problem.AssertAsync(again, HttpStatusCode.Conflict);
        Assert.Equal("Ho dimenticato la password", (await admin.GetOkJsonAsync("/v1/faqs/reset-password")).Text("title"));

        using var generated = await admin.SendJsonAsync(HttpMethod.Post, "/v1/faqs", """{"title":"Opening hours","body":"Monday to Friday, 8:00-20:00.","language":"en"}""");
        Assert.Equal(HttpStatusCode.Created, generated.StatusCode);
        var id = (await generated.ReadJsonAsync()).Text("id");
        Assert.Matches("^faq-[0-9a-f]{16}$", id);
        Assert.Equal("Opening hours", (await admin.GetOkJsonAsync($"/v1/faqs/{id}")).Text("title"));
    }

    public static TheoryData<string, string[]> BadArticles => new()
    {
        { """{"body":"B","language":"it"}""", ["title"] },
        { """{"title":"","body":"B","language":"it"}""", ["title"] },
        { """{"title":"two\nlines","body":"B","language":"it"}""", ["title"] },
        { $$$"""{"title":"{{{new string('t', 201)}}}","body":"B","language":"it"}""", ["title"] },
        { """{"title":"T","language":"it"}""", ["body"] },
        { $$$"""{"title":"T","body":"{{{new string('b', 8_001)}}}","language":"it"}""", ["body"] },
        { """{"title":"T","body":"bell\u0007","language":"it"}""", ["body"] },
        { """{"title":"T","body":"B","language":"de"}""", ["language"] },
        { """{"title":"T","body":"B"}""", ["language"] },
        { """{"title":"T","body":"B","language":"it","link":"javascript:alert(1)"}""", ["link"] },
        { """{"title":"T","body":"B","language":"it","link":"/relative"}""", ["link"] },
        { """{"title":"T","body":"B","language":"it","tags":["Billing"]}""", ["tags"] },
        { """{"title":"T","body":"B","language":"it","tags":["a","a"]}""", ["tags"] },
        { $$$"""{"title":"T","body":"B","language":"it","tags":[{{{string.Join(",", Enumerable.Range(0, 21).Select(i => $"\"t{i}\""))}}}]}""", ["tags"] },
        { """{"id":"no spaces","title":"T","body":"B","language":"it"}""", ["id"] },
        { """{"id":"a/b","title":"","body":"","language":"xx"}""", ["id", "title", "body", "language"] },
    };

    [Theory]
    [MemberData(nameof(BadArticles))]
    public async Task An_article_that_breaks_a_rule_is_a_422_naming_the_fields_and_nothing_is_stored(string body, string[] fields)
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = tenant.Admin();

        using var response = await admin.SendJsonAsync(HttpMethod.Post, "/v1/faqs", body);

        Problem.AssertFields(await Problem.AssertAsync(response, HttpStatusCode.UnprocessableEntity), fields);
        Assert.Empty((await admin.GetOkJsonAsync("/v1/faqs")).Items());
    }

    [Theory]
    [InlineData("""{"title":"T","body":"B","language":"it","tags":"billing"}""")]
    [InlineData("""{"title":"T","body":"B","language":"it","answer":"unknown field"}""")]
    [InlineData("""{"Title":"T","body":"B","language":"it"}""")]
    [InlineData("""{"title":42,"body":"B","language":"it"}""")]
    [InlineData("""{"title":"T",""")]
    [InlineData("")]
    public async Task A_malformed_article_is_a_400_and_nothing_is_stored(string body)
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = tenant.Admin();

        using var response = await admin.SendJsonAsync(HttpMethod.Post, "/v1/faqs", body);

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest);
        Assert.Empty((await admin.GetOkJsonAsync("/v1/faqs")).Items());
    }

    [Fact]
    public async Task A_replacement_that_breaks_a_rule_is_a_422_and_the_article_stays_as_it_was()
    {
        var tenant = await KnowledgeBaseAsync();
        using var admin = tenant.Admin();
        var before = (await admin.GetOkJsonAsync("/v1/faqs/refund")).ToJsonString();

        using var response = await admin.SendJsonAsync(HttpMethod.Put, "/v1/faqs/refund", """{"title":"","body":"B","language":"en"}""");

        Problem.AssertFields(await Problem.AssertAsync(response, HttpStatusCode.UnprocessableEntity), "title");
        Assert.Equal(before, (await admin.GetOkJsonAsync("/v1/faqs/refund")).ToJsonString());
    }

    [Fact]
    public async Task A_malformed_id_in_the_path_is_a_400()
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = tenant.Admin();

        using var response = await admin.GetResponseAsync("/v1/faqs/bad%20id");

        Assert.Contains("FAQ article id", Problem.Detail(await Problem.AssertAsync(response, HttpStatusCode.BadRequest)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_key_reads_and_searches_but_only_admins_and_supervisors_write()
    {
        var tenant = await KnowledgeBaseAsync();
        await tenant.CreateAgentAsync("a1");
        var (_, agentKey) = await tenant.IssueKeyAsync("agent", "a1");
        var (_, integrationKey) = await tenant.IssueKeyAsync("integration");
        var (_, supervisorKey) = await tenant.IssueKeyAsync("supervisor");

        foreach (var key in new[] { agentKey, integrationKey })
        {
            using var reader = factory.ClientWith(key);
            Assert.Equal("refund", (await reader.GetOkJsonAsync("/v1/faqs/refund")).Text("id"));
            Assert.Equal("refund", (await reader.GetOkJsonAsync("/v1/faqs?q=refunds")).Items()[0]!.Text("id"));
            foreach (var (method, url, body) in new[]
            {
                (HttpMethod.Post, "/v1/faqs", """{"title":"T","body":"B","language":"en"}"""),
                (HttpMethod.Put, "/v1/faqs/refund", """{"title":"T","body":"B","language":"en"}"""),
                (HttpMethod.Delete, "/v1/faqs/refund", (string?)null),
            })
            {
                using var refused = await reader.SendJsonAsync(method, url, body);
                await Problem.AssertAsync(refused, HttpStatusCode.Forbidden);
            }
        }

        using var supervisor = factory.ClientWith(supervisorKey);
        using var written = await supervisor.SendJsonAsync(HttpMethod.Put, "/v1/faqs/refund", """{"title":"Refunds","body":"Ten days.","language":"en"}""");
        Assert.Equal(HttpStatusCode.OK, written.StatusCode);
        Assert.Equal(4, (await supervisor.GetOkJsonAsync("/v1/faqs")).Items().Count);
    }

    [Fact]
    public async Task Search_matches_by_stem_in_the_articles_language_ranks_and_says_where_it_matched()
    {
        var tenant = await KnowledgeBaseAsync();
        using var admin = tenant.Admin();

        var found = await admin.GetOkJsonAsync("/v1/faqs?q=password%20dimenticata&language=it&limit=10");

        var first = found.Items()[0]!;
        Assert.Equal("reset-password", first.Text("id"));
        Assert.Null(found["nextCursor"]?.GetValue<string>());
        Assert.True(first["score"]!.GetValue<double>() > 0);
        var title = first.Text("title");
        var matched = first["highlights"]!["title"]!.AsArray().Select(m => title.Substring((int)m!.Number("start"), (int)m!.Number("length"))).ToList();
        Assert.Contains("password", matched);
        Assert.Contains("dimenticato", matched);
        var snippet = first["highlights"]!.Text("snippet");
        Assert.All(first["highlights"]!["snippetMatches"]!.AsArray(), m =>
            Assert.Contains(snippet.Substring((int)m!.Number("start"), (int)m!.Number("length")).ToLowerInvariant(), new[] { "password", "dimenticata" }));
        Assert.All(found.Items(), item => Assert.Equal("it", item!.Text("language")));

        Assert.Equal("order-late", (await admin.GetOkJsonAsync("/v1/faqs?q=ordini%20non%20arrivati")).Items()[0]!.Text("id"));
        Assert.Equal("refund", (await admin.GetOkJsonAsync("/v1/faqs?q=refnds")).Items()[0]!.Text("id")); // one typo
        Assert.Empty((await admin.GetOkJsonAsync("/v1/faqs?q=refunds&language=it")).Items());
    }

    [Fact]
    public async Task Tags_and_language_filter_lists_and_searches_and_a_list_pages_by_id()
    {
        var tenant = await KnowledgeBaseAsync();
        using var admin = tenant.Admin();

        Assert.Equal(["invoice", "refund"], Ids(await admin.GetOkJsonAsync("/v1/faqs?tag=billing")));
        Assert.Equal(["refund"], Ids(await admin.GetOkJsonAsync("/v1/faqs?tag=billing&tag=returns")));
        Assert.Equal(["order-late", "reset-password"], Ids(await admin.GetOkJsonAsync("/v1/faqs?language=it")));
        Assert.Equal(["invoice"], Ids(await admin.GetOkJsonAsync("/v1/faqs?q=invoices%20billing&tag=billing&limit=1")));

        var first = await admin.GetOkJsonAsync("/v1/faqs?limit=3");
        Assert.Equal(["invoice", "order-late", "refund"], Ids(first));
        var second = await admin.GetOkJsonAsync($"/v1/faqs?limit=3&cursor={first.Text("nextCursor")}");
        Assert.Equal(["reset-password"], Ids(second));
        Assert.Null(second["nextCursor"]?.GetValue<string>());
    }

    [Fact]
    public async Task Searches_see_a_replacement_and_a_deletion_at_once_and_never_another_tenants_articles()
    {
        var tenant = await KnowledgeBaseAsync();
        var other = await factory.CreateTenantAsync();
        using var admin = tenant.Admin();
        using var otherAdmin = other.Admin();

        Assert.Empty((await otherAdmin.GetOkJsonAsync("/v1/faqs?q=refund")).Items());
        using (var replaced = await admin.SendJsonAsync(HttpMethod.Put, "/v1/faqs/refund", """{"title":"Money back","body":"Returned items are paid back within ten days.","language":"en"}"""))
        {
            Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        }

        Assert.Empty((await admin.GetOkJsonAsync("/v1/faqs?q=refund")).Items());
        Assert.Equal(["refund"], Ids(await admin.GetOkJsonAsync("/v1/faqs?q=money%20back")));
        using (var deleted = await admin.DeleteResponseAsync("/v1/faqs/refund"))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        Assert.Empty((await admin.GetOkJsonAsync("/v1/faqs?q=money%20back")).Items());
    }

    [Theory]
    [InlineData("/v1/faqs?language=de", "language")]
    [InlineData("/v1/faqs?tag=Bad%20Tag", "tag")]
    [InlineData("/v1/faqs?limit=0", "limit")]
    [InlineData("/v1/faqs?cursor=nonsense", "cursor")]
    [InlineData("/v1/faqs?q=refund&limit=101", "limit")]
    [InlineData("/v1/faqs?q=refund&cursor=abc", "cursor")]
    [InlineData("/v1/faqs?q=", "q")]
    [InlineData("/v1/faqs?q=bell%07", "q")]
    [InlineData("/v1/faqs?language=IT", "language")]
    [InlineData("/v1/faqs?tag=Billing", "tag")]
    [InlineData("/v1/faqs?tag=billing&tag=billing", "tag")]
    [InlineData("/v1/faqs?limit=201", "limit")]
    [InlineData("/v1/faqs?q=refund&language=IT", "language")]
    public async Task A_bad_list_or_search_is_a_400_naming_the_parameter(string url, string field)
        => await AssertBadQueryAsync(url, field);

    [Fact]
    public async Task Too_many_tags_or_too_long_a_query_is_a_400()
    {
        await AssertBadQueryAsync("/v1/faqs?" + string.Join("&", Enumerable.Range(0, Domain.Knowledge.FaqRules.MaxTags + 1).Select(i => $"tag=t{i}")), "tag");
        await AssertBadQueryAsync("/v1/faqs?q=" + new string('q', Domain.Knowledge.FaqRules.MaxQueryLength + 1), "q");
    }

    private async Task AssertBadQueryAsync(string url, string field)
    {
        var tenant = await KnowledgeBaseAsync();
        using var admin = tenant.Admin();

        using var response = await admin.GetResponseAsync(url);

        Problem.AssertFields(await Problem.AssertAsync(response, HttpStatusCode.BadRequest), field);
    }

    [Theory]
    [InlineData("\"(password:*) AND OR NOT \\\\", new[] { "reset-password" })]
    [InlineData("il la di", new string[0])]
    [InlineData("?", new string[0])]
    [InlineData("password~2 pass* title:refund", new[] { "reset-password" })]
    public async Task Query_syntax_and_stop_words_are_only_text(string q, string[] expected)
    {
        var tenant = await KnowledgeBaseAsync();
        using var admin = tenant.Admin();

        var found = await admin.GetOkJsonAsync("/v1/faqs?q=" + Uri.EscapeDataString(q));

        Assert.Equal(expected, Ids(found));
    }

    [Fact]
    public async Task The_longest_body_of_any_characters_fits_the_request_limit_even_escaped()
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = tenant.Admin();
        var body = string.Concat(Enumerable.Repeat("\\u20ac", Domain.Knowledge.FaqRules.MaxBodyLength)); // € as \u20ac: 6 bytes each

        using var created = await admin.SendJsonAsync(HttpMethod.Post, "/v1/faqs",
            $$"""{"id":"euro","title":"{{new string('t', Domain.Knowledge.FaqRules.MaxTitleLength)}}","body":"{{body}}","link":"https://help.example/{{new string('l', 1_900)}}","tags":[{{string.Join(",", Enumerable.Range(0, Domain.Knowledge.FaqRules.MaxTags).Select(i => $"\"tag-{i}\""))}}],"language":"en"}""");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(new string('€', Domain.Knowledge.FaqRules.MaxBodyLength), (await admin.GetOkJsonAsync("/v1/faqs/euro")).Text("body"));
    }

    private static List<string> Ids(JsonNode page) => [.. page.Items().Select(i => i!.Text("id"))];

    /// <summary>The article as JSON with its time cut to whole seconds, as the expected text writes it.</summary>
    private static string Normalized(JsonNode article)
    {
        var copy = article.DeepClone();
        copy["updatedAt"] = article.Time("updatedAt").ToString("yyyy-MM-ddTHH:mm:ssK", System.Globalization.CultureInfo.InvariantCulture);
        return copy.ToJsonString();
    }
}
