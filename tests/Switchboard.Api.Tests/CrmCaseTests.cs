using System.Net;
using System.Text.Json.Nodes;
using Switchboard.Api.Tests.Support;

namespace Switchboard.Api.Tests;

/// <summary>
/// The local CRM's cases: numbered per tenant, about a customer, changed with every change in the history (who, when,
/// what), notes from every key, lists by customer, status and assignee newest first; bad input; who may write. In the
/// clock collection: it moves the business clock to see times change.
/// </summary>
[Collection(ClockCollection.Name)]
public sealed class CrmCaseTests(SwitchboardApiFactory factory)
{
    private const string Url = "/v1/crm/cases";

    [Fact]
    public async Task A_case_is_opened_changed_noted_and_keeps_its_history()
    {
        var (tenant, agentKey) = await CrmAsync();
        using var admin = tenant.Admin();
        using var agent = factory.ClientWith(agentKey);

        JsonNode opened;
        using (var response = await admin.SendJsonAsync(HttpMethod.Post, Url, """{"subject":"Ordine 12345 non consegnato","customerId":"maria"}"""))
        {
            opened = await response.ReadJsonAsync();
            Assert.True(response.StatusCode == HttpStatusCode.Created, opened.ToJsonString());
            Assert.Equal("/v1/crm/cases/1", response.Headers.Location?.OriginalString);
        }

        Assert.Equal(["id", "customerId", "subject", "status", "priority", "assigneeAgentId", "interactions", "notes", "changes", "createdAt", "updatedAt"], opened.AsObject().Select(p => p.Key));
        Assert.Equal(("1", "maria", "open", "normal"), (opened.Text("id"), opened.Text("customerId"), opened.Text("status"), opened.Text("priority")));
        Assert.Null(opened["assigneeAgentId"]);
        Assert.Empty(opened["interactions"]!.AsArray());
        Assert.Equal("2", (await OpenOkAsync(admin, """{"subject":"Fattura errata","customerId":"maria","priority":"low"}""")).Text("id"));

        // Changed by a supervisor-like key: each field that changes is in the history, with who and when.
        factory.Clock.Advance(TimeSpan.FromMinutes(5));
        var changed = await PatchOkAsync(admin, "1", """{"status":"pending","priority":"urgent","assigneeAgentId":"a1","subject":"Ordine 12345 non consegnato"}""");
        Assert.Equal(("pending", "urgent", "a1", 4L), (changed.Text("status"), changed.Text("priority"), changed.Text("assigneeAgentId"), changed.Number("changes")));
        Assert.Equal(factory.Clock.GetUtcNow(), changed.Time("updatedAt"));
        var unchanged = await PatchOkAsync(admin, "1", """{"status":"pending"}""");
        Assert.Equal(4, unchanged.Number("changes"));
        await PatchOkAsync(admin, "1", """{"assigneeAgentId":""}""");

        var history = await agent.GetOkJsonAsync($"{Url}/1/history");
        Assert.Equal(
            ["created  ", "status open pending", "priority normal urgent", "assigneeAgentId  a1", "assigneeAgentId a1 "],
            history.Items().Select(e => $"{e!.Text("field")} {e!["from"]?.GetValue<string>()} {e!["to"]?.GetValue<string>()}"));
        Assert.Equal([1L, 2, 3, 4, 5], history.Items().Select(e => e!.Number("sequence")));
        Assert.All(history.Items(), e => Assert.StartsWith("api:", e!.Text("actor"), StringComparison.Ordinal));

        // An agent writes notes; everyone reads them, oldest first, a page at a time.
        foreach (var i in Enumerable.Range(1, 3))
        {
            using var note = await agent.SendJsonAsync(HttpMethod.Post, $"{Url}/1/notes", new JsonObject { ["text"] = $"Nota {i}\nriga due" }.ToJsonString());
            var body = await note.ReadJsonAsync();
            Assert.True(note.StatusCode == HttpStatusCode.Created, body.ToJsonString());
            Assert.Equal((i, "agent:a1", $"Nota {i}\nriga due"), (body.Number("sequence"), body.Text("author"), body.Text("text")));
        }

        var first = await admin.GetOkJsonAsync($"{Url}/1/notes?limit=2");
        Assert.Equal([1L, 2], first.Items().Select(n => n!.Number("sequence")));
        var rest = await admin.GetOkJsonAsync($"{Url}/1/notes?limit=2&cursor={Uri.EscapeDataString(first.Text("nextCursor"))}");
        Assert.Equal([3L], rest.Items().Select(n => n!.Number("sequence")));
        Assert.Null(rest["nextCursor"]);
        Assert.Equal(3, (await agent.GetOkJsonAsync($"{Url}/1")).Number("notes"));
    }

