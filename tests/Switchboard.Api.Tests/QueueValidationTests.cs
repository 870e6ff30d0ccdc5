using System.Net;
using Switchboard.Api.Tests.Support;

namespace Switchboard.Api.Tests;

/// <summary>Every queue rule refused with a 422 naming the field; malformed bodies, wrong types and unknown names are 400; nothing changes.</summary>
public sealed class QueueValidationTests(SwitchboardApiFactory factory)
{
    private static async Task<TestTenant> WithCodesAndBackup(SwitchboardApiFactory factory)
    {
        var tenant = await factory.CreateTenantAsync();
        await tenant.SetTransactionCodesAsync("sale", "no-sale");
        await tenant.CreateQueueAsync("backup");
        return tenant;
    }

    [Theory]
    [InlineData("""{"id":"q","name":"Q","offerTimeoutSeconds":4}""", "offerTimeoutSeconds")]
    [InlineData("""{"id":"q","name":"Q","offerTimeoutSeconds":301}""", "offerTimeoutSeconds")]
    [InlineData("""{"id":"q","name":"Q","wrapUp":{"maxSeconds":-1}}""", "wrapUp.maxSeconds")]
    [InlineData("""{"id":"q","name":"Q","wrapUp":{"maxSeconds":3601}}""", "wrapUp.maxSeconds")]
    [InlineData("""{"id":"q","name":"Q","wrapUp":{"codeRequired":true}}""", "wrapUp.codeRequired")]
    [InlineData("""{"id":"q","name":"Q","transactionCodes":["sale","sale"]}""", "transactionCodes[1]")]
    [InlineData("""{"id":"q","name":"Q","transactionCodes":["sale","refund"]}""", "transactionCodes[1]")]
    [InlineData("""{"id":"q","name":"Q","transactionCodes":["Not A Code"]}""", "transactionCodes[0]")]
    [InlineData("""{"id":"q","name":"Q","transactionCodes":[null]}""", "transactionCodes[0]")]
    [InlineData("""{"id":"q","name":"Q","overflow":{"queueId":"a b","afterSeconds":60}}""", "overflow.queueId")]
    [InlineData("""{"id":"q","name":"Q","overflow":{"queueId":"q","afterSeconds":60}}""", "overflow.queueId")]
    [InlineData("""{"id":"q","name":"Q","overflow":{"queueId":"nowhere","afterSeconds":60}}""", "overflow.queueId")]
    [InlineData("""{"id":"q","name":"Q","overflow":{"afterSeconds":60}}""", "overflow.queueId")]
    [InlineData("""{"id":"q","name":"Q","overflow":{"queueId":"backup","afterSeconds":0}}""", "overflow.afterSeconds")]
    [InlineData("""{"id":"q","name":"Q","overflow":{"queueId":"backup","afterSeconds":86401}}""", "overflow.afterSeconds")]
    [InlineData("""{"id":"q","name":"Q","overflow":{"queueId":"backup"}}""", "overflow.afterSeconds")]
    [InlineData("""{"id":"q","name":"Q","rejectAgentState":"Busy"}""", "rejectAgentState")]
    [InlineData("""{"id":"q","name":"Q","rejectAgentState":"WrapUp"}""", "rejectAgentState")]
    [InlineData("""{"id":"q","name":"Q","rejectAgentState":"LoggedOut"}""", "rejectAgentState")]
    [InlineData("""{"id":"q","name":"Q","serviceLevelSeconds":0}""", "serviceLevelSeconds")]
    [InlineData("""{"id":"q","name":"Q","serviceLevelSeconds":3601}""", "serviceLevelSeconds")]
    [InlineData("""{"id":"q","name":"Q","serviceLevelSeconds":-20}""", "serviceLevelSeconds")]
    [InlineData("""{"id":"q","name":"Q","abandonThresholdSeconds":-1}""", "abandonThresholdSeconds")]
    [InlineData("""{"id":"q","name":"Q","abandonThresholdSeconds":601}""", "abandonThresholdSeconds")]
    [InlineData("""{"id":"q"}""", "name")]
    [InlineData("""{"id":"q","name":""}""", "name")]
    [InlineData("""{"id":"q","name":"   "}""", "name")]
    [InlineData("""{"id":"q","name":"Q\n"}""", "name")]
    [InlineData("""{"id":"q","name":"Q\u202E"}""", "name")]
    [InlineData("""{"name":"Q"}""", "id")]
    [InlineData("""{"id":"a b","name":"Q"}""", "id")]
    [InlineData("""{"id":"a/b","name":"Q"}""", "id")]
    [InlineData("""{"id":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","name":"Q"}""", "id")]
    [InlineData("""{"id":"a b","name":"","offerTimeoutSeconds":1}""", "id", "name", "offerTimeoutSeconds")]
    [InlineData("""{"id":"a b","name":"Q","serviceLevelSeconds":0,"abandonThresholdSeconds":601}""", "id", "serviceLevelSeconds", "abandonThresholdSeconds")]
    [InlineData(
        """{"id":"q","name":"Q","offerTimeoutSeconds":1,"transactionCodes":["sale","x"],"wrapUp":{"maxSeconds":9999},"overflow":{"queueId":"nowhere","afterSeconds":0},"rejectAgentState":"Busy","serviceLevelSeconds":3601,"abandonThresholdSeconds":-1}""",
        "offerTimeoutSeconds", "transactionCodes[1]", "wrapUp.maxSeconds", "overflow.queueId", "overflow.afterSeconds", "rejectAgentState",
        "serviceLevelSeconds", "abandonThresholdSeconds")]
    public async Task A_broken_rule_is_422_naming_each_field_and_creates_nothing(string body, params string[] fields)
    {
        var tenant = await WithCodesAndBackup(factory);
        using var admin = tenant.Admin();

        using var response = await admin.SendJsonAsync(HttpMethod.Post, "/v1/queues", body);

        Problem.AssertFields(await Problem.AssertAsync(response, HttpStatusCode.UnprocessableEntity), fields);
        Assert.Equal(["backup"], (await admin.GetOkJsonAsync("/v1/queues")).Items().Select(q => q!.Text("id")));
    }

