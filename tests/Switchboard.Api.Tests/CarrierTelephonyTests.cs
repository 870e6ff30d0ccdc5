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
        await using var api = IsolatedApi.Create("Development",
            ("Auth:OperatorKey", SwitchboardApiFactory.OperatorKey), ("Telephony:Mode", "Carrier"), ("Webhooks:PollMilliseconds", "20"));
        var (_, adminKey, _) = await IsolatedApi.CreateTenantAsync(api);
        using var admin = api.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new("Bearer", adminKey);
        var secret = await RegisterAsync(admin, receiver.Url("carrier"), "telephony.*");
        await SendOkAsync(admin, HttpMethod.Post, "/v1/agents", """{"id":"a1","displayName":"Maria"}""");
        await SendOkAsync(admin, HttpMethod.Put, "/v1/agents/a1/state", """{"state":"Available"}""");

        var id = (await admin.CreateInteractionAsync(InteractionTestExtensions.Outbound("a1"))).Text("id");

        // First the agent's phone; nothing answers by itself in carrier mode.
        var dialAgent = await NextAsync(receiver, "telephony.dial", secret);
        Assert.Equal(["type", "timestamp", "data"], dialAgent.Json.AsObject().Select(p => p.Key));
        AssertData(dialAgent, new JsonObject { ["interactionId"] = id, ["legId"] = "L1", ["party"] = "agent", ["address"] = "a1" });
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
        AssertData(bridged, new JsonObject { ["interactionId"] = id, ["legIds"] = new JsonArray("L1", "L2") });

        // Hold leaves the agent alone; resume bridges the same legs again, as a command of its own.
        await admin.ActAsAsync("a1", id, "hold");
        var held = await NextAsync(receiver, "telephony.bridge", secret, w => w.Id != bridged.Id);
        AssertData(held, new JsonObject { ["interactionId"] = id, ["legIds"] = new JsonArray("L1") });
        await admin.ActAsAsync("a1", id, "resume");
        var resumed = await NextAsync(receiver, "telephony.bridge", secret, w => w.Id != bridged.Id && w.Id != held.Id);
        AssertData(resumed, new JsonObject { ["interactionId"] = id, ["legIds"] = new JsonArray("L1", "L2") });

        // Ending drops both legs (in any order: up to four deliveries are in flight at once).
        await admin.ActAsAsync("a1", id, "end");
        var hangUps = new List<ReceivedWebhook>();
        while (hangUps.Count < 2)
        {
            hangUps.Add(await NextAsync(receiver, "telephony.hangup", secret, w => hangUps.All(h => h.Id != w.Id)));
        }

        Assert.Equal(["L1", "L2"], hangUps.Select(h => h.Json["data"]!.Text("legId")).Order(StringComparer.Ordinal));
        Assert.All(hangUps, h => Assert.Equal(id, h.Json["data"]!.Text("interactionId")));

        // One delivery per command, each with its own id; nothing but telephony reached this endpoint.
        var received = receiver.All.Where(w => w.Path == "/carrier").ToList();
        Assert.Equal(7, received.Select(w => w.Id).Distinct().Count());
        Assert.All(received, w => Assert.StartsWith("telephony.", w.Type, StringComparison.Ordinal));

        // Each as /asyncapi/webhooks.json documents it.
        using var anonymous = api.CreateClient();
        var document = await WebhookAsyncApi.ReadAsync(anonymous);
        Assert.All(received, w => Assert.True(document.Violations(w) is [], $"{w.Body}: {string.Join("; ", document.Violations(w))}"));
    }

    [Fact]
    public async Task The_simulator_asks_no_carrier()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Ct);
        await using var api = IsolatedApi.Create("Development",
            ("Auth:OperatorKey", SwitchboardApiFactory.OperatorKey), ("Webhooks:PollMilliseconds", "20"));
        var (_, adminKey, _) = await IsolatedApi.CreateTenantAsync(api);
        using var admin = api.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new("Bearer", adminKey);
        await RegisterAsync(admin, receiver.Url("carrier"), "telephony.*", "interaction.ended");
        await SendOkAsync(admin, HttpMethod.Post, "/v1/agents", """{"id":"a1","displayName":"Maria"}""");
        await SendOkAsync(admin, HttpMethod.Put, "/v1/agents/a1/state", """{"state":"Available"}""");
        var id = (await admin.CreateInteractionAsync(InteractionTestExtensions.Outbound("a1", "+390009999999"))).Text("id");

        // The simulator fails numbers starting +39000 after its answer delay: the call ends without any telephony event.
        var ended = await receiver.NextAsync(w => w.Type == "interaction.ended", "interaction.ended", Ct, TimeSpan.FromSeconds(30));

        Assert.Equal(id, ended.Json["data"]!.Text("id"));
        Assert.DoesNotContain(receiver.All, w => w.Type.StartsWith("telephony.", StringComparison.Ordinal));
    }

    private static async Task<ReceivedWebhook> NextAsync(WebhookReceiver receiver, string type, string secret, Func<ReceivedWebhook, bool>? also = null)
    {
        var next = await receiver.NextAsync(w => w.Type == type && (also?.Invoke(w) ?? true), type, Ct);
        Assert.True(next.VerifiesWith(secret), "the StandardWebhooks verifier refused the signature");
        return next;
    }

    private static void AssertData(ReceivedWebhook webhook, JsonObject expected) =>
        Assert.True(JsonNode.DeepEquals(expected, webhook.Json["data"]), $"{webhook.Type}: {webhook.Json["data"]?.ToJsonString()}");

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
