using System.Net;
using Switchboard.Api.Tests.Support;

namespace Switchboard.Api.Tests;

/// <summary>
/// Every interaction rule refused with a 422 naming the field; malformed bodies, wrong types and unknown names are a 400
/// naming where; nothing is created or changed.
/// </summary>
public sealed class InteractionValidationTests(SwitchboardApiFactory factory)
{
    private const string NoInteraction = "i_00000000000000000000000000000000";

    /// <summary>A tenant with voice queue support, email queue mail, agent a1 Available (in no queue, so nothing is routed to it).</summary>
    private async Task<TestTenant> TenantAsync()
    {
        var tenant = await factory.CreateTenantAsync();
        await tenant.CreateQueueAsync("support");
        await tenant.CreateQueueAsync("mail", """{"id":"mail","name":"Mail","media":"email"}""");
        await tenant.CreateAgentAsync("a1");
        await tenant.CreateAgentAsync("a2");
        await tenant.SetStateAsync("a1", "Available");
        return tenant;
    }

    [Theory]
    [InlineData("""{"direction":"inbound","queueId":"support","from":"+390212345678"}""", "media")]
    [InlineData("""{"media":null,"direction":"inbound","queueId":"support","from":"+390212345678"}""", "media")]
    [InlineData("""{"media":"voice","queueId":"support","from":"+390212345678"}""", "direction")]
    [InlineData("""{"media":"voice","direction":"internal","agentId":"a1","from":"+390212345678"}""", "agentId", "from", "fromAgentId", "toAgentId")]
    [InlineData("""{"media":"voice","direction":"inbound","from":"+390212345678"}""", "queueId", "agentId")]
    [InlineData("""{"media":"voice","direction":"inbound","queueId":"support","agentId":"a1","from":"+390212345678"}""", "queueId", "agentId")]
    [InlineData("""{"media":"voice","direction":"inbound","queueId":"support"}""", "from")]
    [InlineData("""{"media":"voice","direction":"inbound","agentId":"a1","to":"+390698765432"}""", "from")]
    [InlineData("""{"media":"voice","direction":"outbound","to":"+390698765432"}""", "agentId")]
    [InlineData("""{"media":"voice","direction":"outbound","agentId":"a1"}""", "to")]
    [InlineData("""{"media":"voice","direction":"outbound","agentId":"a1","queueId":"support","to":"+390698765432"}""", "queueId")]
    [InlineData("""{"media":"voice","direction":"inbound","queueId":"support","from":"0212345678"}""", "from")]
    [InlineData("""{"media":"voice","direction":"inbound","queueId":"support","from":"+39 02 1234 5678"}""", "from")]
    [InlineData("""{"media":"voice","direction":"inbound","queueId":"support","from":"+1234567"}""", "from")]
    [InlineData("""{"media":"voice","direction":"inbound","queueId":"support","from":"+1234567890123456"}""", "from")]
    [InlineData("""{"media":"voice","direction":"inbound","queueId":"support","from":"+3902123456a8"}""", "from")]
    [InlineData("""{"media":"voice","direction":"inbound","queueId":"support","from":""}""", "from")]
    [InlineData("""{"media":"voice","direction":"inbound","queueId":"support","from":"+390212345678","to":"sip:a@b"}""", "to")]
    [InlineData("""{"media":"voice","direction":"outbound","agentId":"a1","to":"+39069876543\u0000"}""", "to")]
    [InlineData("""{"media":"voice","direction":"inbound","queueId":"support","from":"+390212345678","priority":10}""", "priority")]
    [InlineData("""{"media":"voice","direction":"inbound","queueId":"support","from":"+390212345678","priority":-1}""", "priority")]
    [InlineData("""{"media":"voice","direction":"inbound","queueId":"support us","from":"+390212345678"}""", "queueId")]
    [InlineData("""{"media":"voice","direction":"inbound","queueId":"","from":"+390212345678"}""", "queueId")]
    [InlineData("""{"media":"voice","direction":"inbound","agentId":"a/1","from":"+390212345678"}""", "agentId")]
    [InlineData("""{"media":"voice","direction":"inbound","queueId":"nope","from":"+390212345678"}""", "queueId")]
    [InlineData("""{"media":"voice","direction":"inbound","agentId":"nobody","from":"+390212345678"}""", "agentId")]
    [InlineData("""{"media":"voice","direction":"outbound","agentId":"nobody","to":"+390698765432"}""", "agentId")]
    [InlineData("""{"media":"voice","direction":"inbound","queueId":"mail","from":"+390212345678"}""", "queueId")]
    [InlineData("""{"media":"email","direction":"inbound","from":"x","priority":12}""", "media", "queueId", "agentId", "from", "priority")]
    [InlineData("""{"media":"chat","direction":"inbound","priority":12}""", "queueId", "agentId", "from", "priority")]
    public async Task Create_breaking_a_rule_is_422_naming_each_field_and_creates_nothing(string body, params string[] fields)
    {
        var tenant = await TenantAsync();
        using var admin = tenant.Admin();

        using var response = await admin.SendJsonAsync(HttpMethod.Post, "/v1/interactions", body);

        Problem.AssertFields(await Problem.AssertAsync(response, HttpStatusCode.UnprocessableEntity), fields);
        Assert.Null(response.Headers.Location);
        await AssertAgentUntouchedAsync(tenant);
    }

