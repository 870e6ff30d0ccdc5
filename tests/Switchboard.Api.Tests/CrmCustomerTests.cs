using System.Net;
using System.Text.Json.Nodes;
using Switchboard.Api.Tests.Support;

namespace Switchboard.Api.Tests;

/// <summary>
/// The local CRM's customers: create, read, change and delete; lookups by phone in any international form, by email in
/// any case and by name or company; one phone or email per customer in a tenant; paging; bad input; who may write.
/// </summary>
public sealed class CrmCustomerTests(SwitchboardApiFactory factory)
{
    private const string Url = "/v1/crm/customers";
    private const string Maria = """{"id":"maria","name":"Maria Rossi","phones":["+39 02 1234 5678"],"emails":["Maria@Example.com"],"company":"Rossi SRL","externalIds":{"salesforce":"0035g00000XyZ12"},"fields":{"tier":"gold","note":"Preferisce\nessere chiamata al mattino"}}""";

    [Fact]
    public async Task A_customer_is_created_read_looked_up_in_any_form_changed_and_deleted()
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = tenant.Admin();

        JsonNode created;
        using (var response = await admin.SendJsonAsync(HttpMethod.Post, Url, Maria))
        {
            created = await response.ReadJsonAsync();
            Assert.True(response.StatusCode == HttpStatusCode.Created, created.ToJsonString());
            Assert.Equal("/v1/crm/customers/maria", response.Headers.Location?.OriginalString);
        }

        Assert.Equal(["id", "name", "phones", "emails", "company", "externalIds", "fields", "createdAt", "updatedAt"], created.AsObject().Select(p => p.Key));
        Assert.Equal(["+390212345678"], created.Strings("phones"));
        Assert.Equal(["Maria@Example.com"], created.Strings("emails"));
        Assert.Equal("0035g00000XyZ12", created["externalIds"]!.Text("salesforce"));
        Assert.Equal("Preferisce\nessere chiamata al mattino", created["fields"]!.Text("note"));
        Assert.Equal(factory.Clock.GetUtcNow(), created.Time("createdAt"));
        Assert.Equal(created.ToJsonString(), (await admin.GetOkJsonAsync($"{Url}/maria")).ToJsonString());

        // Found by the number however it is written, and by the address in any case.
        foreach (var phone in new[] { "%2B390212345678", "%2B39%2002%201234%205678", "0039-02-12345678" })
        {
            Assert.Equal(["maria"], Ids(await admin.GetOkJsonAsync($"{Url}?phone={phone}")));
        }

        Assert.Equal(["maria"], Ids(await admin.GetOkJsonAsync($"{Url}?email=MARIA%40EXAMPLE.COM")));
        Assert.Empty(Ids(await admin.GetOkJsonAsync($"{Url}?phone=%2B390698765432")));
        Assert.Empty(Ids(await admin.GetOkJsonAsync($"{Url}?email=nobody%40example.com")));

        // A change: a second number, no company; what is left out stays.
        var patched = await PatchOkAsync(admin, "maria", """{"phones":["+390212345678","+39 347 123 4567"],"company":""}""");
        Assert.Equal(["+390212345678", "+393471234567"], patched.Strings("phones"));
        Assert.Null(patched["company"]);
        Assert.Equal("Maria Rossi", patched.Text("name"));
        Assert.Equal("gold", patched["fields"]!.Text("tier"));
        Assert.Equal(["maria"], Ids(await admin.GetOkJsonAsync($"{Url}?phone=%2B393471234567")));

        // A replacement: everything given, the rest emptied; the number dropped is free for someone else.
        using (var replaced = await admin.SendJsonAsync(HttpMethod.Put, $"{Url}/maria", """{"name":"Maria Bianchi","phones":["+393471234567"]}"""))
        {
            var body = await replaced.ReadJsonAsync();
            Assert.True(replaced.StatusCode == HttpStatusCode.OK, body.ToJsonString());
            Assert.Equal(("Maria Bianchi", 0, 0), (body.Text("name"), body["emails"]!.AsArray().Count, body["fields"]!.AsObject().Count));
        }

        Assert.Empty(Ids(await admin.GetOkJsonAsync($"{Url}?phone=%2B390212345678")));
        Assert.Empty(Ids(await admin.GetOkJsonAsync($"{Url}?email=maria%40example.com")));
        await CreateOkAsync(admin, """{"id":"luca","name":"Luca Verdi","phones":["+390212345678"],"emails":["maria@example.com"]}""");

        using (var deleted = await admin.DeleteResponseAsync($"{Url}/maria"))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        using (var gone = await admin.GetResponseAsync($"{Url}/maria"))
        {
            await Problem.AssertAsync(gone, HttpStatusCode.NotFound);
        }

