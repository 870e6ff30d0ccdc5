using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Switchboard.Api.Tests.Support;

namespace Switchboard.Api.Tests;

/// <summary>Creating and reading interactions, the wire shape, and how the grain's refusals map to problems.</summary>
public sealed partial class InteractionCreateAndReadTests(SwitchboardApiFactory factory)
{
    private const string NoInteraction = "i_00000000000000000000000000000000";

    [Fact]
    public async Task Inbound_call_into_a_queue_is_201_with_location_and_every_field_and_get_shows_the_same()
    {
        var center = await factory.CallCenterWithAgentKeysAsync();
        using var admin = center.Tenant.Admin();

        var created = await admin.CreateInteractionAsync(
            """{"media":"voice","direction":"inbound","queueId":"empty","from":"+390212345678","to":"+390698765432","priority":7}""");

        Assert.Matches(IdPattern(), created.Text("id"));
        Assert.Equal("Queued", created.Text("state"));
        Assert.Equal("voice", created.Text("media"));
        Assert.Equal("inbound", created.Text("direction"));
        Assert.Equal("empty", created.Text("queueId"));
        Assert.Equal(7, created.Number("priority"));
        Assert.Equal("+390212345678", created.Text("from"));
        Assert.Equal("+390698765432", created.Text("to"));
        Assert.Null(created.TextOrNull("endedAt"));
        Assert.Null(created.TextOrNull("handler"));
        Assert.Empty(created["participants"]!.AsArray());
        Assert.False(created["conference"]!.GetValue<bool>());
        var leg = Assert.Single(created["legs"]!.AsArray())!;
        Assert.Equal("L1", leg.Text("id"));
        Assert.Equal(1, leg.Number("line"));
        Assert.Equal("customer", leg.Text("party"));
        Assert.Equal("+390212345678", leg.Text("address"));
        Assert.Equal("connected", leg.Text("state"));
        Assert.Equal(created.Time("createdAt"), leg.Time("startedAt"));
        Assert.Null(created["offer"]);
        Assert.Null(created["consult"]);
        Assert.Empty(created["wrapUps"]!.AsArray());
        Assert.Empty(created["transactionCodes"]!.AsArray());
        Assert.Empty(created["notes"]!.AsArray());
        var timeline = created["timeline"]!.AsArray();
        Assert.Equal(["created", "queued"], created.EventTypes());
        Assert.Equal([1L, 2L], timeline.Select(e => e!.Number("sequence")));
        Assert.All(timeline, e => Assert.Equal($"api:{center.Tenant.AdminKeyId}", e!.Text("actor")));
        Assert.Equal("empty", timeline[1]!["details"]!.Text("queue"));

        var read = await admin.GetInteractionAsync(created.Text("id"));
        Assert.Equal(created.ToJsonString(), read.ToJsonString());
    }

    [Fact]
    public async Task Priority_defaults_to_5()
    {
        var center = await factory.CallCenterWithAgentKeysAsync();
        using var admin = center.Tenant.Admin();

        var created = await admin.CreateInteractionAsync("""{"media":"voice","direction":"inbound","queueId":"empty","from":"+390212345678"}""");

        Assert.Equal(5, created.Number("priority"));
        Assert.Null(created.TextOrNull("to"));
    }

