using System.Net;
using System.Text;
using Switchboard.Api.Tests.Support;

namespace Switchboard.Api.Tests;

/// <summary>Bad input gets a precise 4xx, never a 500, and changes nothing.</summary>
public sealed class BadInputTests(SwitchboardApiFactory factory)
{
    private const int Limit = 64 * 1024;

    [Theory]
    [InlineData("""{"id":"a1","displayName":""")]
    [InlineData("""{"id":"a1" "displayName":"Ada"}""")]
    [InlineData("""{"id":'a1'}""")]
    public async Task Malformed_json_is_400_naming_the_path_and_creates_nothing(string body)
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = tenant.Admin();

        using var response = await admin.SendJsonAsync(HttpMethod.Post, "/v1/agents", body);

        var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("Path", Problem.Detail(problem), StringComparison.Ordinal);
        Assert.Empty((await admin.GetOkJsonAsync("/v1/agents")).Items());
    }

    [Theory]
    [InlineData("""{"state":5}""", "$.state")]
    [InlineData("""{"state":true}""", "$.state")]
    [InlineData("""{"state":{"name":"Available"}}""", "$.state")]
    [InlineData("""{"state":"Available","reasonCode":["lunch"]}""", "$.reasonCode")]
    public async Task Wrong_type_is_400_naming_the_field_and_changes_nothing(string body, string path)
    {
        var tenant = await factory.CreateTenantAsync();
        await tenant.CreateAgentAsync("a1");
        using var admin = tenant.Admin();

        using var response = await admin.SendJsonAsync(HttpMethod.Put, "/v1/agents/a1/state", body);

        var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(path, Problem.Detail(problem), StringComparison.Ordinal);
        await AssertUntouchedAsync(tenant);
    }

    [Fact]
    public async Task Missing_body_is_400_and_changes_nothing()
    {
        var tenant = await factory.CreateTenantAsync();
        await tenant.CreateAgentAsync("a1");
        using var admin = tenant.Admin();

        using var response = await admin.SendJsonAsync(HttpMethod.Put, "/v1/agents/a1/state", null);

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest);
        await AssertUntouchedAsync(tenant);
    }

    [Fact]
    public async Task Empty_json_body_is_400_and_changes_nothing()
    {
        var tenant = await factory.CreateTenantAsync();
        await tenant.CreateAgentAsync("a1");
        using var admin = tenant.Admin();

        using var response = await admin.SendJsonAsync(HttpMethod.Put, "/v1/agents/a1/state", "");

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest);
        await AssertUntouchedAsync(tenant);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Body_over_64_KiB_is_413_with_or_without_content_length(bool declareLength)
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = tenant.Admin();
        var bytes = Encoding.UTF8.GetBytes($$"""{"id":"big","displayName":"{{new string('x', Limit)}}"}""");
        Assert.True(bytes.Length > Limit);
        HttpContent content = declareLength
            ? new ByteArrayContent(bytes) { Headers = { ContentType = new("application/json") } }
            : new UnknownLengthContent(bytes);

        using var response = await admin.SendAsync(HttpMethod.Post, "/v1/agents", content);

        var problem = await Problem.AssertAsync(response, HttpStatusCode.RequestEntityTooLarge);
        var detail = Problem.Detail(problem);
        Assert.Contains("65536", detail, StringComparison.Ordinal);

        // A declared length is refused up front and echoed; an undeclared one is cut off while reading.
        var size = bytes.Length.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (declareLength)
        {
            Assert.Contains(size, detail, StringComparison.Ordinal);
        }
        else
        {
            Assert.DoesNotContain(size, detail, StringComparison.Ordinal);
        }

        Assert.Empty((await admin.GetOkJsonAsync("/v1/agents")).Items());
    }

    [Fact]
    public async Task Body_just_under_the_limit_is_accepted_as_far_as_size_goes()
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = tenant.Admin();
        var json = """{"id":"a1","displayName":"Ada"}""";
        var padded = json + new string(' ', Limit - json.Length);

        using var response = await admin.SendAsync(HttpMethod.Post, "/v1/agents", new UnknownLengthContent(Encoding.UTF8.GetBytes(padded)));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Theory]
    [InlineData("""[{"id":"a1","displayName":"Ada"}]""")]
    [InlineData("\"a1\"")]
    [InlineData("42")]
    public async Task Json_that_is_not_an_object_is_400(string body)
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = tenant.Admin();

        using var response = await admin.SendJsonAsync(HttpMethod.Post, "/v1/agents", body);

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest);
        Assert.Empty((await admin.GetOkJsonAsync("/v1/agents")).Items());
    }

    [Fact]
    public async Task Wrong_content_type_is_415()
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = tenant.Admin();

        using var response = await admin.SendAsync(HttpMethod.Post, "/v1/agents",
            new StringContent("""{"id":"a1","displayName":"Ada"}""", Encoding.UTF8, "text/plain"));

        await Problem.AssertAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.Empty((await admin.GetOkJsonAsync("/v1/agents")).Items());
    }

    [Theory]
    [InlineData("""{"id":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","displayName":"Ada"}""", "id")]
    [InlineData("""{"id":"a\u0001","displayName":"Ada"}""", "id")]
    [InlineData("""{"id":"a b","displayName":"Ada"}""", "id")]
    [InlineData("""{"id":"a/b","displayName":"Ada"}""", "id")]
    [InlineData("""{"id":"","displayName":"Ada"}""", "id")]
    [InlineData("""{"displayName":"Ada"}""", "id")]
    [InlineData("""{"id":"a1","displayName":"Ada\u0007"}""", "displayName")]
    [InlineData("""{"id":"a1","displayName":"Ada\nLovelace"}""", "displayName")]
    [InlineData("""{"id":"a1","displayName":"   "}""", "displayName")]
    [InlineData("""{"id":"a1"}""", "displayName")]
    [InlineData("""{"id":"a1","displayName":"Ada","group":"sales team"}""", "group")]
    [InlineData("""{"id":"a\u0001","displayName":"\u0000","group":"x y"}""", "id", "displayName", "group")]
    public async Task Invalid_agent_is_422_listing_each_field_and_creates_nothing(string body, params string[] fields)
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = tenant.Admin();

        using var response = await admin.SendJsonAsync(HttpMethod.Post, "/v1/agents", body);

        Problem.AssertFields(await Problem.AssertAsync(response, HttpStatusCode.UnprocessableEntity), fields);
        Assert.Empty((await admin.GetOkJsonAsync("/v1/agents")).Items());
    }

    [Fact]
    public async Task Agent_id_of_exactly_64_characters_is_accepted()
    {
        var tenant = await factory.CreateTenantAsync();
        var id = new string('a', 64);
        await tenant.CreateAgentAsync(id);
        using var admin = tenant.Admin();
        Assert.Equal(id, (await admin.GetOkJsonAsync($"/v1/agents/{id}")).Text("id"));
    }

    [Theory]
    [InlineData("GET", "/v1/agents/a%20b", null)]
    [InlineData("GET", "/v1/agents/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", null)]
    [InlineData("GET", "/v1/agents/a%01b/state", null)]
    [InlineData("GET", "/v1/agents/-a/state-history", null)]
    [InlineData("PUT", "/v1/agents/a%20b/state", """{"state":"Available"}""")]
    [InlineData("PATCH", "/v1/agents/a%2Fb", """{"displayName":"Ada"}""")]
    [InlineData("DELETE", "/v1/agents/a%20b", null)]
    public async Task Illegal_agent_id_in_the_path_is_400(string method, string path, string? body)
    {
        var tenant = await factory.CreateTenantAsync();
        await tenant.CreateAgentAsync("a");
        using var admin = tenant.Admin();

        using var response = await admin.SendJsonAsync(new HttpMethod(method), path, body);

        var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("not a valid agent id", Problem.Detail(problem), StringComparison.Ordinal);
        Assert.Single((await admin.GetOkJsonAsync("/v1/agents")).Items());
        Assert.Equal(0, (await tenant.GetStateAsync("a")).Number("version"));
    }

    [Fact]
    public async Task Invalid_status_codes_are_422_listing_each_item_field_and_change_nothing()
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = tenant.Admin();
        const string valid = """{"items":[{"code":"training","label":"Training","states":["Offline"]}]}""";
        using (var first = await admin.SendJsonAsync(HttpMethod.Put, "/v1/status-codes", valid))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        const string invalid = """
            {"items":[
              {"code":"no-answer","label":"No answer","states":["Break"]},
              {"code":"lunch","label":"Lunch","states":["Break"]},
              {"code":"lunch","label":"Lunch again","states":["Break"]},
              {"code":"call","label":"Call","states":["Busy"]},
              {"code":"nap","label":"Nap","states":["Sleeping"]},
              {"code":"Bad Code","label":"","states":[]},
              null
            ]}
            """;
        using var response = await admin.SendJsonAsync(HttpMethod.Put, "/v1/status-codes", invalid);

        var problem = await Problem.AssertAsync(response, HttpStatusCode.UnprocessableEntity);
        Problem.AssertFields(problem,
            "items[0].code", "items[2].code", "items[3].states", "items[4].states",
            "items[5].code", "items[5].label", "items[5].states", "items[6]");
        Assert.Contains("reserved", problem["errors"]!["items[0].code"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("more than once", problem["errors"]!["items[2].code"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("Busy", problem["errors"]!["items[3].states"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("Sleeping", problem["errors"]!["items[4].states"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        var stored = (await admin.GetOkJsonAsync("/v1/status-codes")).Items();
        Assert.Equal("training", stored.Single()!.Text("code"));
    }

    [Theory]
    [InlineData("""{}""", "items")]
    [InlineData("""{"items":[{"code":"sale","label":"Sale"},{"code":"sale","label":"Sale 2"}]}""", "items[1].code")]
    [InlineData("""{"items":[{"code":"sale","label":"\u0001"}]}""", "items[0].label")]
    public async Task Invalid_transaction_codes_are_422_and_change_nothing(string body, string field)
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = tenant.Admin();

        using var response = await admin.SendJsonAsync(HttpMethod.Put, "/v1/transaction-codes", body);

        Problem.AssertFields(await Problem.AssertAsync(response, HttpStatusCode.UnprocessableEntity), field);
        Assert.Empty((await admin.GetOkJsonAsync("/v1/transaction-codes")).Items());
    }

    [Theory]
    [InlineData("/v1/agents?limit=0", "limit")]
    [InlineData("/v1/agents?limit=1000", "limit")]
    [InlineData("/v1/agents?limit=-1", "limit")]
    [InlineData("/v1/agents?cursor=garbage", "cursor")]
    [InlineData("/v1/agents?cursor=%00%01", "cursor")]
    [InlineData("/v1/agents/a1/state-history?limit=0", "limit")]
    [InlineData("/v1/agents/a1/state-history?cursor=garbage", "cursor")]
    public async Task Bad_paging_parameters_are_400_naming_the_parameter(string url, string field)
    {
        var tenant = await factory.CreateTenantAsync();
        await tenant.CreateAgentAsync("a1");
        using var admin = tenant.Admin();

        using var response = await admin.GetResponseAsync(url);

        Problem.AssertFields(await Problem.AssertAsync(response, HttpStatusCode.BadRequest), field);
    }

    [Fact]
    public async Task Non_numeric_limit_is_400()
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = tenant.Admin();

        using var response = await admin.GetResponseAsync("/v1/agents?limit=abc");

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("""{"role":"root"}""", "role")]
    [InlineData("""{}""", "role")]
    [InlineData("""{"role":"agent"}""", "agentId")]
    [InlineData("""{"role":"agent","agentId":"a b"}""", "agentId")]
    [InlineData("""{"role":"agent","agentId":"nobody"}""", "agentId")]
    [InlineData("""{"role":"supervisor","agentId":"a1"}""", "agentId")]
    [InlineData("""{"role":"admin","label":"bad\u0001label"}""", "label")]
    public async Task Invalid_api_key_request_is_422_and_issues_no_key(string body, string field)
    {
        var tenant = await factory.CreateTenantAsync();
        await tenant.CreateAgentAsync("a1");
        using var admin = tenant.Admin();

        using var response = await admin.SendJsonAsync(HttpMethod.Post, "/v1/api-keys", body);

        Problem.AssertFields(await Problem.AssertAsync(response, HttpStatusCode.UnprocessableEntity), field);
        Assert.Equal(tenant.AdminKeyId, (await admin.GetOkJsonAsync("/v1/api-keys")).Items().Single()!.Text("id"));
    }

    [Fact]
    public async Task Invalid_patch_is_422_and_changes_nothing()
    {
        var tenant = await factory.CreateTenantAsync();
        await tenant.CreateAgentAsync("a1", "Ada", "sales");
        using var admin = tenant.Admin();

        using var response = await admin.SendJsonAsync(HttpMethod.Patch, "/v1/agents/a1", """{"displayName":"\u001b[31m","group":"no spaces"}""");

        Problem.AssertFields(await Problem.AssertAsync(response, HttpStatusCode.UnprocessableEntity), "displayName", "group");
        var agent = await admin.GetOkJsonAsync("/v1/agents/a1");
        Assert.Equal("Ada", agent.Text("displayName"));
        Assert.Equal("sales", agent.Text("group"));
    }

    private static async Task AssertUntouchedAsync(TestTenant tenant)
    {
        var state = await tenant.GetStateAsync("a1");
        Assert.Equal("LoggedOut", state.Text("state"));
        Assert.Equal(0, state.Number("version"));
    }
}