    [Fact]
    public async Task More_than_50_codes_is_422_and_exactly_50_is_accepted()
    {
        var tenant = await factory.CreateTenantAsync();
        var codes = Enumerable.Range(0, 51).Select(i => $"c{i}").ToArray();
        await tenant.SetTransactionCodesAsync(codes);
        using var admin = tenant.Admin();
        string Body(string id, IEnumerable<string> list) => $$"""{"id":"{{id}}","name":"Q","transactionCodes":[{{string.Join(",", list.Select(c => $"\"{c}\""))}}]}""";

        using (var tooMany = await admin.SendJsonAsync(HttpMethod.Post, "/v1/queues", Body("q51", codes)))
        {
            Problem.AssertFields(await Problem.AssertAsync(tooMany, HttpStatusCode.UnprocessableEntity), "transactionCodes");
        }

        var created = await tenant.CreateQueueAsync("q50", Body("q50", codes.Take(50)));
        Assert.Equal(50, created["transactionCodes"]!.AsArray().Count);
        Assert.Equal(["q50"], (await admin.GetOkJsonAsync("/v1/queues")).Items().Select(q => q!.Text("id")));
    }

    [Fact]
    public async Task Every_limit_at_its_edge_is_accepted()
    {
        var tenant = await WithCodesAndBackup(factory);

        var low = await tenant.CreateQueueAsync("low",
            """{"id":"low","name":"L","offerTimeoutSeconds":5,"wrapUp":{"maxSeconds":0},"overflow":{"queueId":"backup","afterSeconds":1},"rejectAgentState":"Available","serviceLevelSeconds":1,"abandonThresholdSeconds":0}""");
        var high = await tenant.CreateQueueAsync("high",
            $$"""{"id":"high","name":"{{new string('n', 100)}}","offerTimeoutSeconds":300,"wrapUp":{"codeRequired":true,"maxSeconds":3600},"transactionCodes":["sale"],"overflow":{"queueId":"low","afterSeconds":86400},"rejectAgentState":"Offline","serviceLevelSeconds":3600,"abandonThresholdSeconds":600}""");

        Assert.Equal(5, low.Number("offerTimeoutSeconds"));
        Assert.Equal(0, low["wrapUp"]!.Number("maxSeconds"));
        Assert.Equal(86400, high["overflow"]!.Number("afterSeconds"));
        Assert.Equal(100, high.Text("name").Length);
        Assert.Equal((1, 0), (low.Number("serviceLevelSeconds"), low.Number("abandonThresholdSeconds")));
        Assert.Equal((3600, 600), (high.Number("serviceLevelSeconds"), high.Number("abandonThresholdSeconds")));
    }