    [Fact]
    public async Task Cases_are_listed_newest_first_by_customer_status_and_assignee()
    {
        var (tenant, _) = await CrmAsync();
        using var admin = tenant.Admin();
        await admin.PostAsync("/v1/crm/customers", """{"id":"luca","name":"Luca Verdi"}""", HttpStatusCode.Created);
        await OpenOkAsync(admin, """{"subject":"Uno","customerId":"maria","assigneeAgentId":"a1"}""");
        await OpenOkAsync(admin, """{"subject":"Due","customerId":"luca","status":"solved"}""");
        await OpenOkAsync(admin, """{"subject":"Tre","customerId":"maria","status":"pending","assigneeAgentId":"a1"}""");
        await OpenOkAsync(admin, """{"subject":"Quattro","customerId":"maria","status":"closed"}""");

        Assert.Equal(["4", "3", "2", "1"], await AllIdsAsync(admin, Url + "?limit=1"));
        Assert.Equal(["4", "3", "1"], await AllIdsAsync(admin, Url + "?customerId=maria&limit=2"));
        Assert.Equal(["3", "1"], await AllIdsAsync(admin, Url + "?assigneeAgentId=a1"));
        Assert.Equal(["3"], await AllIdsAsync(admin, Url + "?customerId=maria&status=pending&assigneeAgentId=a1"));
        Assert.Equal(["2"], await AllIdsAsync(admin, Url + "?status=solved"));
        Assert.Empty(await AllIdsAsync(admin, Url + "?customerId=nobody"));
    }

    [Theory]
    [InlineData("""{"customerId":"maria"}""", "subject")]
    [InlineData("""{"subject":"  ","customerId":"maria"}""", "subject")]
    [InlineData("""{"subject":"X"}""", "customerId")]
    [InlineData("""{"subject":"X","customerId":"nobody"}""", "customerId")]
    [InlineData("""{"subject":"X","customerId":"bad id!"}""", "customerId")]
    [InlineData("""{"subject":"X","customerId":"maria","assigneeAgentId":"ghost"}""", "assigneeAgentId")]
    public async Task Bad_cases_are_refused_naming_the_field(string json, string field)
    {
        var (tenant, _) = await CrmAsync();
        using var admin = tenant.Admin();
        using var response = await admin.SendJsonAsync(HttpMethod.Post, Url, json);
        Problem.AssertFields(await Problem.AssertAsync(response, HttpStatusCode.UnprocessableEntity), field);
        Assert.Empty((await admin.GetOkJsonAsync(Url)).Items());
    }

