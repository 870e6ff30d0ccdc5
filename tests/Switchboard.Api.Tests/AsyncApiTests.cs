using System.Net;
using System.Reflection;
using System.Text.Json.Nodes;
using Switchboard.Api.Live;
using Switchboard.Api.Tests.Support;

namespace Switchboard.Api.Tests;

/// <summary>
/// <c>/asyncapi.json</c> against the real protocol: every message real sockets receive must match exactly one documented
/// server message, every message the test sends a documented client message, and every documented message must be sent,
/// so the document cannot drift either way.
/// </summary>
public sealed class AsyncApiTests(SwitchboardApiFactory factory)
{
    /// <summary>Sent only when the business clock moves: <see cref="AsyncApiClockTests"/> sees these.</summary>
    public static readonly IReadOnlyList<string> ClockOnlyMessages = ["heartbeat", "queueStats"];

    private static readonly string[] ServerMessages =
    [
        "welcome", "subscribed", "unsubscribed",
        "agentSnapshot", "interactionsSnapshot", "queueSnapshot", "directorySnapshot", "alertsSnapshot", "platformSnapshot",
        "agentStateChanged", "interactionOffered", "interactionUpdated", "interactionMessage", "interactionTyping", "queueStats", "directoryAgentChanged", "directoryAgentRemoved", "alertReceived", "platformNotice",
        "resync", "resumed", "error", "pong", "heartbeat",
        "chatSnapshot", "chatMessage", "chatTyping", "chatAgentJoined", "chatAgentLeft", "chatEnded",
    ];

    /// <summary>What only a web chat's customer socket receives.</summary>
    private static readonly string[] CustomerMessages = ["chatSnapshot", "chatMessage", "chatTyping", "chatAgentJoined", "chatAgentLeft", "chatEnded"];

    /// <summary>The control messages both sockets share.</summary>
    private static readonly string[] ControlMessages = ["welcome", "subscribed", "unsubscribed", "resync", "resumed", "error", "pong", "heartbeat"];

    private static readonly string[] ClientMessages = ["subscribe", "unsubscribe", "ping"];

