using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Switchboard.Api.Live;
using Switchboard.Api.Tests.Support;
using static Switchboard.Api.Tests.Support.CobrowseTestExtensions;

namespace Switchboard.Api.Tests;

/// <summary>
/// Co-browse: the handling agent starts a session on a call in progress and reads the code to the customer, who joins
/// with it once (no key) and follows the session with its token until the agent ends it; who may start and end, one open
/// session, the interaction's end, the timeline and the agent's socket; wrong codes, malformed bodies and the limits.
/// </summary>
public sealed class CobrowseTests(SwitchboardApiFactory factory)
{
    [Fact]
    public async Task The_agent_starts_a_session_the_customer_joins_once_and_reads_it_until_the_agent_ends_it()
    {
        using var call = await factory.ConnectedCallAsync();
        var started = await call.Agent.StartCobrowseOkAsync(call.Id);
        var (sessionId, code) = (started.Text("sessionId"), started.Text("joinCode"));

        // The interaction lists the session, never its code.
        var waiting = (await call.Admin.GetInteractionAsync(call.Id)).Cobrowse(sessionId);
        Assert.Equal(["sessionId", "agentId", "state", "startedAt", "expiresAt", "joinedAt", "endedAt", "endReason"], waiting.AsObject().Select(p => p.Key));
        Assert.Equal(("a1", "waiting", null), (waiting.Text("agentId"), waiting.Text("state"), waiting["joinedAt"]));
        Assert.Equal(started.Time("expiresAt"), waiting.Time("expiresAt"));
        Assert.Equal(TimeSpan.FromMinutes(10), waiting.Time("expiresAt") - waiting.Time("startedAt"));

        using var customer = factory.CustomerAt();
        var (joined, token) = await customer.JoinOkAsync(code);
        Assert.Equal(sessionId, joined);
        await customer.JoinRefusedAsync(code);
        using (var other = factory.CustomerAt())
        {
            await other.JoinRefusedAsync(code);
        }

        var active = await customer.ReadCobrowseOkAsync(token);
        Assert.Equal((sessionId, "active", null), (active.Text("sessionId"), active.Text("state"), active["endedAt"]));
        Assert.Equal("active", (await call.Agent.GetInteractionAsync(call.Id)).Cobrowse(sessionId).Text("state"));

        var ended = await call.Agent.EndCobrowseOkAsync(call.Id, sessionId);
        Assert.Equal((sessionId, "ended", "agent"), (ended.Text("sessionId"), ended.Text("state"), ended.Text("endReason")));
        Assert.NotNull(ended["joinedAt"]);
        var read = await customer.ReadCobrowseOkAsync(token);
        Assert.Equal(("ended", ended.Time("endedAt")), (read.Text("state"), read.Time("endedAt")));

        // Ending again answers the session as it is.
        Assert.Equal(ended.ToJsonString(), (await call.Agent.EndCobrowseOkAsync(call.Id, sessionId)).ToJsonString());

        var interaction = await call.Admin.GetInteractionAsync(call.Id);
        var events = interaction["timeline"]!.AsArray().Where(e => e!.Text("type").StartsWith("cobrowse-", StringComparison.Ordinal)).ToList();
        Assert.Equal(["cobrowse-started", "cobrowse-joined", "cobrowse-ended"], events.Select(e => e!.Text("type")));
        Assert.All(events, e => Assert.Equal(sessionId, e!["details"]!.Text("sessionId")));
        Assert.Equal(["agent:a1", "customer", "agent:a1"], events.Select(e => e!.Text("actor")));

        // Once it ended, another may start.
        Assert.NotEqual(sessionId, (await call.Agent.StartCobrowseOkAsync(call.Id)).Text("sessionId"));
    }