    [Fact]
    public async Task Unknown_fields_are_refused_by_name_and_create_nothing()
    {
        var center = await factory.CallCenterWithAgentKeysAsync();
        using var admin = center.Tenant.Admin();

        using var response = await admin.SendJsonAsync(HttpMethod.Post, "/v1/interactions",
            """{"media":"voice","direction":"inbound","queueId":"empty","from":"+390212345678","crmCase":"C-17"}""");

        var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest);
        Problem.AssertFields(problem, "crmCase");
        Assert.Empty((await admin.GetOkJsonAsync("/v1/interactions")).Items());
    }

    [Fact]
    public async Task Direct_call_is_offered_to_the_agent_at_once()
    {
        var center = await factory.CallCenterWithAgentKeysAsync();
        using var admin = center.Tenant.Admin();

        var created = await admin.CreateInteractionAsync(InteractionTestExtensions.Direct("a2"));

        Assert.Equal("Offered", created.Text("state"));
        Assert.Null(created.TextOrNull("queueId"));
        var offer = created["offer"]!;
        Assert.Equal("a2", offer.Text("agentId"));
        Assert.Null(offer.TextOrNull("queueId"));
        Assert.Equal("main", offer.Text("purpose"));
        Assert.True(offer.Time("expiresAt") > offer.Time("offeredAt"));
        Assert.Contains("offered", created.EventTypes());
    }

    [Fact]
    public async Task Outbound_call_rings_the_agents_phone_first()
    {
        var center = await factory.CallCenterWithAgentKeysAsync();
        using var admin = center.Tenant.Admin();

        var created = await admin.CreateInteractionAsync(InteractionTestExtensions.Outbound("a2"));

        Assert.Equal("Dialing", created.Text("state"));
        Assert.Equal("outbound", created.Text("direction"));
        Assert.Equal("a2", created.Text("handler"));
        Assert.Equal(["a2"], created.Strings("participants"));
        var leg = Assert.Single(created["legs"]!.AsArray())!;
        Assert.Equal("agent", leg.Text("party"));
        Assert.Equal("a2", leg.Text("address"));
        Assert.Equal("ringing", leg.Text("state"));
        await center.Tenant.WaitForAgentStateAsync("a2", "Busy");
    }

    [Theory]
    [InlineData("Break", "direct")]
    [InlineData("LoggedOut", "direct")]
    [InlineData("Break", "outbound")]
    public async Task Direct_or_outbound_call_for_an_agent_who_cannot_take_it_is_409_and_creates_nothing(string state, string kind)
    {
        var center = await factory.CallCenterWithAgentKeysAsync();
        await center.Tenant.SetStateAsync("a2", state);
        using var admin = center.Tenant.Admin();
        var version = (await center.Tenant.GetStateAsync("a2")).Number("version");

        using var response = await admin.SendJsonAsync(HttpMethod.Post, "/v1/interactions",
            kind == "direct" ? InteractionTestExtensions.Direct("a2") : InteractionTestExtensions.Outbound("a2"));

        var problem = await Problem.AssertAsync(response, HttpStatusCode.Conflict);
        Assert.Contains("a2", Problem.Detail(problem), StringComparison.Ordinal);
        Assert.Null(response.Headers.Location);
        var after = await center.Tenant.GetStateAsync("a2");
        Assert.Equal(state, after.Text("state"));
        Assert.Equal(version, after.Number("version"));
    }

    [Fact]
    public async Task A_second_direct_call_to_an_agent_with_an_open_offer_is_409()
    {
        var center = await factory.CallCenterWithAgentKeysAsync();
        using var admin = center.Tenant.Admin();
        var first = await admin.CreateInteractionAsync(InteractionTestExtensions.Direct("a2"));

        using var response = await admin.SendJsonAsync(HttpMethod.Post, "/v1/interactions", InteractionTestExtensions.Direct("a2"));

        await Problem.AssertAsync(response, HttpStatusCode.Conflict);
        Assert.Equal("a2", (await admin.GetInteractionAsync(first.Text("id")))["offer"]!.Text("agentId"));
    }

    [Fact]
    public async Task Refused_creates_leave_the_agent_free_for_the_next_call()
    {
        var center = await factory.CallCenterWithAgentKeysAsync();
        using var admin = center.Tenant.Admin();
        string[] refused =
        [
            """{"media":"email","direction":"inbound","agentId":"a2","from":"+390212345678"}""",
            """{"media":"chat","direction":"outbound","agentId":"a2","to":"maria@example.com"}""",
            """{"media":"chat","direction":"inbound","agentId":"a2","from":"ann\u0007@example.com"}""",
            """{"media":"voice","direction":"inbound","agentId":"a2","queueId":"support","from":"+390212345678"}""",
            """{"media":"voice","direction":"inbound","agentId":"a2","from":"+390212345678","priority":10}""",
            """{"media":"voice","direction":"inbound","agentId":"a2","from":"12"}""",
            """{"media":"voice","direction":"sideways","agentId":"a2","from":"+390212345678"}""",
        ];
        foreach (var body in refused)
        {
            using var response = await admin.SendJsonAsync(HttpMethod.Post, "/v1/interactions", body);
            Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity, body);
        }

        var created = await admin.CreateInteractionAsync(InteractionTestExtensions.Direct("a2"));
        Assert.Equal("a2", created["offer"]!.Text("agentId"));
    }

    [Fact]
    public async Task Unknown_interaction_is_404_for_get_actions_and_telephony_events()
    {
        var center = await factory.CallCenterWithAgentKeysAsync();
        using var admin = center.Tenant.Admin();

        using (var get = await admin.GetResponseAsync($"/v1/interactions/{NoInteraction}"))
        {
            Assert.Contains(NoInteraction, Problem.Detail(await Problem.AssertAsync(get, HttpStatusCode.NotFound)), StringComparison.Ordinal);
        }

        foreach (var action in new[] { "accept", "hold", "end", "consult/complete", "conference" })
        {
            using var response = await admin.ActAsync(NoInteraction, action, """{"agentId":"a1"}""");
            await Problem.AssertAsync(response, HttpStatusCode.NotFound);
        }

        using (var transfer = await admin.ActAsync(NoInteraction, "transfer", """{"agentId":"a1","target":{"type":"external","number":"+390611122233"}}"""))
        {
            await Problem.AssertAsync(transfer, HttpStatusCode.NotFound);
        }

        using var telephony = await admin.SendJsonAsync(HttpMethod.Post, "/v1/telephony/events", $$"""{"interactionId":"{{NoInteraction}}","legId":"L1","event":"answered"}""");
        await Problem.AssertAsync(telephony, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Action_the_state_does_not_allow_is_409_with_the_reason_and_changes_nothing()
    {
        var center = await factory.CallCenterWithAgentKeysAsync();
        using var admin = center.Tenant.Admin();
        using var a2 = factory.ClientWith(center.Keys["a2"]);
        var id = (await admin.CreateInteractionAsync(InteractionTestExtensions.Direct("a2"))).Text("id");
        var before = await admin.GetInteractionAsync(id);

        foreach (var action in new[] { "end", "wrap-up" })
        {
            using var response = await a2.ActAsync(id, action);
            Assert.False(string.IsNullOrWhiteSpace(Problem.Detail(await Problem.AssertAsync(response, HttpStatusCode.Conflict))));
        }

        Assert.Equal(before.ToJsonString(), (await admin.GetInteractionAsync(id)).ToJsonString());
    }

    [Fact]
    public async Task Acting_as_an_agent_not_on_the_call_is_403()
    {
        var center = await factory.CallCenterWithAgentKeysAsync();
        using var admin = center.Tenant.Admin();
        var id = (await admin.CreateInteractionAsync(InteractionTestExtensions.Direct("a2"))).Text("id");

        using var response = await admin.ActAsync(id, "accept", """{"agentId":"a3"}""");

        await Problem.AssertAsync(response, HttpStatusCode.Forbidden);
        Assert.Equal("Offered", (await admin.GetInteractionAsync(id)).Text("state"));
    }

    [Fact]
    public async Task Transfer_to_itself_is_422_and_to_an_agent_on_break_409()
    {
        var center = await factory.CallCenterWithAgentKeysAsync();
        using var admin = center.Tenant.Admin();
        using var a2 = factory.ClientWith(center.Keys["a2"]);
        var id = (await admin.CreateInteractionAsync(InteractionTestExtensions.Direct("a2"))).Text("id");
        await a2.ActOkAsync(id, "accept");
        await center.Tenant.SetStateAsync("a3", "Break");

        using (var self = await a2.ActAsync(id, "transfer", """{"target":{"type":"agent","id":"a2"}}"""))
        {
            await Problem.AssertAsync(self, HttpStatusCode.UnprocessableEntity);
        }

        using (var onBreak = await a2.ActAsync(id, "transfer", """{"target":{"type":"agent","id":"a3"}}"""))
        {
            await Problem.AssertAsync(onBreak, HttpStatusCode.Conflict);
        }

        var after = await admin.GetInteractionAsync(id);
        Assert.Equal("Connected", after.Text("state"));
        Assert.Equal("a2", after.Text("handler"));
    }

    [Fact]
    public async Task Telephony_event_for_an_unknown_leg_is_422_and_a_repeated_event_200_unchanged()
    {
        var center = await factory.CallCenterWithAgentKeysAsync();
        using var admin = center.Tenant.Admin();
        var id = (await admin.CreateInteractionAsync(InteractionTestExtensions.Inbound("empty"))).Text("id");

        using (var unknown = await admin.SendJsonAsync(HttpMethod.Post, "/v1/telephony/events", $$"""{"interactionId":"{{id}}","legId":"L9","event":"ended"}"""))
        {
            Assert.Contains("L9", Problem.Detail(await Problem.AssertAsync(unknown, HttpStatusCode.UnprocessableEntity)), StringComparison.Ordinal);
        }

        var first = await admin.ReportLegAsync(id, "L1", "ended");
        var again = await admin.ReportLegAsync(id, "L1", "ended");

        Assert.Equal("Abandoned", first.Text("state"));
        Assert.Equal(first.ToJsonString(), again.ToJsonString());
    }

    [Fact]
    public async Task Idempotency_key_replays_the_created_interaction_instead_of_creating_another()
    {
        var center = await factory.CallCenterWithAgentKeysAsync();
        using var admin = center.Tenant.Admin();
        var body = InteractionTestExtensions.Inbound("empty");
        void Key(HttpRequestMessage r) => r.Headers.Add("Idempotency-Key", "create-1");

        using var first = await admin.SendJsonAsync(HttpMethod.Post, "/v1/interactions", body, Key);
        using var second = await admin.SendJsonAsync(HttpMethod.Post, "/v1/interactions", body, Key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal("true", second.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal((await first.ReadJsonAsync()).Text("id"), (await second.ReadJsonAsync()).Text("id"));
    }

    [Theory]
    [InlineData("/v1/interactions", "post")]
    [InlineData("/v1/interactions/{interactionId}", "get")]
    [InlineData("/v1/interactions/{interactionId}/accept", "post")]
    [InlineData("/v1/interactions/{interactionId}/reject", "post")]
    [InlineData("/v1/interactions/{interactionId}/hold", "post")]
    [InlineData("/v1/interactions/{interactionId}/resume", "post")]
    [InlineData("/v1/interactions/{interactionId}/end", "post")]
    [InlineData("/v1/interactions/{interactionId}/transfer", "post")]
    [InlineData("/v1/interactions/{interactionId}/consult", "post")]
    [InlineData("/v1/interactions/{interactionId}/consult/complete", "post")]
    [InlineData("/v1/interactions/{interactionId}/consult/cancel", "post")]
    [InlineData("/v1/interactions/{interactionId}/conference", "post")]
    [InlineData("/v1/interactions/{interactionId}/wrap-up", "post")]
    [InlineData("/v1/telephony/events", "post")]
    public async Task Every_interaction_endpoint_is_documented_with_examples_and_its_problems(string path, string method)
    {
        using var client = factory.ClientWith(null);
        using var response = await client.GetResponseAsync("/swagger/v1/swagger.json");
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var root = document.RootElement;

        Assert.True(root.GetProperty("paths").TryGetProperty(path, out var item), $"{path} is not documented");
        Assert.True(item.TryGetProperty(method, out var operation), $"{method.ToUpperInvariant()} {path} is not documented");
        Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("summary").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("description").GetString()));
        var tag = operation.GetProperty("tags")[0].GetString();
        Assert.Equal(path.StartsWith("/v1/telephony", StringComparison.Ordinal) ? "Telephony" : "Interactions", tag);
        var responses = operation.GetProperty("responses");
        foreach (var status in new[] { "400", "401", "403", method == "get" ? "404" : "422" })
        {
            Assert.True(responses.TryGetProperty(status, out var problem), $"{status} is not documented");
            Assert.True(problem.GetProperty("content").TryGetProperty(Problem.ContentType, out _), $"{status} is not a problem");
        }

        var success = responses.GetProperty(path == "/v1/interactions" ? "201" : "200");
        Assert.True(Resolve(root, success.GetProperty("content").GetProperty("application/json").GetProperty("schema")).TryGetProperty("example", out _),
            "the response schema has no example");
        if (operation.TryGetProperty("requestBody", out var body))
        {
            var schema = Resolve(root, body.GetProperty("content").GetProperty("application/json").GetProperty("schema"));
            Assert.True(schema.TryGetProperty("example", out _), "the body schema has no example");
        }
    }

    private static JsonElement Resolve(JsonElement root, JsonElement schema)
    {
        if (!schema.TryGetProperty("$ref", out var reference))
        {
            return schema;
        }

        var name = reference.GetString()!.Split('/')[^1];
        return root.GetProperty("components").GetProperty("schemas").GetProperty(name);
    }

    [GeneratedRegex(@"\Ai_[0-9a-f]{32}\z")]
    private static partial Regex IdPattern();
}