    [Fact]
    public async Task The_document_is_AsyncAPI_3_with_the_stream_channel_and_every_message()
    {
        var document = await AsyncApiDocument.ReadAsync(factory);
        var root = document.Root;

        Assert.Equal("3.0.0", root["asyncapi"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(root["info"]!["description"]?.GetValue<string>()));
        foreach (var code in new[] { LiveCloseCodes.KeyRevoked, LiveCloseCodes.TokenExpired, LiveCloseCodes.SessionTakenOver, LiveCloseCodes.SlowConsumer, LiveCloseCodes.MessageTooBig })
        {
            Assert.Contains($"| {code} |", root["info"]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
        }

        var channels = root["channels"]!.AsObject().ToDictionary(c => c.Value!["address"]!.GetValue<string>(), c => c.Value!);
        Assert.Equal([LiveApi.Path, PublicChat.PublicChatApi.StreamPath], channels.Keys);
        var channel = channels[LiveApi.Path];
        var customerChannel = channels[PublicChat.PublicChatApi.StreamPath];
        var schemes = root["components"]!["securitySchemes"]!.AsObject().Select(s => s.Value!).ToList();
        Assert.Contains(schemes, s => s["type"]!.GetValue<string>() == "http" && s["scheme"]!.GetValue<string>() == "bearer");
        Assert.Contains(schemes, s => s["type"]!.GetValue<string>() == "httpApiKey" && s["in"]!.GetValue<string>() == "query"
            && s["name"]!.GetValue<string>() == LiveApi.AccessTokenParameter);
        Assert.Contains(schemes, s => s["type"]!.GetValue<string>() == "httpApiKey" && s["in"]!.GetValue<string>() == "query"
            && s["name"]!.GetValue<string>() == "token");

        // Every message is on the channel, and the operations split them into what the server sends and receives.
        Assert.Equal(ServerMessages.Concat(ClientMessages).Order(StringComparer.Ordinal), document.AllMessages.Order(StringComparer.Ordinal));
        Assert.Equal(ServerMessages.Order(StringComparer.Ordinal), document.ServerMessages.Order(StringComparer.Ordinal));
        Assert.Equal(ClientMessages.Order(StringComparer.Ordinal), document.ClientMessages.Order(StringComparer.Ordinal));
        Assert.Equal(
            document.AllMessages.Except(CustomerMessages).Order(StringComparer.Ordinal),
            channel["messages"]!.AsObject().Select(m => m.Key).Order(StringComparer.Ordinal));
        Assert.Equal(
            ClientMessages.Concat(ControlMessages).Concat(CustomerMessages).Order(StringComparer.Ordinal),
            customerChannel["messages"]!.AsObject().Select(m => m.Key).Order(StringComparer.Ordinal));

        // The wire types: every event type the server knows, and the control messages.
        var eventTypes = typeof(LiveEventTypes).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetRawConstantValue()!);
        string[] controlTypes = ["welcome", "subscribed", "unsubscribed", "resync", "resumed", "error", "pong", "heartbeat"];
        var documentedTypes = document.ServerMessages.Select(m => document.Payload(m)["properties"]!["type"]!["const"]!.GetValue<string>()).Distinct();
        Assert.Equal(eventTypes.Concat(controlTypes).Order(StringComparer.Ordinal), documentedTypes.Order(StringComparer.Ordinal));
        Assert.Equal(
            [LiveClientMessage.Ping, LiveClientMessage.Subscribe, LiveClientMessage.Unsubscribe],
            document.ClientMessages.Select(m => document.Payload(m)["properties"]!["op"]!["const"]!.GetValue<string>()).Order(StringComparer.Ordinal));

        // Every local $ref resolves, and every example is valid for its own message only.
        foreach (var reference in References(root))
        {
            Assert.True(document.Resolve(reference) is not null, $"{reference} does not resolve");
        }

        foreach (var (name, message) in root["components"]!["messages"]!.AsObject())
        {
            var candidates = document.ServerMessages.Contains(name) ? document.ServerMessages : document.ClientMessages;
            foreach (var example in message!["examples"]?.AsArray() ?? [])
            {
                Assert.Equal(name, document.Classify(example!["payload"]!, candidates));
            }
        }
    }

    [Fact]
    public async Task Every_message_the_server_sends_is_documented_and_every_documented_message_is_sent()
    {
        var document = await AsyncApiDocument.ReadAsync(factory);
        var center = await factory.CallCenterWithAgentKeysAsync();
        var tenant = center.Tenant;
        var sockets = new List<LiveTestClient>();
        try
        {
            // Every topic kind, as a supervisor-like key (admin) and as an agent key (key in the query), with a denied topic.
            var admin = Track(await LiveTestClient.ConnectAsync(factory, tenant.AdminKey));
            await SendAsync(document, admin, Subscribe("agent:a1", "interactions:a1", "queue:support", "directory", "alerts", "platform"));
            Assert.Empty((await admin.NextOfTypeAsync("subscribed"))["denied"]!.AsArray());
            var agent = Track(await LiveTestClient.ConnectAsync(factory, center.Keys["a1"], keyInQuery: true));
            await SendAsync(document, agent, Subscribe("agent:a1", "interactions:a1", "queue:support", "directory", "alerts", "platform", "agent:a2"));
            var denied = Assert.Single((await agent.NextOfTypeAsync("subscribed"))["denied"]!.AsArray())!;
            Assert.Equal(("agent:a2", "forbidden"), (denied.Text("topic"), denied.Text("code")));

            // Agent state and directory events.
            await tenant.SetStateAsync("a1", "Offline");
            await tenant.SetStateAsync("a1", "Available");
            foreach (var live in new[] { admin, agent })
            {
                await live.NextAsync(m => m.TextOrNull("type") == LiveEventTypes.AgentStateChanged && m["data"]!.Text("state") == "Available", "a1 Available");
                await live.NextAsync(m => m.TextOrNull("type") == LiveEventTypes.DirectoryAgentChanged && m["data"]!.Text("state") == "Available", "a1 Available in the directory");
            }

            // An agent deleted leaves the directory.
            await tenant.CreateAgentAsync("gone");
            using (var deleted = await tenant.Admin().DeleteResponseAsync("/v1/agents/gone"))
            {
                Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
            }

            var removed = await admin.NextOfTypeAsync(LiveEventTypes.DirectoryAgentRemoved, "directory");
            Assert.Equal("gone", removed["data"]!.Text("agentId"));

            // A chat offered to a1: the customer writes and types (through a connector key), then a1 declines it.
            using var adminClient = tenant.Admin();
            var chat = (await adminClient.CreateInteractionAsync(ChatTestExtensions.DirectChat("a1"))).Text("id");
            await agent.NextOfTypeAsync(LiveEventTypes.InteractionOffered, "interactions:a1");
            using (var said = await adminClient.SendJsonAsync(HttpMethod.Post, $"/v1/interactions/{chat}/messages", """{"sender":"customer","text":"Buongiorno"}"""))
            {
                Assert.Equal(HttpStatusCode.Created, said.StatusCode);
            }

            using (var typing = await adminClient.SendJsonAsync(HttpMethod.Post, $"/v1/interactions/{chat}/typing", """{"sender":"customer"}"""))
            {
                Assert.Equal(HttpStatusCode.NoContent, typing.StatusCode);
            }

            foreach (var live in new[] { admin, agent })
            {
                await live.NextOfTypeAsync(LiveEventTypes.InteractionMessage, "interactions:a1");
                await live.NextOfTypeAsync(LiveEventTypes.InteractionTyping, "interactions:a1");
            }

            await adminClient.ActAsAsync("a1", chat, "reject");

            // A web chat's customer on its own socket: a2 takes the chat, types, writes and hands it to a1; the customer leaves.
            await tenant.CreateChatQueueAsync("web-chat", codeRequired: false);
            await tenant.AddMemberAsync("web-chat", "a2");
            await adminClient.CreateEntryPointAsync(PublicChatTestExtensions.EntryPoint("web", "web-chat"));
            using var browser = factory.ClientWith(null);
            var webChat = await browser.OpenChatAsync(tenant.Id, "web", """{"name":"Maria","message":"Ciao"}""");
            var customer = Track(await LiveTestClient.ConnectCustomerAsync(factory, webChat.Token, origin: PublicChatTestExtensions.ShopOrigin));
            await SendAsync(document, customer, Subscribe("chat:" + webChat.Id, "agent:a1"));
            Assert.Equal(["agent:a1"], (await customer.NextOfTypeAsync("subscribed"))["denied"]!.AsArray().Select(d => d!.Text("topic")));
            await adminClient.WaitForOfferAsync(webChat.Id, "a2");
            await adminClient.ActAsAsync("a2", webChat.Id, "accept");
            await adminClient.PostAsync($"/v1/interactions/{webChat.Id}/typing", """{"agentId":"a2"}""", HttpStatusCode.NoContent);
            await adminClient.PostAsync($"/v1/interactions/{webChat.Id}/messages", """{"agentId":"a2","text":"Buongiorno Maria"}""", HttpStatusCode.Created);
            await adminClient.ActAsAsync("a2", webChat.Id, "transfer", """ "target":{"type":"agent","id":"a1"}""");
            await browser.CustomerEndsAsync(webChat);
            foreach (var type in new[] { LiveEventTypes.ChatAgentJoined, LiveEventTypes.ChatTyping, LiveEventTypes.ChatMessage, LiveEventTypes.ChatAgentLeft, LiveEventTypes.ChatEnded })
            {
                await customer.NextOfTypeAsync(type, "chat:" + webChat.Id);
            }

            await agent.NextAsync(m => m.TextOrNull("type") == LiveEventTypes.InteractionUpdated && m["data"]!.Text("id") == webChat.Id
                && m["data"]!.Text("state") == "Abandoned", "the web chat handed to a1 and left by its customer");

            // A call offered to a1 and accepted.
            var id = (await adminClient.CreateInteractionAsync(InteractionTestExtensions.Inbound("support"))).Text("id");
            await agent.NextOfTypeAsync(LiveEventTypes.InteractionOffered, "interactions:a1");
            using (var agentClient = factory.ClientWith(center.Keys["a1"]))
            {
                await agentClient.ActOkAsync(id, "accept");
            }

            foreach (var live in new[] { admin, agent })
            {
                await live.NextAsync(m => m.TextOrNull("type") == LiveEventTypes.InteractionUpdated && m["data"]!.Text("state") == "Connected", "the call connected");
            }

            // A broadcast and a platform change.
            using (var sent = await adminClient.SendJsonAsync(HttpMethod.Post, "/v1/broadcasts", """{"text":"Team meeting at 11","audience":{"all":true}}"""))
            {
                Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
            }

            using (var change = await adminClient.SendJsonAsync(HttpMethod.Post, "/v1/platform-changes", """{"message":"New platform tonight at 20:00"}"""))
            {
                Assert.Equal(HttpStatusCode.Created, change.StatusCode);
            }

            // Two streams: the two events may come in either order.
            foreach (var live in new[] { admin, agent })
            {
                foreach (var (type, topic) in new[] { (LiveEventTypes.AlertReceived, "alerts"), (LiveEventTypes.PlatformNotice, "platform") })
                {
                    if (!live.Received.Any(m => m.TextOrNull("type") == type))
                    {
                        await live.NextOfTypeAsync(type, topic);
                    }
                }
            }

            // Snapshots with something in them.
            var later = Track(await LiveTestClient.ConnectAsync(factory, center.Keys["a1"]));
            await SendAsync(document, later, Subscribe("interactions:a1", "alerts", "platform"));
            await later.NextOfTypeAsync("subscribed");
            Assert.All(later.Received.Where(m => m.TextOrNull("type") == "snapshot"), s => Assert.Single(Assert.Single(s["data"]!.AsObject(), p => p.Value is not null).Value!.AsArray()));

            // Unsubscribe, ping and a message the server cannot read.
            await SendAsync(document, admin, """{"op":"unsubscribe","topics":["platform"]}""");
            Assert.Equal(["platform"], (await admin.NextOfTypeAsync("unsubscribed")).Strings("topics"));
            await SendAsync(document, admin, """{"op":"ping"}""");
            await admin.NextOfTypeAsync("pong");
            const string unknownOp = """{"op":"dance"}""";
            Assert.Empty(document.Matching(JsonNode.Parse(unknownOp), document.ClientMessages));
            await admin.SendAsync(unknownOp);
            Assert.Equal("unknown-op", (await admin.NextOfTypeAsync("error")).Text("code"));

            // Another socket resumes the admin's session (which closes the first with 4002), then asks for a resync.
            var lastSeq = admin.Received.Where(m => m["seq"] is not null && m.TextOrNull("type") != "welcome").Max(m => m.Number("seq"));
            var resumer = Track(await LiveTestClient.ConnectAsync(factory, tenant.AdminKey));
            await SendAsync(document, resumer, Resume(admin.Session, lastSeq, "agent:a1"));
            Assert.Equal(lastSeq, (await resumer.NextOfTypeAsync("resumed")).Number("from"));
            await resumer.NextOfTypeAsync("subscribed");
            Assert.Equal(LiveCloseCodes.SessionTakenOver, (await admin.ExpectCloseAsync()).Code);
            await SendAsync(document, resumer, Resume(admin.Session, 0, "agent:a1"));
            Assert.Equal("resume-gap", (await resumer.NextOfTypeAsync("resync")).Text("reason"));
            await resumer.NextOfTypeAsync("subscribed");

            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var message in sockets.SelectMany(s => s.Received))
            {
                seen.Add(document.Classify(message, document.ServerMessages));
            }

            var unseen = document.ServerMessages.Except(seen).Except(ClockOnlyMessages).ToList();
            Assert.True(unseen.Count == 0, $"Documented but never sent: {string.Join(", ", unseen)}");
        }
        finally
        {
            foreach (var live in sockets)
            {
                await live.DisposeAsync();
            }
        }

        LiveTestClient Track(LiveTestClient live)
        {
            sockets.Add(live);
            return live;
        }
    }

    /// <summary>Checks <paramref name="json"/> is exactly one documented client message, then sends it.</summary>
    internal static Task SendAsync(AsyncApiDocument document, LiveTestClient live, string json)
    {
        document.Classify(JsonNode.Parse(json)!, document.ClientMessages);
        return live.SendAsync(json);
    }

    internal static string Subscribe(params string[] topics) =>
        new JsonObject { ["op"] = "subscribe", ["topics"] = new JsonArray([.. topics.Select(t => (JsonNode)t)]) }.ToJsonString();

    private static string Resume(string session, long from, params string[] topics) =>
        new JsonObject
        {
            ["op"] = "subscribe",
            ["topics"] = new JsonArray([.. topics.Select(t => (JsonNode)t)]),
            ["session"] = session,
            ["resumeFrom"] = from,
        }.ToJsonString();

    private static IEnumerable<string> References(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Key == "$ref" && p.Value is JsonValue v ? [v.GetValue<string>()] : References(p.Value)),
        JsonArray a => a.SelectMany(References),
        _ => [],
    };
}