        Assert.Empty(Ids(await admin.GetOkJsonAsync($"{Url}?phone=%2B393471234567")));
        await CreateOkAsync(admin, """{"name":"Anna Neri","phones":["+393471234567"]}""");
        foreach (var (method, json) in new[] { (HttpMethod.Patch, """{"name":"X"}"""), (HttpMethod.Put, """{"name":"X"}"""), (HttpMethod.Delete, (string?)null) })
        {
            using var missing = await admin.SendJsonAsync(method, $"{Url}/maria", json);
            await Problem.AssertAsync(missing, HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public async Task A_phone_or_email_belongs_to_one_customer_and_a_refused_write_changes_nothing()
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = tenant.Admin();
        await CreateOkAsync(admin, Maria);
        await CreateOkAsync(admin, """{"id":"luca","name":"Luca Verdi","phones":["+390698765432"]}""");

        // Another customer with her number (written another way), or her address in another case: 409 naming her.
        foreach (var json in new[]
        {
            """{"id":"copy","name":"Copia","phones":["+393331112222","0039 02 12345678"]}""",
            """{"id":"copy","name":"Copia","emails":["maria@EXAMPLE.com"]}""",
        })
        {
            using var refused = await admin.SendJsonAsync(HttpMethod.Post, Url, json);
            var problem = await Problem.AssertAsync(refused, HttpStatusCode.Conflict);
            Assert.Contains("customer 'maria' (Maria Rossi)", Problem.Detail(problem), StringComparison.Ordinal);
        }

        using (var copy = await admin.GetResponseAsync($"{Url}/copy"))
        {
            await Problem.AssertAsync(copy, HttpStatusCode.NotFound);
        }

        // The number the refused write claimed first is still free.
        await CreateOkAsync(admin, """{"id":"anna","name":"Anna Neri","phones":["+393331112222"]}""");

        // Luca cannot take her number either; he keeps his own.
        using (var taken = await admin.SendJsonAsync(HttpMethod.Patch, $"{Url}/luca", """{"phones":["+390698765432","+390212345678"]}"""))
        {
            Assert.Contains("'maria'", Problem.Detail(await Problem.AssertAsync(taken, HttpStatusCode.Conflict)), StringComparison.Ordinal);
        }

        Assert.Equal(["+390698765432"], (await admin.GetOkJsonAsync($"{Url}/luca")).Strings("phones"));
        Assert.Equal(["luca"], Ids(await admin.GetOkJsonAsync($"{Url}?phone=%2B390698765432")));

        using (var again = await admin.SendJsonAsync(HttpMethod.Post, Url, """{"id":"maria","name":"Maria Due"}"""))
        {
            await Problem.AssertAsync(again, HttpStatusCode.Conflict);
        }

        Assert.Equal("Maria Rossi", (await admin.GetOkJsonAsync($"{Url}/maria")).Text("name"));

        // Another tenant is another CRM: the same number is free there, and her record is not visible.
        var other = await factory.CreateTenantAsync();
        using var otherAdmin = other.Admin();
        Assert.Empty(Ids(await otherAdmin.GetOkJsonAsync($"{Url}?phone=%2B390212345678")));
        await CreateOkAsync(otherAdmin, """{"id":"maria","name":"Un'altra Maria","phones":["+390212345678"]}""");
        Assert.Equal("Maria Rossi", (await admin.GetOkJsonAsync($"{Url}/maria")).Text("name"));
    }

    [Fact]
    public async Task Customers_are_listed_and_searched_by_name_or_company_a_page_at_a_time_in_id_order()
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = tenant.Admin();
        foreach (var (id, name, company) in new[]
        {
            ("c1", "Maria Rossi", "Rossi SRL"), ("c2", "Giulia Rossini", null), ("c3", "Marco Bianchi", "Bianchi SpA"),
            ("c4", "Lucia Verdi", "Rossetti e Figli"), ("c5", "Paolo Neri", null),
        })
        {
            var json = new JsonObject { ["id"] = id, ["name"] = name, ["company"] = company };
            await CreateOkAsync(admin, json.ToJsonString());
        }

        var all = new List<string>();
        string? cursor = null;
        do
        {
            var page = await admin.GetOkJsonAsync($"{Url}?limit=2{(cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor))}");
            Assert.True(page.Items().Count <= 2);
            all.AddRange(Ids(page));
            cursor = page["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);

        Assert.Equal(["c1", "c2", "c3", "c4", "c5"], all);

        Assert.Equal(["c1", "c2", "c4"], Ids(await admin.GetOkJsonAsync($"{Url}?q=ross")));
        Assert.Equal(["c1"], Ids(await admin.GetOkJsonAsync($"{Url}?q=MARIA%20ross")));
        Assert.Equal(["c3"], Ids(await admin.GetOkJsonAsync($"{Url}?q=bianchi%20spa")));
        Assert.Empty(Ids(await admin.GetOkJsonAsync($"{Url}?q=ossi")));
        var first = await admin.GetOkJsonAsync($"{Url}?q=ross&limit=2");
        Assert.Equal(["c1", "c2"], Ids(first));
        Assert.Equal(["c4"], Ids(await admin.GetOkJsonAsync($"{Url}?q=ross&limit=2&cursor={Uri.EscapeDataString(first["nextCursor"]!.GetValue<string>())}")));
    }

    [Theory]
    [InlineData("""{"phones":["+390212345678"]}""", "name")]
    [InlineData("""{"name":"   "}""", "name")]
    [InlineData("""{"name":"Maria","phones":["02 1234 5678"]}""", "phones")]
    [InlineData("""{"name":"Maria","phones":["+39 12"]}""", "phones")]
    [InlineData("""{"name":"Maria","phones":["+390212345678","0039 02 1234 5678"]}""", "phones")]
    [InlineData("""{"name":"Maria","phones":[null]}""", "phones")]
    [InlineData("""{"name":"Maria","phones":["+390212345670","+390212345671","+390212345672","+390212345673","+390212345674","+390212345675","+390212345676","+390212345677","+390212345678","+390212345679","+390212345680"]}""", "phones")]
    [InlineData("""{"name":"Maria","emails":["not an address"]}""", "emails")]
    [InlineData("""{"name":"Maria","emails":["a@example.com","A@EXAMPLE.COM"]}""", "emails")]
    [InlineData("""{"name":"Maria","company":""}""", "company")]
    [InlineData("""{"name":"Maria","externalIds":{"Sales Force":"1"}}""", "externalIds")]
    [InlineData("""{"name":"Maria","externalIds":{"salesforce":""}}""", "externalIds")]
    [InlineData("""{"name":"Maria","fields":{"bad key!":"x"}}""", "fields")]
    [InlineData("""{"name":"Maria","fields":{"tier":null}}""", "fields")]
    [InlineData("""{"id":"not an id","name":"Maria"}""", "id")]
    public async Task Bad_customers_are_refused_naming_the_field(string json, string field)
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = tenant.Admin();
        using var response = await admin.SendJsonAsync(HttpMethod.Post, Url, json);
        var problem = await Problem.AssertAsync(response, HttpStatusCode.UnprocessableEntity);
        Problem.AssertFields(problem, field);
        Assert.Empty((await admin.GetOkJsonAsync(Url)).Items());
    }

    [Theory]
    [InlineData("?phone=%2B390212345678&email=a%40example.com")]
    [InlineData("?phone=021234")]
    [InlineData("?email=nope")]
    [InlineData("?q=")]
    [InlineData("?q=%20%2B%20")]
    [InlineData("?phone=%2B390212345678&cursor=abc")]
    [InlineData("?limit=0")]
    [InlineData("?cursor=garbage")]
    public async Task Bad_lookups_are_400(string query)
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = tenant.Admin();
        using var response = await admin.GetResponseAsync(Url + query);
        await Problem.AssertAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Agent_keys_read_and_look_up_customers_and_write_none()
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = tenant.Admin();
        await CreateOkAsync(admin, Maria);
        await tenant.CreateAgentAsync("a1");
        var (_, agentKey) = await tenant.IssueKeyAsync("agent", "a1");
        using var agent = factory.ClientWith(agentKey);

        Assert.Equal("Maria Rossi", (await agent.GetOkJsonAsync($"{Url}/maria")).Text("name"));
        Assert.Equal(["maria"], Ids(await agent.GetOkJsonAsync($"{Url}?phone=%2B390212345678")));
        Assert.Equal(["maria"], Ids(await agent.GetOkJsonAsync($"{Url}?q=rossi")));
        foreach (var (method, url, json) in new[]
        {
            (HttpMethod.Post, Url, """{"name":"Nuovo"}"""),
            (HttpMethod.Patch, $"{Url}/maria", """{"name":"Cambiata"}"""),
            (HttpMethod.Put, $"{Url}/maria", """{"name":"Cambiata"}"""),
            (HttpMethod.Delete, $"{Url}/maria", (string?)null),
        })
        {
            using var refused = await agent.SendJsonAsync(method, url, json);
            await Problem.AssertAsync(refused, HttpStatusCode.Forbidden);
        }

        Assert.Equal("Maria Rossi", (await admin.GetOkJsonAsync($"{Url}/maria")).Text("name"));

        var (_, integrationKey) = await tenant.IssueKeyAsync("integration");
        using var integration = factory.ClientWith(integrationKey);
        await CreateOkAsync(integration, """{"id":"from-crm","name":"Dal CRM"}""");
    }

    private static List<string> Ids(JsonNode page) => [.. page.Items().Select(c => c!.Text("id"))];

    private static async Task<JsonNode> CreateOkAsync(HttpClient client, string json)
    {
        using var response = await client.SendJsonAsync(HttpMethod.Post, Url, json);
        var body = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {body.ToJsonString()}");
        return body;
    }

    private static async Task<JsonNode> PatchOkAsync(HttpClient client, string customerId, string json)
    {
        using var response = await client.SendJsonAsync(HttpMethod.Patch, $"{Url}/{customerId}", json);
        var body = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body.ToJsonString()}");
        return body;
    }
}