    [Theory]
    [InlineData("""{"id":"q","name":"Q","media":"fax"}""", "$.media", "voice, chat, email, voicemail")]
    [InlineData("""{"id":"q","name":"Q","media":"voice, chat"}""", "$.media", "voice, chat, email, voicemail")]
    [InlineData("""{"id":"q","name":"Q","media":"Voicemail2"}""", "$.media", null)]
    [InlineData("""{"id":"q","name":"Q","strategy":"fastest"}""", "$.strategy", "longest-idle, round-robin, skill-level")]
    [InlineData("""{"id":"q","name":"Q","strategy":"LongestIdle"}""", "$.strategy", "longest-idle")]
    [InlineData("""{"id":"q","name":"Q","strategy":"1"}""", "$.strategy", null)]
    [InlineData("""{"id":"q","name":"Q","rejectAgentState":"Sleeping"}""", "$.rejectAgentState", "Break")]
    [InlineData("""{"id":"q","name":"Q","rejectAgentState":"Available,Offline"}""", "$.rejectAgentState", null)]
    [InlineData("""{"id":"q","name":"Q","media":1}""", "$.media", null)]
    [InlineData("""{"id":"q","name":"Q","strategy":true}""", "$.strategy", null)]
    [InlineData("""{"id":"q","name":"Q","rejectAgentState":5}""", "$.rejectAgentState", null)]
    [InlineData("""{"id":"q","name":"Q","offerTimeoutSeconds":"15"}""", "$.offerTimeoutSeconds", null)]
    [InlineData("""{"id":"q","name":"Q","offerTimeoutSeconds":15.5}""", "$.offerTimeoutSeconds", null)]
    [InlineData("""{"id":"q","name":"Q","serviceLevelSeconds":"20"}""", "$.serviceLevelSeconds", null)]
    [InlineData("""{"id":"q","name":"Q","serviceLevelSeconds":20.5}""", "$.serviceLevelSeconds", null)]
    [InlineData("""{"id":"q","name":"Q","serviceLevelSeconds":99999999999}""", "$.serviceLevelSeconds", null)]
    [InlineData("""{"id":"q","name":"Q","abandonThresholdSeconds":true}""", "$.abandonThresholdSeconds", null)]
    [InlineData("""{"id":"q","name":"Q","abandonThresholdSeconds":[5]}""", "$.abandonThresholdSeconds", null)]
    [InlineData("""{"id":"q","name":"Q","transactionCodes":"sale"}""", "$.transactionCodes", null)]
    [InlineData("""{"id":"q","name":"Q","transactionCodes":[1]}""", "$.transactionCodes[0]", null)]
    [InlineData("""{"id":"q","name":"Q","wrapUp":true}""", "$.wrapUp", null)]
    [InlineData("""{"id":"q","name":"Q","wrapUp":{"codeRequired":"yes"}}""", "$.wrapUp.codeRequired", null)]
    [InlineData("""{"id":"q","name":"Q","overflow":"backup"}""", "$.overflow", null)]
    [InlineData("""{"id":"q","name":"Q","overflow":{"queueId":"backup","afterSeconds":"60"}}""", "$.overflow.afterSeconds", null)]
    [InlineData("""{"id":"q","name":["Q"]}""", "$.name", null)]
    public async Task Wrong_types_and_unknown_names_are_400_naming_the_field_and_create_nothing(string body, string path, string? allowed)
    {
        var tenant = await WithCodesAndBackup(factory);
        using var admin = tenant.Admin();

        using var response = await admin.SendJsonAsync(HttpMethod.Post, "/v1/queues", body);

        var detail = Problem.Detail(await Problem.AssertAsync(response, HttpStatusCode.BadRequest));
        Assert.Contains($"'{path}'", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("Switchboard.", detail, StringComparison.Ordinal);
        if (allowed is not null)
        {
            Assert.Contains(allowed, detail, StringComparison.Ordinal);
        }

        Assert.Equal(["backup"], (await admin.GetOkJsonAsync("/v1/queues")).Items().Select(q => q!.Text("id")));
    }

    [Theory]
    [InlineData("""{"id":"q","name":""")]
    [InlineData("""{"id":"q" "name":"Q"}""")]
    [InlineData("""{"id":'q'}""")]
    [InlineData("""[{"id":"q","name":"Q"}]""")]
    [InlineData("")]
    [InlineData(null)]
    public async Task Malformed_or_missing_bodies_are_400_and_create_nothing(string? body)
    {
        var tenant = await WithCodesAndBackup(factory);
        using var admin = tenant.Admin();

        using var response = await admin.SendJsonAsync(HttpMethod.Post, "/v1/queues", body);

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["backup"], (await admin.GetOkJsonAsync("/v1/queues")).Items().Select(q => q!.Text("id")));
    }

