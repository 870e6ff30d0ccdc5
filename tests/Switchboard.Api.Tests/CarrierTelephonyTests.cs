using System.Net;
using System.Text.Json.Nodes;
using Switchboard.Api.Tests.Support;
using Switchboard.TestSupport;

namespace Switchboard.Api.Tests;

/// <summary>
/// Carrier mode end to end: Switchboard places no calls itself but asks a carrier's adapter with signed
/// <c>telephony.*</c> webhooks (dial, bridge, hang up), and the adapter answers with leg events, as a real one would.
/// </summary>
public sealed class CarrierTelephonyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_outbound_call_is_placed_bridged_held_and_hung_up_by_the_carrier_through_signed_webhooks()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Ct);
        await using var api = CarrierHost();
        using var admin = await AdminOfNewTenantAsync(api);
        var secret = await RegisterAsync(admin, receiver.Url("carrier"), "telephony.*");
        await SendOkAsync(admin, HttpMethod.Post, "/v1/agents", """{"id":"a1","displayName":"Maria"}""");
        await VerifyPhoneAsync(admin, receiver, secret, "a1", "sip:maria@pbx.example");
        await SendOkAsync(admin, HttpMethod.Put, "/v1/agents/a1/state", """{"state":"Available"}""");

        var id = (await admin.CreateInteractionAsync(InteractionTestExtensions.Outbound("a1"))).Text("id");

        // First the agent's phone; nothing answers by itself in carrier mode.
        var dialAgent = await NextAsync(receiver, "telephony.dial", secret);
        Assert.Equal(["type", "timestamp", "data"], dialAgent.Json.AsObject().Select(p => p.Key));
        AssertData(dialAgent, new JsonObject { ["interactionId"] = id, ["legId"] = "L1", ["party"] = "agent", ["address"] = "a1" });
        Assert.Equal(["interactionId", "sequence", "legId", "party", "address", "device", "greeting"], dialAgent.Json["data"]!.AsObject().Select(p => p.Key));
        Assert.Equal("sip:maria@pbx.example", dialAgent.Json["data"]!.Text("device"));
        Assert.Equal("ringing", (await admin.GetInteractionAsync(id)).Leg("agent", "a1").Text("state"));

        // The adapter reports the agent answered: then the customer is dialled, and once answered, bridged to the agent.
        await admin.ReportLegAsync(id, "L1", "answered");
        var dialCustomer = await NextAsync(receiver, "telephony.dial", secret, w => w.Id != dialAgent.Id);
        AssertData(dialCustomer, new JsonObject
        {
            ["interactionId"] = id, ["legId"] = "L2", ["party"] = "customer", ["address"] = InteractionTestExtensions.Callee,
        });
        await admin.ReportLegAsync(id, "L2", "answered");
        var bridged = await NextAsync(receiver, "telephony.bridge", secret);
        AssertData(bridged, new JsonObject
        {
            ["interactionId"] = id, ["legIds"] = new JsonArray("L1", "L2"),
            ["legs"] = new JsonArray(
                new JsonObject { ["legId"] = "L1", ["party"] = "agent", ["address"] = "a1" },
                new JsonObject { ["legId"] = "L2", ["party"] = "customer", ["address"] = InteractionTestExtensions.Callee }),
        });

        // Hold leaves the agent alone; resume bridges the same legs again, as a command of its own.
        await admin.ActAsAsync("a1", id, "hold");
        var held = await NextAsync(receiver, "telephony.bridge", secret, w => w.Id != bridged.Id);
        Assert.Equal(["L1"], held.Json["data"]!["legIds"]!.AsArray().Select(l => l!.GetValue<string>()));
        await admin.ActAsAsync("a1", id, "resume");
        var resumed = await NextAsync(receiver, "telephony.bridge", secret, w => w.Id != bridged.Id && w.Id != held.Id);
        Assert.Equal(["L1", "L2"], resumed.Json["data"]!["legIds"]!.AsArray().Select(l => l!.GetValue<string>()));

        // Ending drops both legs (in any order: up to four deliveries are in flight at once).
        await admin.ActAsAsync("a1", id, "end");
        var hangUps = new List<ReceivedWebhook>();
        while (hangUps.Count < 2)
        {
            hangUps.Add(await NextAsync(receiver, "telephony.hangup", secret, w => hangUps.All(h => h.Id != w.Id)));
        }

        Assert.Equal(["L1", "L2"], hangUps.Select(h => h.Json["data"]!.Text("legId")).Order(StringComparer.Ordinal));
        Assert.All(hangUps, h => Assert.Equal(id, h.Json["data"]!.Text("interactionId")));

        // The sequence puts them back in the order they were asked in, whatever order they arrived in.
        long Sequence(ReceivedWebhook w) => w.Json["data"]!["sequence"]!.GetValue<long>();
        Assert.True(Sequence(dialAgent) < Sequence(dialCustomer) && Sequence(dialCustomer) < Sequence(bridged)
            && Sequence(bridged) < Sequence(held) && Sequence(held) < Sequence(resumed) && hangUps.All(h => Sequence(resumed) < Sequence(h)),
            string.Join(", ", new[] { dialAgent, dialCustomer, bridged, held, resumed }.Concat(hangUps).Select(Sequence)));

        // One delivery per command, each with its own id; nothing but telephony reached this endpoint.
        var received = receiver.All.Where(w => w.Path == "/carrier" && !w.Json["data"]!.Text("interactionId").StartsWith("pv_", StringComparison.Ordinal)).ToList();
        Assert.Equal(7, received.Select(w => w.Id).Distinct().Count());
        Assert.All(received, w => Assert.StartsWith("telephony.", w.Type, StringComparison.Ordinal));

        // Each as /asyncapi/webhooks.json documents it.
        using var anonymous = api.CreateClient();
        var document = await WebhookAsyncApi.ReadAsync(anonymous);
        Assert.All(received, w => Assert.True(document.Violations(w) is [], $"{w.Body}: {string.Join("; ", document.Violations(w))}"));
    }

    [Fact]
    public async Task An_agents_phone_is_verified_by_a_carrier_call_and_then_rung_for_the_agents_calls()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Ct);
        await using var api = CarrierHost();
        using var admin = await AdminOfNewTenantAsync(api);
        var secret = await RegisterAsync(admin, receiver.Url("carrier"), "telephony.*");
        await SendOkAsync(admin, HttpMethod.Post, "/v1/agents", """{"id":"a1","displayName":"Maria"}""");
        await SendOkAsync(admin, HttpMethod.Put, "/v1/agents/a1/profile", """{"sip":"sip:maria@pbx.example"}""");

        using (var verifying = await admin.SendJsonAsync(HttpMethod.Post, "/v1/agents/a1/profile/verification-call", null))
        {
            Assert.Equal(HttpStatusCode.Accepted, verifying.StatusCode);
        }

        // The carrier is asked to ring the new address, and reports the call like any leg.
        var ring = await NextAsync(receiver, "telephony.dial", secret);
        AssertData(ring, new JsonObject { ["legId"] = "L1", ["party"] = "external", ["address"] = "sip:maria@pbx.example", ["device"] = null });
        var callId = ring.Json["data"]!.Text("interactionId");
        Assert.StartsWith("pv_", callId, StringComparison.Ordinal);
        using (var answered = await admin.SendJsonAsync(HttpMethod.Post, "/v1/telephony/events", $$"""{"interactionId":"{{callId}}","legId":"L1","event":"answered"}"""))
        {
            Assert.Equal(HttpStatusCode.NoContent, answered.StatusCode);
        }

        var hangUp = await NextAsync(receiver, "telephony.hangup", secret);
        Assert.Equal((callId, "L1"), (hangUp.Json["data"]!.Text("interactionId"), hangUp.Json["data"]!.Text("legId")));
        var profile = await admin.GetOkJsonAsync("/v1/agents/a1/profile");
        Assert.Equal("sip:maria@pbx.example", profile["verified"]!.Text("sip"));
        Assert.Null(profile["pending"]);

        // A greeting chosen: the carrier is told where to fetch it for the agent's callers.
        using (var form = new MultipartFormDataContent())
        {
            form.Add(new StringContent("Saluto"), "name");
            form.Add(new ByteArrayContent([.. "ID3"u8.ToArray(), 4, 0, 0, 0, 0, 0, 0, 1, 2, 3]), "file", "saluto.mp3");
            using var uploaded = await admin.PostAsync("/v1/agents/a1/recordings", form, Ct);
            var recording = (await uploaded.ReadJsonAsync()).Text("id");
            await SendOkAsync(admin, HttpMethod.Put, "/v1/agents/a1/greeting", $$"""{"recordingId":"{{recording}}"}""");
        }

        var greeting = (await admin.GetOkJsonAsync("/v1/agents/a1/recordings")).Text("greetingId");

        // From now on the agent's leg of its calls rings that address.
        await SendOkAsync(admin, HttpMethod.Put, "/v1/agents/a1/state", """{"state":"Available"}""");
        var id = (await admin.CreateInteractionAsync(InteractionTestExtensions.Outbound("a1"))).Text("id");
        var dialAgent = await NextAsync(receiver, "telephony.dial", secret, w => w.Json["data"]!.Text("interactionId") == id);
        AssertData(dialAgent, new JsonObject
        {
            ["legId"] = "L1", ["party"] = "agent", ["address"] = "a1", ["device"] = "sip:maria@pbx.example", ["greeting"] = $"/v1/agents/a1/recordings/{greeting}/content",
        });
        using (var fetched = await admin.GetAsync(dialAgent.Json["data"]!.Text("greeting"), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, fetched.StatusCode);
        }

        await Problem.AssertAsync(await admin.SendJsonAsync(HttpMethod.Post, "/v1/telephony/events", """{"interactionId":"pv_00000000000000000000000000000000","legId":"L1","event":"answered"}"""), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task With_a_carrier_an_agent_takes_calls_only_once_its_phone_is_verified()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Ct);
        await using var api = CarrierHost();
        using var admin = await AdminOfNewTenantAsync(api);
        var secret = await RegisterAsync(admin, receiver.Url("carrier"), "telephony.*");
        await SendOkAsync(admin, HttpMethod.Post, "/v1/agents", """{"id":"a1","displayName":"Maria"}""");
        await SendOkAsync(admin, HttpMethod.Post, "/v1/queues", """{"id":"support","name":"Support"}""");
        await SendOkAsync(admin, HttpMethod.Put, "/v1/queues/support/members/a1", """{"skillLevel":5}""");
        await SendOkAsync(admin, HttpMethod.Put, "/v1/agents/a1/state", """{"state":"Available"}""");

        var queued = (await admin.CreateInteractionAsync(InteractionTestExtensions.Inbound("support"))).Text("id");
        using (var direct = await admin.SendJsonAsync(HttpMethod.Post, "/v1/interactions", InteractionTestExtensions.Direct("a1")))
        {
            var problem = await Problem.AssertAsync(direct, HttpStatusCode.Conflict);
            Assert.Contains("verified phone", problem.Text("detail"), StringComparison.Ordinal);
        }

        // Routing has had its turn: the call waits, as no member can ring.
        var waiting = await admin.GetInteractionAsync(queued);
        Assert.Equal("Queued", waiting.Text("state"));
        Assert.Null(waiting["offer"]);

        await VerifyPhoneAsync(admin, receiver, secret, "a1", "sip:maria@pbx.example");
        await admin.WaitForOfferAsync(queued, "a1");

        // Accepting rings the agent's verified phone through the carrier; the caller is bridged once it answers.
        var accepted = await admin.ActAsAsync("a1", queued, "accept");
        Assert.Equal(("Offered", "L2"), (accepted.Text("state"), accepted["offer"]!.Text("phoneLegId")));
        var dialAgent = await NextAsync(receiver, "telephony.dial", secret, w => w.Json["data"]!.Text("interactionId") == queued);
        AssertData(dialAgent, new JsonObject { ["legId"] = "L2", ["party"] = "agent", ["address"] = "a1", ["device"] = "sip:maria@pbx.example" });
        Assert.DoesNotContain(receiver.All, w => w.Type == "telephony.bridge" && w.Json["data"]!.Text("interactionId") == queued);

        await admin.ReportLegAsync(queued, "L2", "answered");
        var bridged = await NextAsync(receiver, "telephony.bridge", secret, w => w.Json["data"]!.Text("interactionId") == queued);
        Assert.Equal(["L1", "L2"], bridged.Json["data"]!["legIds"]!.AsArray().Select(l => l!.GetValue<string>()));
        var connected = await admin.GetInteractionAsync(queued);
        Assert.Equal(("Connected", "a1"), (connected.Text("state"), connected.Text("handler")));
    }

    [Fact]
    public async Task An_agents_phone_that_does_not_answer_an_accepted_call_puts_it_back_in_its_queue()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Ct);
        await using var api = CarrierHost();
        using var admin = await AdminOfNewTenantAsync(api);
        var secret = await RegisterAsync(admin, receiver.Url("carrier"), "telephony.*");
        await SendOkAsync(admin, HttpMethod.Post, "/v1/agents", """{"id":"a1","displayName":"Maria"}""");
        await SendOkAsync(admin, HttpMethod.Post, "/v1/queues", """{"id":"support","name":"Support"}""");
        await SendOkAsync(admin, HttpMethod.Put, "/v1/queues/support/members/a1", """{"skillLevel":5}""");
        await VerifyPhoneAsync(admin, receiver, secret, "a1", "+390212345678");
        await SendOkAsync(admin, HttpMethod.Put, "/v1/agents/a1/state", """{"state":"Available"}""");
        var id = (await admin.CreateInteractionAsync(InteractionTestExtensions.Inbound("support"))).Text("id");
        await admin.WaitForOfferAsync(id, "a1");
        await admin.ActAsAsync("a1", id, "accept");
        var dialAgent = await NextAsync(receiver, "telephony.dial", secret, w => w.Json["data"]!.Text("interactionId") == id);
        Assert.Equal("+390212345678", dialAgent.Json["data"]!.Text("device"));

        // The carrier reports the agent's phone not answering: the caller waits at its place again, the agent as after
        // an offer it let ring out.
        await admin.ReportLegAsync(id, "L2", "failed");

        var back = await admin.GetInteractionAsync(id);
        Assert.Equal("Queued", back.Text("state"));
        Assert.Equal("failed", back.Leg("agent", "a1").Text("state"));
        Assert.Contains("offer-timed-out", back.EventTypes());
        Assert.NotEqual("Available", (await admin.GetOkJsonAsync("/v1/agents/a1/state")).Text("state"));
    }

    [Fact]
    public async Task Merging_lines_moves_the_second_calls_party_into_the_first_calls_bridge()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Ct);
        await using var api = CarrierHost();
        using var admin = await AdminOfNewTenantAsync(api);
        var secret = await RegisterAsync(admin, receiver.Url("carrier"), "telephony.*");
        await SendOkAsync(admin, HttpMethod.Post, "/v1/agents", """{"id":"a1","displayName":"Maria"}""");
        await VerifyPhoneAsync(admin, receiver, secret, "a1", "sip:maria@pbx.example");
        await SendOkAsync(admin, HttpMethod.Put, "/v1/agents/a1/state", """{"state":"Available"}""");

        async Task<string> ConnectedCallAsync(string to)
        {
            var id = (await admin.CreateInteractionAsync(InteractionTestExtensions.Outbound("a1", to))).Text("id");
            await NextAsync(receiver, "telephony.dial", secret, w => w.Json["data"]!.Text("interactionId") == id && w.Json["data"]!.Text("legId") == "L1");
            await admin.ReportLegAsync(id, "L1", "answered");
            await NextAsync(receiver, "telephony.dial", secret, w => w.Json["data"]!.Text("interactionId") == id && w.Json["data"]!.Text("legId") == "L2");
            await admin.ReportLegAsync(id, "L2", "answered");
            return id;
        }

        var first = await ConnectedCallAsync(InteractionTestExtensions.Callee);
        await admin.ActAsAsync("a1", first, "hold");
        var second = await ConnectedCallAsync("+390611111111");

        await admin.ActAsAsync("a1", first, "merge", $"\"interactionId\":\"{second}\"");

        // The carrier moves the live leg into the first call's bridge; the second call hangs up only the agent's leg (the
        // two may arrive in either order).
        var merging = new List<ReceivedWebhook>();
        bool IsBridge(ReceivedWebhook w) => w.Type == "telephony.bridge" && w.Json["data"]!.Text("interactionId") == first && w.Json["data"]!["legIds"]!.AsArray().Count == 3;
        bool IsHangUp(ReceivedWebhook w) => w.Type == "telephony.hangup" && w.Json["data"]!.Text("interactionId") == second;
        while (!merging.Any(IsBridge) || !merging.Any(IsHangUp))
        {
            merging.Add(await receiver.NextAsync(w => IsBridge(w) || IsHangUp(w), "the merge's bridge and hang-up", Ct));
        }

        var bridged = merging.Single(IsBridge);
        Assert.True(bridged.VerifiesWith(secret));
        AssertData(bridged, new JsonObject
        {
            ["legIds"] = new JsonArray("L1", "L2", "L3"),
            ["legs"] = new JsonArray(
                new JsonObject { ["legId"] = "L1", ["party"] = "agent", ["address"] = "a1" },
                new JsonObject { ["legId"] = "L2", ["party"] = "customer", ["address"] = InteractionTestExtensions.Callee },
                new JsonObject
                {
                    ["legId"] = "L3", ["party"] = "external", ["address"] = "+390611111111",
                    ["movedFrom"] = new JsonObject { ["interactionId"] = second, ["legId"] = "L2" },
                }),
        });
        Assert.Equal("L1", merging.Single(IsHangUp).Json["data"]!.Text("legId"));

        // From now on the moved party is the first call's L3.
        await admin.ReportLegAsync(first, "L3", "ended");
        var after = await admin.GetInteractionAsync(first);
        Assert.Equal(("Connected", false), (after.Text("state"), after["conference"]!.GetValue<bool>()));

        using var anonymous = api.CreateClient();
        var document = await WebhookAsyncApi.ReadAsync(anonymous);
        var received = receiver.All.Where(w => w.Path == "/carrier").ToList();
        Assert.All(received, w => Assert.True(document.Violations(w) is [], $"{w.Body}: {string.Join("; ", document.Violations(w))}"));
    }

    [Fact]
    public async Task With_a_carrier_the_simulator_leaves_no_voicemail()
    {
        await using var api = CarrierHost();
        using var admin = await AdminOfNewTenantAsync(api);
        await SendOkAsync(admin, HttpMethod.Post, "/v1/agents", """{"id":"a1","displayName":"Maria"}""");

        using var refused = await admin.SendJsonAsync(HttpMethod.Post, "/v1/telephony/simulator/voicemails", """{"agentId":"a1","from":"+390212345678"}""");

        Assert.Contains("Carrier", Problem.Detail(await Problem.AssertAsync(refused, HttpStatusCode.Conflict)), StringComparison.Ordinal);
        Assert.Empty((await admin.GetOkJsonAsync("/v1/interactions?limit=10")).Items());
    }

    /// <summary>The agent's own phone, verified through the carrier: the adapter is asked to ring it and reports it answered.</summary>
    private static async Task VerifyPhoneAsync(HttpClient admin, WebhookReceiver receiver, string secret, string agentId, string address)
    {
        var field = address.StartsWith("sip:", StringComparison.Ordinal) ? "sip" : "phone";
        await SendOkAsync(admin, HttpMethod.Put, $"/v1/agents/{agentId}/profile", $$"""{"{{field}}":"{{address}}"}""");
        using (var verifying = await admin.SendJsonAsync(HttpMethod.Post, $"/v1/agents/{agentId}/profile/verification-call", null))
        {
            Assert.Equal(HttpStatusCode.Accepted, verifying.StatusCode);
        }

        var ring = await NextAsync(receiver, "telephony.dial", secret, w => w.Json["data"]!.Text("interactionId").StartsWith("pv_", StringComparison.Ordinal));
        var callId = ring.Json["data"]!.Text("interactionId");
        using (var answered = await admin.SendJsonAsync(HttpMethod.Post, "/v1/telephony/events", $$"""{"interactionId":"{{callId}}","legId":"L1","event":"answered"}"""))
        {
            Assert.Equal(HttpStatusCode.NoContent, answered.StatusCode);
        }

        await NextAsync(receiver, "telephony.hangup", secret, w => w.Json["data"]!.Text("interactionId") == callId);
    }

    [Fact]
    public async Task The_simulator_asks_no_carrier()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Ct);
        await using var api = IsolatedApi.Create("Development",
            ("Auth:OperatorKey", SwitchboardApiFactory.OperatorKey), ("Webhooks:PollMilliseconds", "20"), ("Telephony:AnswerDelay", "00:00:00"));
        var (_, adminKey, _) = await IsolatedApi.CreateTenantAsync(api);
        using var admin = api.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new("Bearer", adminKey);
        await RegisterAsync(admin, receiver.Url("carrier"), "telephony.*", "interaction.ended");
        await SendOkAsync(admin, HttpMethod.Post, "/v1/agents", """{"id":"a1","displayName":"Maria"}""");
        await SendOkAsync(admin, HttpMethod.Put, "/v1/agents/a1/state", """{"state":"Available"}""");
        var id = (await admin.CreateInteractionAsync(InteractionTestExtensions.Outbound("a1"))).Text("id");
        await admin.WaitForStateAsync(id, "Connected"); // the simulator answered both legs
        await admin.ActAsAsync("a1", id, "end"); // its hang-ups have run when this answers

        var ended = await receiver.NextAsync(w => w.Type == "interaction.ended", "interaction.ended", Ct);

        // Everything the endpoint was ever given is in its deliveries: the end, and no dial, bridge or hang-up.
        Assert.Equal(id, ended.Json["data"]!.Text("id"));
        var hook = (await admin.GetOkJsonAsync("/v1/webhooks")).Items().Single()!.Text("id");
        Assert.Equal(["interaction.ended"], (await admin.GetOkJsonAsync($"/v1/webhooks/{hook}/deliveries")).Items().Select(d => d!.Text("eventType")));
    }

    /// <summary>An API host in carrier mode whose webhooks go out soon after they are due.</summary>
    private static IsolatedApiFactory CarrierHost() => IsolatedApi.Create("Development",
        ("Auth:OperatorKey", SwitchboardApiFactory.OperatorKey), ("Telephony:Mode", "Carrier"), ("Webhooks:PollMilliseconds", "20"));

    private static async Task<HttpClient> AdminOfNewTenantAsync(IsolatedApiFactory api)
    {
        var (_, adminKey, _) = await IsolatedApi.CreateTenantAsync(api);
        var admin = api.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new("Bearer", adminKey);
        return admin;
    }

    private static async Task<ReceivedWebhook> NextAsync(WebhookReceiver receiver, string type, string secret, Func<ReceivedWebhook, bool>? also = null)
    {
        var next = await receiver.NextAsync(w => w.Type == type && (also?.Invoke(w) ?? true), type, Ct);
        Assert.True(next.VerifiesWith(secret), "the StandardWebhooks verifier refused the signature");
        return next;
    }

    /// <summary>The data has these properties with these values (and a sequence, which the test orders by).</summary>
    private static void AssertData(ReceivedWebhook webhook, JsonObject expected)
    {
        var data = webhook.Json["data"]!.AsObject();
        Assert.True(data["sequence"]?.GetValue<long>() > 0, $"{webhook.Type}: {data.ToJsonString()}");
        Assert.All(expected, p => Assert.True(JsonNode.DeepEquals(p.Value, data[p.Key]), $"{webhook.Type}.{p.Key}: {data.ToJsonString()}"));
    }

    private static async Task<string> RegisterAsync(HttpClient client, string url, params string[] events)
    {
        var body = await SendOkAsync(client, HttpMethod.Post, "/v1/webhooks",
            new JsonObject { ["url"] = url, ["events"] = new JsonArray([.. events.Select(e => (JsonNode)e)]) }.ToJsonString());
        return body.Text("secret");
    }

    private static async Task<JsonNode> SendOkAsync(HttpClient client, HttpMethod method, string path, string json)
    {
        using var response = await client.SendJsonAsync(method, path, json);
        var body = await response.ReadJsonAsync();
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created, $"{method} {path}: {(int)response.StatusCode}: {body.ToJsonString()}");
        return body;
    }
}