    [Theory]
    [InlineData(Verb.Post, "", """{"subject":"X","customerId":"maria","status":"reopened"}""", HttpStatusCode.BadRequest)]
    [InlineData(Verb.Post, "", """{"subject":"X","customerId":"maria","priority":2}""", HttpStatusCode.BadRequest)]
    [InlineData(Verb.Patch, "/1", """{"status":"done"}""", HttpStatusCode.BadRequest)]
    [InlineData(Verb.Patch, "/1", """{"subject":""}""", HttpStatusCode.UnprocessableEntity)]
    [InlineData(Verb.Patch, "/1", """{"assigneeAgentId":"ghost"}""", HttpStatusCode.UnprocessableEntity)]
    [InlineData(Verb.Post, "/1/notes", """{"text":""}""", HttpStatusCode.UnprocessableEntity)]
    [InlineData(Verb.Post, "/1/notes", """{"text":"a\u0000b"}""", HttpStatusCode.UnprocessableEntity)]
    [InlineData(Verb.Get, "?status=reopened", null, HttpStatusCode.BadRequest)]
    [InlineData(Verb.Get, "?cursor=garbage", null, HttpStatusCode.BadRequest)]
    [InlineData(Verb.Get, "/1/notes?cursor=garbage", null, HttpStatusCode.BadRequest)]
    [InlineData(Verb.Get, "/2", null, HttpStatusCode.NotFound)]
    [InlineData(Verb.Get, "/0", null, HttpStatusCode.NotFound)]
    [InlineData(Verb.Get, "/abc", null, HttpStatusCode.NotFound)]
    [InlineData(Verb.Get, "/99999999999999999999", null, HttpStatusCode.NotFound)]
    [InlineData(Verb.Patch, "/2", """{"status":"solved"}""", HttpStatusCode.NotFound)]
    [InlineData(Verb.Post, "/2/notes", """{"text":"x"}""", HttpStatusCode.NotFound)]
    [InlineData(Verb.Get, "/2/history", null, HttpStatusCode.NotFound)]
    public async Task Bad_requests_change_nothing(Verb method, string path, string? json, HttpStatusCode status)
    {
        var (tenant, _) = await CrmAsync();
        using var admin = tenant.Admin();
        var before = await OpenOkAsync(admin, """{"subject":"Uno","customerId":"maria"}""");
        using var response = await admin.SendJsonAsync(new HttpMethod(method.ToString().ToUpperInvariant()), Url + path, json);
        await Problem.AssertAsync(response, status);
        Assert.Equal(before.ToJsonString(), (await admin.GetOkJsonAsync($"{Url}/1")).ToJsonString());
    }

    [Fact]
    public async Task Agent_keys_read_cases_and_write_notes_only()
    {
        var (tenant, agentKey) = await CrmAsync();
        using var admin = tenant.Admin();
        await OpenOkAsync(admin, """{"subject":"Uno","customerId":"maria"}""");
        using var agent = factory.ClientWith(agentKey);

        Assert.Equal("Uno", (await agent.GetOkJsonAsync($"{Url}/1")).Text("subject"));
        Assert.Single((await agent.GetOkJsonAsync(Url)).Items());
        foreach (var (method, url, json) in new[] { (HttpMethod.Post, Url, """{"subject":"Due","customerId":"maria"}"""), (HttpMethod.Patch, $"{Url}/1", """{"status":"closed"}""") })
        {
            using var refused = await agent.SendJsonAsync(method, url, json);
            await Problem.AssertAsync(refused, HttpStatusCode.Forbidden);
        }

        Assert.Equal("open", (await admin.GetOkJsonAsync($"{Url}/1")).Text("status"));
        await agent.PostAsync($"{Url}/1/notes", """{"text":"Chiamata la cliente."}""", HttpStatusCode.Created);
        var (_, integrationKey) = await tenant.IssueKeyAsync("integration");
        using var integration = factory.ClientWith(integrationKey);
        Assert.Equal("solved", (await PatchOkAsync(integration, "1", """{"status":"solved"}""")).Text("status"));
    }

    /// <summary>The methods the theory sends.</summary>
    public enum Verb
    {
        Get,
        Post,
        Patch,
    }

    /// <summary>A tenant with customer maria and agent a1 (and its key).</summary>
    private async Task<(TestTenant Tenant, string AgentKey)> CrmAsync()
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = tenant.Admin();
        await admin.PostAsync("/v1/crm/customers", """{"id":"maria","name":"Maria Rossi","phones":["+390212345678"]}""", HttpStatusCode.Created);
        await tenant.CreateAgentAsync("a1");
        var (_, key) = await tenant.IssueKeyAsync("agent", "a1");
        return (tenant, key);
    }

    private static async Task<List<string>> AllIdsAsync(HttpClient client, string url)
    {
        var ids = new List<string>();
        string? cursor = null;
        do
        {
            var page = await client.GetOkJsonAsync(url + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)));
            ids.AddRange(page.Items().Select(c => c!.Text("id")));
            cursor = page["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);

        return ids;
    }

    private static async Task<JsonNode> OpenOkAsync(HttpClient client, string json)
    {
        using var response = await client.SendJsonAsync(HttpMethod.Post, Url, json);
        var body = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {body.ToJsonString()}");
        return body;
    }

    private static async Task<JsonNode> PatchOkAsync(HttpClient client, string caseId, string json)
    {
        using var response = await client.SendJsonAsync(HttpMethod.Patch, $"{Url}/{caseId}", json);
        var body = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body.ToJsonString()}");
        return body;
    }
}