    [Fact]
    public async Task Only_the_handling_agent_or_a_key_acting_for_it_and_only_while_the_call_is_in_progress()
    {
        using var call = await factory.ConnectedCallAsync();
        await call.Tenant.CreateAgentAsync("a2");
        var (_, otherKey) = await call.Tenant.IssueKeyAsync("agent", "a2");
        using var other = factory.ClientWith(otherKey);
        using var anonymous = factory.ClientWith(null);

        using (var response = await anonymous.StartCobrowseAsync(call.Id))
        {
            await Problem.AssertAsync(response, HttpStatusCode.Unauthorized);
        }

        using (var response = await other.StartCobrowseAsync(call.Id))
        {
            Assert.Contains("'a2' is not handling", Problem.Detail(await Problem.AssertAsync(response, HttpStatusCode.Forbidden)), StringComparison.Ordinal);
        }

        // An admin key starts it for the handler; one open at a time.
        var sessionId = (await call.Admin.StartCobrowseOkAsync(call.Id)).Text("sessionId");
        var interaction = await call.Admin.GetInteractionAsync(call.Id);
        Assert.Equal("a1", interaction.Cobrowse(sessionId).Text("agentId"));
        Assert.Equal($"api:{call.Tenant.AdminKeyId}", interaction["timeline"]!.AsArray()[^1]!.Text("actor"));
        using (var response = await call.Agent.StartCobrowseAsync(call.Id))
        {
            Assert.Contains($"'{sessionId}' is open already", Problem.Detail(await Problem.AssertAsync(response, HttpStatusCode.Conflict)), StringComparison.Ordinal);
        }

        using (var response = await other.EndCobrowseAsync(call.Id, sessionId))
        {
            await Problem.AssertAsync(response, HttpStatusCode.Forbidden);
        }

        using (var response = await call.Agent.EndCobrowseAsync(call.Id, "cb_unknown"))
        {
            Assert.Contains("no co-browse session 'cb_unknown'", Problem.Detail(await Problem.AssertAsync(response, HttpStatusCode.NotFound)), StringComparison.Ordinal);
        }

        using (var response = await call.Admin.StartCobrowseAsync("i_unknown"))
        {
            await Problem.AssertAsync(response, HttpStatusCode.NotFound);
        }

        // The call ends: so does its session, and none starts again.
        await call.Agent.ActOkAsync(call.Id, "end");
        var ended = (await call.Admin.GetInteractionAsync(call.Id)).Cobrowse(sessionId);
        Assert.Equal(("ended", "interaction-ended"), (ended.Text("state"), ended.Text("endReason")));
        using (var response = await call.Agent.StartCobrowseAsync(call.Id))
        {
            Assert.Contains("in progress", Problem.Detail(await Problem.AssertAsync(response, HttpStatusCode.Conflict)), StringComparison.Ordinal);
        }

        // Nor on a call still waiting for an agent.
        await call.Tenant.CreateQueueAsync("empty");
        var queued = (await call.Admin.CreateInteractionAsync(InteractionTestExtensions.Inbound("empty"))).Text("id");
        using (var response = await call.Admin.StartCobrowseAsync(queued))
        {
            await Problem.AssertAsync(response, HttpStatusCode.Conflict);
        }
    }