    [Theory]
    [InlineData("""{"media":"fax"}""", "$.media")]
    [InlineData("""{"strategy":"round_robin"}""", "$.strategy")]
    [InlineData("""{"rejectAgentState":"Lunch"}""", "$.rejectAgentState")]
    [InlineData("""{"offerTimeoutSeconds":"20"}""", "$.offerTimeoutSeconds")]
    [InlineData("""{"serviceLevelSeconds":"30"}""", "$.serviceLevelSeconds")]
    [InlineData("""{"abandonThresholdSeconds":1.5}""", "$.abandonThresholdSeconds")]
    [InlineData("""{"overflow":{"afterSeconds":[1]}}""", "$.overflow.afterSeconds")]
    [InlineData("""{"wrapUp":{"maxSeconds":"none"}}""", "$.wrapUp.maxSeconds")]
    [InlineData("""{"name":"X",""", null)]
    public async Task A_bad_patch_body_is_400_and_changes_nothing(string body, string? path)
    {
        var tenant = await WithCodesAndBackup(factory);
        using var admin = tenant.Admin();
        var before = (await admin.GetOkJsonAsync("/v1/queues/backup")).ToJsonString();

        using var response = await admin.SendJsonAsync(HttpMethod.Patch, "/v1/queues/backup", body);

        var detail = Problem.Detail(await Problem.AssertAsync(response, HttpStatusCode.BadRequest));
        if (path is not null)
        {
            Assert.Contains($"'{path}'", detail, StringComparison.Ordinal);
        }

        Assert.Equal(before, (await admin.GetOkJsonAsync("/v1/queues/backup")).ToJsonString());
    }

    [Theory]
    [InlineData("""{"name":""}""", "name")]
    [InlineData("""{"name":"Q\u0007"}""", "name")]
    [InlineData("""{"offerTimeoutSeconds":301}""", "offerTimeoutSeconds")]
    [InlineData("""{"wrapUp":{"maxSeconds":3601}}""", "wrapUp.maxSeconds")]
    [InlineData("""{"wrapUp":{"codeRequired":true}}""", "wrapUp.codeRequired")]
    [InlineData("""{"transactionCodes":["sale","gone"]}""", "transactionCodes[1]")]
    [InlineData("""{"overflow":{"queueId":"backup","afterSeconds":60}}""", "overflow.queueId")]
    [InlineData("""{"overflow":{"queueId":"nowhere","afterSeconds":60}}""", "overflow.queueId")]
    [InlineData("""{"overflow":{"queueId":"other","afterSeconds":86401}}""", "overflow.afterSeconds")]
    [InlineData("""{"rejectAgentState":"Busy"}""", "rejectAgentState")]
    [InlineData("""{"serviceLevelSeconds":0}""", "serviceLevelSeconds")]
    [InlineData("""{"serviceLevelSeconds":3601}""", "serviceLevelSeconds")]
    [InlineData("""{"abandonThresholdSeconds":-1}""", "abandonThresholdSeconds")]
    [InlineData("""{"abandonThresholdSeconds":601}""", "abandonThresholdSeconds")]
    public async Task A_patch_breaking_a_rule_is_422_naming_the_field_and_changes_nothing(string body, string field)
    {
        var tenant = await WithCodesAndBackup(factory);
        await tenant.CreateQueueAsync("other");
        using var admin = tenant.Admin();
        var before = (await admin.GetOkJsonAsync("/v1/queues/backup")).ToJsonString();

        using var response = await admin.SendJsonAsync(HttpMethod.Patch, "/v1/queues/backup", body);

        Problem.AssertFields(await Problem.AssertAsync(response, HttpStatusCode.UnprocessableEntity), field);
        Assert.Equal(before, (await admin.GetOkJsonAsync("/v1/queues/backup")).ToJsonString());
    }

    [Theory]
    [InlineData("GET", "/v1/queues/a%20b", null)]
    [InlineData("PATCH", "/v1/queues/a%2Fb", """{"name":"X"}""")]
    [InlineData("DELETE", "/v1/queues/-q", null)]
    [InlineData("GET", "/v1/queues/a%01b/members", null)]
    [InlineData("PUT", "/v1/queues/a%20b/members/a1", null)]
    [InlineData("DELETE", "/v1/queues/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/members/a1", null)]
    public async Task Illegal_queue_id_in_the_path_is_400(string method, string path, string? body)
    {
        var tenant = await factory.CreateTenantAsync();
        await tenant.CreateAgentAsync("a1");
        using var admin = tenant.Admin();

        using var response = await admin.SendJsonAsync(new HttpMethod(method), path, body);

        Assert.Contains("not a valid queue id", Problem.Detail(await Problem.AssertAsync(response, HttpStatusCode.BadRequest)), StringComparison.Ordinal);
    }
}