    [Theory]
    [InlineData("email")]
    [InlineData("voicemail")]
    public async Task Email_and_voicemail_are_422_not_supported_yet(string media)
    {
        var tenant = await TenantAsync();
        using var admin = tenant.Admin();

        using var response = await admin.SendJsonAsync(HttpMethod.Post, "/v1/interactions",
            $$"""{"media":"{{media}}","direction":"inbound","agentId":"a1","from":"+390212345678"}""");

        var problem = await Problem.AssertAsync(response, HttpStatusCode.UnprocessableEntity);
        Problem.AssertFields(problem, "media");
        Assert.Contains("not supported yet", problem["errors"]!["media"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        await AssertAgentUntouchedAsync(tenant);
    }

    [Theory]
    [InlineData("queueId", """{"media":"voice","direction":"inbound","queueId":"nope","from":"+390212345678"}""", "nope")]
    [InlineData("agentId", """{"media":"voice","direction":"inbound","agentId":"nobody","from":"+390212345678"}""", "nobody")]
    public async Task Unknown_queue_or_agent_is_named_in_the_message(string field, string body, string id)
    {
        var tenant = await TenantAsync();
        using var admin = tenant.Admin();

        using var response = await admin.SendJsonAsync(HttpMethod.Post, "/v1/interactions", body);

        var problem = await Problem.AssertAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.Contains($"'{id}'", problem["errors"]![field]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"media":"fax","direction":"inbound","queueId":"support","from":"+390212345678"}""", "$.media", "voice, chat, email, voicemail")]
    [InlineData("""{"media":"voice,chat","direction":"inbound","queueId":"support","from":"+390212345678"}""", "$.media", null)]
    [InlineData("""{"media":0,"direction":"inbound","queueId":"support","from":"+390212345678"}""", "$.media", null)]
    [InlineData("""{"media":"voice","direction":"sideways","queueId":"support","from":"+390212345678"}""", "$.direction", "inbound, outbound")]
    [InlineData("""{"media":"voice","direction":1,"queueId":"support","from":"+390212345678"}""", "$.direction", null)]
    [InlineData("""{"media":"voice","direction":"inbound","queueId":["support"],"from":"+390212345678"}""", "$.queueId", null)]
    [InlineData("""{"media":"voice","direction":"inbound","agentId":1,"from":"+390212345678"}""", "$.agentId", null)]
    [InlineData("""{"media":"voice","direction":"inbound","queueId":"support","from":390212345678}""", "$.from", null)]
    [InlineData("""{"media":"voice","direction":"inbound","queueId":"support","from":"+390212345678","priority":"5"}""", "$.priority", null)]
    [InlineData("""{"media":"voice","direction":"inbound","queueId":"support","from":"+390212345678","priority":5.5}""", "$.priority", null)]
    public async Task Create_with_wrong_types_or_unknown_names_is_400_naming_the_field(string body, string path, string? allowed)
    {
        var tenant = await TenantAsync();
        using var admin = tenant.Admin();

        using var response = await admin.SendJsonAsync(HttpMethod.Post, "/v1/interactions", body);

        var detail = Problem.Detail(await Problem.AssertAsync(response, HttpStatusCode.BadRequest));
        Assert.Contains($"'{path}'", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("Switchboard.", detail, StringComparison.Ordinal);
        if (allowed is not null)
        {
            Assert.Contains(allowed, detail, StringComparison.Ordinal);
        }

        await AssertAgentUntouchedAsync(tenant);
    }

    [Theory]
    [InlineData("""{"media":"voice","direction":""")]
    [InlineData("""{"media":"voice" "direction":"inbound"}""")]
    [InlineData("""{"media":'voice'}""")]
    [InlineData("""[{"media":"voice"}]""")]
    [InlineData("")]
    [InlineData(null)]
    public async Task Create_with_a_malformed_or_missing_body_is_400(string? body)
    {
        var tenant = await TenantAsync();
        using var admin = tenant.Admin();

        using var response = await admin.SendJsonAsync(HttpMethod.Post, "/v1/interactions", body);

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest);
        await AssertAgentUntouchedAsync(tenant);
    }

    [Theory]
    [InlineData("accept")]
    [InlineData("hold")]
    [InlineData("end")]
    [InlineData("consult/cancel")]
    [InlineData("wrap-up")]
    public async Task Admin_action_without_agentId_is_422(string action)
    {
        var tenant = await TenantAsync();
        using var admin = tenant.Admin();

        foreach (var body in new[] { null, "{}", """{"agentId":null}""" })
        {
            using var response = await admin.ActAsync(NoInteraction, action, body);
            Problem.AssertFields(await Problem.AssertAsync(response, HttpStatusCode.UnprocessableEntity), "agentId");
        }

        using var bad = await admin.ActAsync(NoInteraction, action, """{"agentId":"a 1"}""");
        Problem.AssertFields(await Problem.AssertAsync(bad, HttpStatusCode.UnprocessableEntity), "agentId");
    }

    [Theory]
    [InlineData("""{"agentId":"a1"}""", "target")]
    [InlineData("""{"agentId":"a1","target":null}""", "target")]
    [InlineData("""{"agentId":"a1","target":{}}""", "target.type")]
    [InlineData("""{"agentId":"a1","target":{"id":"a2"}}""", "target.type")]
    [InlineData("""{"agentId":"a1","target":{"type":"agent"}}""", "target.id")]
    [InlineData("""{"agentId":"a1","target":{"type":"agent","id":"a 2"}}""", "target.id")]
    [InlineData("""{"agentId":"a1","target":{"type":"agent","id":"a2","number":"+390611122233"}}""", "target.number")]
    [InlineData("""{"agentId":"a1","target":{"type":"queue"}}""", "target.id")]
    [InlineData("""{"agentId":"a1","target":{"type":"external"}}""", "target.number")]
    [InlineData("""{"agentId":"a1","target":{"type":"external","number":"0611122233"}}""", "target.number")]
    [InlineData("""{"agentId":"a1","target":{"type":"external","number":"+3906","id":"x"}}""", "target.number", "target.id")]
    [InlineData("""{"target":{"type":"external","number":"+"}}""", "agentId", "target.number")]
    public async Task Transfer_and_consult_with_a_bad_target_are_422_naming_the_field(string body, params string[] fields)
    {
        var tenant = await TenantAsync();
        using var admin = tenant.Admin();

        foreach (var action in new[] { "transfer", "consult" })
        {
            using var response = await admin.ActAsync(NoInteraction, action, body);
            Problem.AssertFields(await Problem.AssertAsync(response, HttpStatusCode.UnprocessableEntity), fields);
        }
    }

    [Theory]
    [InlineData("""{"agentId":"a1","target":{"type":"agent","id":"nobody"}}""")]
    [InlineData("""{"agentId":"a1","target":{"type":"queue","id":"nope"}}""")]
    public async Task Transfer_and_consult_to_an_agent_or_queue_that_does_not_exist_are_422_naming_target_id_and_change_nothing(string body)
    {
        var tenant = await factory.CreateCallCenterAsync("support", codeRequired: false, "a1");
        using var admin = tenant.Admin();
        var call = await admin.CreateInteractionAsync(InteractionTestExtensions.Inbound("support"));
        var id = call.Text("id");
        await admin.WaitForOfferAsync(id, "a1");
        await admin.ActAsAsync("a1", id, "accept");

        foreach (var action in new[] { "transfer", "consult" })
        {
            using var response = await admin.ActAsync(id, action, body);
            Problem.AssertFields(await Problem.AssertAsync(response, HttpStatusCode.UnprocessableEntity), "target.id");
        }

        var after = await admin.GetInteractionAsync(id);
        Assert.Equal("Connected", after.Text("state"));
        Assert.Null(after["consult"]);
        Assert.Equal("a1", after.Text("handler"));
    }

    [Theory]
    [InlineData("""{"agentId":"a1","target":{"type":"planet","id":"a2"}}""", "$.target.type", "agent, queue, external")]
    [InlineData("""{"agentId":"a1","target":{"type":0,"id":"a2"}}""", "$.target.type", null)]
    [InlineData("""{"agentId":"a1","target":"a2"}""", "$.target", null)]
    [InlineData("""{"agentId":["a1"],"target":{"type":"agent","id":"a2"}}""", "$.agentId", null)]
    public async Task Transfer_with_wrong_types_is_400_naming_the_field(string body, string path, string? allowed)
    {
        var tenant = await TenantAsync();
        using var admin = tenant.Admin();

        using var response = await admin.ActAsync(NoInteraction, "transfer", body);

        var detail = Problem.Detail(await Problem.AssertAsync(response, HttpStatusCode.BadRequest));
        Assert.Contains($"'{path}'", detail, StringComparison.Ordinal);
        if (allowed is not null)
        {
            Assert.Contains(allowed, detail, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Transfer_without_a_body_is_400()
    {
        var tenant = await TenantAsync();
        using var admin = tenant.Admin();

        using var response = await admin.ActAsync(NoInteraction, "transfer");

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("""{"agentId":"a1","transactionCodes":["Sale"]}""", "transactionCodes[0]")]
    [InlineData("""{"agentId":"a1","transactionCodes":["sale",null]}""", "transactionCodes[1]")]
    [InlineData("""{"agentId":"a1","transactionCodes":["sale",""]}""", "transactionCodes[1]")]
    [InlineData("""{"agentId":"a1","transactionCodes":["c1","c2","c3","c4","c5","c6","c7","c8","c9","c10","c11","c12","c13","c14","c15","c16","c17","c18","c19","c20","c21"]}""", "transactionCodes")]
    [InlineData("""{"agentId":"a1","notes":""}""", "notes")]
    [InlineData("""{"agentId":"a1","notes":"   "}""", "notes")]
    [InlineData("""{"agentId":"a1","notes":"bell \u0007"}""", "notes")]
    [InlineData("""{"agentId":"a1","notes":"flip \u202E"}""", "notes")]
    public async Task Wrap_up_breaking_a_rule_is_422_naming_the_field(string body, string field)
    {
        var tenant = await TenantAsync();
        using var admin = tenant.Admin();

        using var response = await admin.ActAsync(NoInteraction, "wrap-up", body);

        Problem.AssertFields(await Problem.AssertAsync(response, HttpStatusCode.UnprocessableEntity), field);
    }

    [Fact]
    public async Task Wrap_up_notes_over_2000_characters_are_422()
    {
        var tenant = await TenantAsync();
        using var admin = tenant.Admin();

        using var response = await admin.ActAsync(NoInteraction, "wrap-up", $$"""{"agentId":"a1","notes":"{{new string('n', 2001)}}"}""");

        Problem.AssertFields(await Problem.AssertAsync(response, HttpStatusCode.UnprocessableEntity), "notes");
    }

    [Theory]
    [InlineData("""{"agentId":"a1","transactionCodes":"sale"}""", "$.transactionCodes")]
    [InlineData("""{"agentId":"a1","transactionCodes":[1]}""", "$.transactionCodes[0]")]
    [InlineData("""{"agentId":"a1","notes":42}""", "$.notes")]
    public async Task Wrap_up_with_wrong_types_is_400_naming_the_field(string body, string path)
    {
        var tenant = await TenantAsync();
        using var admin = tenant.Admin();

        using var response = await admin.ActAsync(NoInteraction, "wrap-up", body);

        Assert.Contains($"'{path}'", Problem.Detail(await Problem.AssertAsync(response, HttpStatusCode.BadRequest)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"legId":"L1","event":"ended"}""", "interactionId")]
    [InlineData("""{"interactionId":"i 1","legId":"L1","event":"ended"}""", "interactionId")]
    [InlineData("""{"interactionId":"i_1","event":"ended"}""", "legId")]
    [InlineData("""{"interactionId":"i_1","legId":"L 1","event":"ended"}""", "legId")]
    [InlineData("""{"interactionId":"i_1","legId":"L1"}""", "event")]
    [InlineData("""{}""", "interactionId", "legId", "event")]
    public async Task Telephony_event_breaking_a_rule_is_422_naming_the_field(string body, params string[] fields)
    {
        var tenant = await TenantAsync();
        using var admin = tenant.Admin();

        using var response = await admin.SendJsonAsync(HttpMethod.Post, "/v1/telephony/events", body);

        Problem.AssertFields(await Problem.AssertAsync(response, HttpStatusCode.UnprocessableEntity), fields);
    }

    [Theory]
    [InlineData("""{"interactionId":"i_1","legId":"L1","event":"rang"}""", "$.event", "answered, ended, failed")]
    [InlineData("""{"interactionId":"i_1","legId":"L1","event":1}""", "$.event", null)]
    [InlineData("""{"interactionId":"i_1","legId":1,"event":"ended"}""", "$.legId", null)]
    public async Task Telephony_event_with_wrong_types_is_400_naming_the_field(string body, string path, string? allowed)
    {
        var tenant = await TenantAsync();
        using var admin = tenant.Admin();

        using var response = await admin.SendJsonAsync(HttpMethod.Post, "/v1/telephony/events", body);

        var detail = Problem.Detail(await Problem.AssertAsync(response, HttpStatusCode.BadRequest));
        Assert.Contains($"'{path}'", detail, StringComparison.Ordinal);
        if (allowed is not null)
        {
            Assert.Contains(allowed, detail, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("GET", "/v1/interactions/a%20b", null)]
    [InlineData("GET", "/v1/interactions/-i", null)]
    [InlineData("GET", "/v1/interactions/iiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiii", null)]
    [InlineData("POST", "/v1/interactions/a%01b/accept", """{"agentId":"a1"}""")]
    [InlineData("POST", "/v1/interactions/a%20b/transfer", """{"agentId":"a1","target":{"type":"agent","id":"a2"}}""")]
    [InlineData("POST", "/v1/interactions/a%20b/wrap-up", """{"agentId":"a1"}""")]
    public async Task Illegal_interaction_id_in_the_path_is_400(string method, string path, string? body)
    {
        var tenant = await TenantAsync();
        using var admin = tenant.Admin();

        using var response = await admin.SendJsonAsync(new HttpMethod(method), path, body);

        var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("not a valid interaction id", Problem.Detail(problem), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_action_is_404()
    {
        var tenant = await TenantAsync();
        using var admin = tenant.Admin();

        using var response = await admin.ActAsync(NoInteraction, "teleport", """{"agentId":"a1"}""");

        await Problem.AssertAsync(response, HttpStatusCode.NotFound);
    }

    /// <summary>Nothing routed to a1 and its state untouched (a created direct call would have held it).</summary>
    private static async Task AssertAgentUntouchedAsync(TestTenant tenant)
    {
        var state = await tenant.GetStateAsync("a1");
        Assert.Equal("Available", state.Text("state"));
        Assert.Equal(1, state.Number("version"));
    }
}