    [Fact]
    public async Task The_agents_socket_sees_the_session_start_join_and_end()
    {
        using var call = await factory.ConnectedCallAsync();
        await using var console = await LiveTestClient.ConnectAsync(factory, call.AgentKey);
        await console.SubscribeAsync("interactions:a1");
        await console.NextOfTypeAsync("snapshot", "interactions:a1");

        var started = await call.Agent.StartCobrowseOkAsync(call.Id);
        var sessionId = started.Text("sessionId");
        await NextCobrowseAsync(console, call.Id, sessionId, "waiting", "cobrowse-started");

        using var customer = factory.CustomerAt();
        await customer.JoinOkAsync(started.Text("joinCode"));
        await NextCobrowseAsync(console, call.Id, sessionId, "active", "cobrowse-joined");

        await call.Agent.EndCobrowseOkAsync(call.Id, sessionId);
        var ended = await NextCobrowseAsync(console, call.Id, sessionId, "ended", "cobrowse-ended");
        Assert.DoesNotContain("joinCode", ended.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Five_wrong_codes_lock_the_address_out_even_for_the_right_code()
    {
        using var call = await factory.ConnectedCallAsync();
        var code = (await call.Agent.StartCobrowseOkAsync(call.Id)).Text("joinCode");
        using var guesser = factory.CustomerAt();
        for (var i = 1; i <= 5; i++)
        {
            await guesser.JoinRefusedAsync(Wrong(code, i));
        }

        using (var response = await guesser.JoinAsync($$"""{"joinCode":"{{code}}"}"""))
        {
            var problem = await Problem.AssertAsync(response, HttpStatusCode.TooManyRequests);
            var retryAfter = int.Parse(Assert.Single(response.Headers.GetValues("Retry-After")), NumberStyles.None, CultureInfo.InvariantCulture);
            Assert.InRange(retryAfter, 1, 900);
            Assert.Contains($"retry after {retryAfter} s", Problem.Detail(problem), StringComparison.Ordinal);
        }

        // The refused attempt did not use the code up: the customer, elsewhere, joins with it.
        using var customer = factory.CustomerAt();
        await customer.JoinOkAsync(code);
    }

    [Theory]
    [InlineData("""{"joinCode":"12345"}""", HttpStatusCode.UnprocessableEntity)]
    [InlineData("""{"joinCode":"1234567"}""", HttpStatusCode.UnprocessableEntity)]
    [InlineData("""{"joinCode":"12345a"}""", HttpStatusCode.UnprocessableEntity)]
    [InlineData("""{"joinCode":"١٢٣٤٥٦"}""", HttpStatusCode.UnprocessableEntity)]
    [InlineData("""{"joinCode":" 12345"}""", HttpStatusCode.UnprocessableEntity)]
    [InlineData("""{"joinCode":null}""", HttpStatusCode.UnprocessableEntity)]
    [InlineData("""{}""", HttpStatusCode.UnprocessableEntity)]
    [InlineData("""{"joinCode":123456}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"joinCode":"123456","sessionId":"cb_1"}""", HttpStatusCode.BadRequest)]
    [InlineData("""joinCode=123456""", HttpStatusCode.BadRequest)]
    [InlineData("""[]""", HttpStatusCode.BadRequest)]
    [InlineData(null, HttpStatusCode.BadRequest)]
    public async Task A_malformed_join_is_refused_as_a_problem_and_is_no_wrong_guess(string? json, HttpStatusCode status)
    {
        using var call = await factory.ConnectedCallAsync();
        var code = (await call.Agent.StartCobrowseOkAsync(call.Id)).Text("joinCode");
        using var customer = factory.CustomerAt();
        for (var i = 0; i < 6; i++)
        {
            using var response = await customer.JoinAsync(json!);
            var problem = await Problem.AssertAsync(response, status);
            if (status == HttpStatusCode.UnprocessableEntity)
            {
                Problem.AssertFields(problem, "joinCode");
            }
        }

        await customer.JoinOkAsync(code);
    }

    [Fact]
    public async Task An_oversized_join_is_413_and_a_customer_token_reads_only_its_own_session()
    {
        using var customer = factory.CustomerAt();
        using (var response = await customer.JoinAsync($$"""{"joinCode":"{{new string('1', 70_000)}}"}"""))
        {
            await Problem.AssertAsync(response, HttpStatusCode.RequestEntityTooLarge);
        }

        using var call = await factory.ConnectedCallAsync();
        var (sessionId, token) = await customer.JoinOkAsync((await call.Agent.StartCobrowseOkAsync(call.Id)).Text("joinCode"));
        foreach (var bad in new[] { null, "", "cb.", $"cb.{sessionId}.", $"cb.{sessionId}.{new string('A', 43)}", $"ct.{sessionId}.{token[^43..]}",
            "cb.cb_unknown." + token[^43..], call.AgentKey, token + "x" })
        {
            using var response = await customer.ReadCobrowseAsync(bad);
            await Problem.AssertAsync(response, HttpStatusCode.Unauthorized);
            Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
        }

        Assert.Equal("active", (await customer.ReadCobrowseOkAsync(token)).Text("state"));
    }

    [Fact]
    public async Task Joins_from_one_address_are_rate_limited_per_minute()
    {
        using var customer = factory.CustomerAt();
        for (var i = 0; i < 20; i++)
        {
            using var malformed = await customer.JoinAsync("""{"joinCode":"x"}""");
            await Problem.AssertAsync(malformed, HttpStatusCode.UnprocessableEntity);
        }

        using var response = await customer.JoinAsync("""{"joinCode":"x"}""");
        await Problem.AssertAsync(response, HttpStatusCode.TooManyRequests);
        var retryAfter = int.Parse(Assert.Single(response.Headers.GetValues("Retry-After")), NumberStyles.None, CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 60);

        // Another address is not limited by it.
        using var other = factory.CustomerAt();
        using var elsewhere = await other.JoinAsync("""{"joinCode":"x"}""");
        await Problem.AssertAsync(elsewhere, HttpStatusCode.UnprocessableEntity);
    }

    /// <summary>Another code than <paramref name="code"/>.</summary>
    private static string Wrong(string code, int i) =>
        ((int.Parse(code, CultureInfo.InvariantCulture) + (i * 7919)) % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);

    private static async Task<JsonNode> NextCobrowseAsync(LiveTestClient console, string interactionId, string sessionId, string state, string eventType)
    {
        var message = await console.NextAsync(
            m => m.TextOrNull("type") == LiveEventTypes.InteractionUpdated && m["data"]!.Text("id") == interactionId
                && m["data"]!["cobrowse"]!.AsArray().Any(s => s!.Text("sessionId") == sessionId && s!.Text("state") == state),
            $"co-browse {state}");
        Assert.Equal(eventType, message["data"]!["timeline"]!.AsArray()[^1]!.Text("type"));
        return message;
    }
}
