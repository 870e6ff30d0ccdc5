using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Api.Auth;
using Switchboard.Api.Live;
using Switchboard.Api.Tests.Support;
using Switchboard.Contracts.Auth;

namespace Switchboard.Api.Tests;

/// <summary>The live WebSocket over real TCP (Kestrel on 127.0.0.1): the upgrade, resume, a slow consumer, dead peers.</summary>
public sealed class LiveKestrelTests(LiveKestrelFixture fixture) : IClassFixture<LiveKestrelFixture>
{
    /// <summary>Changes per agent in the slow-consumer test: 600 in all, about five times what the slow socket's buffers hold.</summary>
    private const int EventsPerAgent = 150;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private KestrelApi Api => fixture.Api;

    [Fact]
    public async Task Over_tcp_a_key_opens_the_stream_in_the_header_or_the_query_and_a_bad_key_is_refused_with_401()
    {
        var (tenantId, _, _) = await Api.CreateTenantAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, await RefusedUpgradeAsync(LiveTestClient.StreamUri(Api.BaseAddress), "sk_" + tenantId + "_nope"));
        Assert.Equal(HttpStatusCode.Unauthorized, await RefusedUpgradeAsync(LiveTestClient.StreamUri(Api.BaseAddress, "nope"), null));
        Assert.Equal(HttpStatusCode.Unauthorized, await RefusedUpgradeAsync(LiveTestClient.StreamUri(Api.BaseAddress), null));
        Assert.Equal(HttpStatusCode.Forbidden, await RefusedUpgradeAsync(LiveTestClient.StreamUri(Api.BaseAddress), SwitchboardApiFactory.OperatorKey));
    }

    [Fact]
    public async Task Over_tcp_a_snapshot_then_events_in_order_and_after_a_dropped_connection_exactly_the_missed_ones()
    {
        var (tenantId, adminKey, adminKeyId) = await Api.CreateTenantAsync();
        using var admin = Api.ClientWith(adminKey);
        await CreateAgentAsync(admin, "a1");
        await using var inQuery = await LiveTestClient.ConnectAsync(Api.BaseAddress, adminKey, keyInQuery: true);
        var first = await LiveTestClient.ConnectAsync(Api.BaseAddress, adminKey);
        foreach (var live in new[] { inQuery, first })
        {
            await live.SubscribeAsync("agent:a1");
            var snapshot = await live.NextOfTypeAsync("snapshot", "agent:a1");
            Assert.Equal((1L, "LoggedOut"), (snapshot.Number("seq"), snapshot["data"]!.Text("state")));
            Assert.Equal(["agent:a1"], (await live.NextOfTypeAsync("subscribed")).Strings("topics"));
        }

        await SetStateAsync(admin, "a1", "Available");
        await SetStateAsync(admin, "a1", "Offline");
        var changes = new[] { await first.NextOfTypeAsync(LiveEventTypes.AgentStateChanged), await first.NextOfTypeAsync(LiveEventTypes.AgentStateChanged) };
        Assert.Equal([(2L, "Available"), (3L, "Offline")], changes.Select(m => (m.Number("seq"), m["data"]!.Text("state"))));
        var viaQuery = new[] { await inQuery.NextOfTypeAsync(LiveEventTypes.AgentStateChanged), await inQuery.NextOfTypeAsync(LiveEventTypes.AgentStateChanged) };
        Assert.Equal([2L, 3L], viaQuery.Select(m => m.Number("seq")));

        // The TCP connection drops (no close handshake); three changes happen while the client is away.
        first.Abort();
        var hub = Api.Services.GetRequiredService<LiveHub>();
        var caller = new Caller(tenantId, adminKeyId, ApiKeyRole.Admin, null);
        await LiveClockTests.Until(() => Task.FromResult(hub.Find(first.Session, caller)?.DetachedAt is not null));
        await SetStateAsync(admin, "a1", "Break");
        await SetStateAsync(admin, "a1", "Available");
        await SetStateAsync(admin, "a1", "Offline");
        await LiveClockTests.Until(() => Task.FromResult(hub.Find(first.Session, caller)?.LastSeq == 6));

        await using var second = await LiveTestClient.ConnectAsync(Api.BaseAddress, adminKey);
        await second.SendAsync(LiveResumeTests.Resume(first.Session, 3, "agent:a1"));
        var resumed = await second.NextOfTypeAsync("resumed");
        Assert.Equal((3L, 6L), (resumed.Number("from"), resumed.Number("to")));
        var replayed = new List<JsonNode>();
        for (var i = 0; i < 3; i++)
        {
            replayed.Add(await second.NextOfTypeAsync(LiveEventTypes.AgentStateChanged));
        }

        Assert.Equal([(4L, "Break"), (5L, "Available"), (6L, "Offline")], replayed.Select(m => (m.Number("seq"), m["data"]!.Text("state"))));
        await second.NextOfTypeAsync("subscribed");
        Assert.Equal(["welcome", "resumed", .. Enumerable.Repeat(LiveEventTypes.AgentStateChanged, 3), "subscribed"], second.Received.Select(m => m.Text("type")));
        await SetStateAsync(admin, "a1", "Break");
        Assert.Equal(7L, (await second.NextOfTypeAsync(LiveEventTypes.AgentStateChanged)).Number("seq"));
    }

    [Fact]
    public async Task Over_tcp_a_client_that_stops_reading_is_closed_with_4008_without_holding_up_another_and_resyncs_on_resume()
    {
        var (tenantId, adminKey, adminKeyId) = await Api.CreateTenantAsync();
        using var admin = Api.ClientWith(adminKey);
        string[] agents = ["a1", "a2", "a3", "a4"];
        foreach (var agent in agents)
        {
            await CreateAgentAsync(admin, agent);
        }

        var topics = agents.Select(a => "agent:" + a).ToArray();
        await using var fast = await LiveTestClient.ConnectAsync(Api.BaseAddress, adminKey);
        await using var slow = await ConnectWithSmallReceiveBufferAsync(adminKey);
        foreach (var live in new[] { fast, slow })
        {
            await live.SubscribeAsync(topics);
            await live.NextOfTypeAsync("subscribed");
        }

        var produced = new TaskCompletionSource<IReadOnlyDictionary<string, long>>();
        var fastSeen = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        var fastReading = Task.Run(() => ReadUntilLastVersionsAsync(fast, fastSeen, produced.Task), Ct);

        // The slow client has read up to its snapshots and reads nothing more. The agents change state in rounds, each
        // agent once per round (never twice the same, so every PUT is an event): about five times what the buffers
        // between the server's send queue and the slow client hold (see LiveKestrelFixture), so its queue must overflow.
        // A round starts once the fast client has read the last one: it is never more than a round behind, so only a
        // stalled reader (the slow one) can fill its queue, however busy the machine running the test.
        var slowLastRead = Sequenced(slow)[^1].Number("seq");
        var versions = agents.ToDictionary(a => a, _ => new List<long>());
        for (var i = 0; i < EventsPerAgent; i++)
        {
            var state = i % 2 == 0 ? "Available" : "Offline";
            var round = await Task.WhenAll(agents.Select(async agent => (Agent: agent, Version: (await SetStateAsync(admin, agent, state)).Number("version"))));
            foreach (var (agent, version) in round)
            {
                versions[agent].Add(version);
            }

            await LiveClockTests.Until(() => Task.FromResult(fastReading.IsCompleted || round.All(r => fastSeen.GetValueOrDefault(r.Agent) >= r.Version)));
            Assert.False(fastReading.IsFaulted, "the fast client stopped reading: " + fastReading.Exception?.GetBaseException().Message);
        }

        produced.SetResult(versions.ToDictionary(v => v.Key, v => v.Value[^1]));
        await fast.SendAsync("""{"op":"ping"}"""); // a message to wake the reader if it already has everything
        await fastReading;

        // The fast client got every event, in order, with consecutive seq: the slow one did not hold it up.
        var total = agents.Length * EventsPerAgent;
        var lastSeq = (long)agents.Length + total; // the snapshots, then the events
        var fastSequenced = Sequenced(fast);
        Assert.Equal(Enumerable.Range(1, (int)lastSeq).Select(i => (long)i), fastSequenced.Select(m => m.Number("seq")));
        foreach (var agent in agents)
        {
            var seen = fastSequenced.Where(m => m.TextOrNull("type") == LiveEventTypes.AgentStateChanged && m["data"]!.Text("agentId") == agent);
            Assert.Equal(versions[agent], seen.Select(m => m["data"]!.Number("version")));
        }

        // The slow client reads now: what the transport held (a gap-free prefix), then the server's close, 4008.
        var (code, reason) = await slow.ExpectCloseAsync();
        Assert.Equal(LiveCloseCodes.SlowConsumer, code);
        Assert.Contains("too slowly", reason, StringComparison.Ordinal);
        var slowSeqs = Sequenced(slow).Select(m => m.Number("seq")).ToList();
        var slowLast = slowSeqs[^1];
        Assert.Equal(Enumerable.Range(1, (int)slowLast).Select(i => (long)i), slowSeqs);
        Assert.InRange(slowLast, slowLastRead, lastSeq - LiveKestrelFixture.SendQueueLimit);

        // Its session kept every event; what it missed (at least the full send queue) is more than the resume buffer
        // holds, so resuming from its last seq is a resync with fresh snapshots, never a partial replay.
        var hub = Api.Services.GetRequiredService<LiveHub>();
        var caller = new Caller(tenantId, adminKeyId, ApiKeyRole.Admin, null);
        await LiveClockTests.Until(() => Task.FromResult(hub.Find(slow.Session, caller)?.LastSeq == lastSeq));
        Assert.True(lastSeq - slowLast > LiveKestrelFixture.ResumeBufferSize);
        await using var again = await LiveTestClient.ConnectAsync(Api.BaseAddress, adminKey);
        await again.SendAsync(LiveResumeTests.Resume(slow.Session, slowLast, topics));
        var resync = await again.NextOfTypeAsync("resync");
        Assert.Equal(("resume-gap", lastSeq + 1), (resync.Text("reason"), resync.Number("seq")));
        var fresh = new List<JsonNode>();
        for (var i = 0; i < agents.Length; i++)
        {
            fresh.Add(await again.NextOfTypeAsync("snapshot"));
        }

        Assert.Equal(Enumerable.Range(2, agents.Length).Select(i => lastSeq + i), fresh.Select(m => m.Number("seq")));
        Assert.Equal(agents.Select(a => (a, (long)EventsPerAgent)), fresh.Select(m => (m["data"]!.Text("agentId"), m["data"]!.Number("version"))).Order());
        Assert.Equal(topics, (await again.NextOfTypeAsync("subscribed")).Strings("topics"));
        Assert.DoesNotContain(again.Received, m => m.TextOrNull("type") == "resumed");
    }

    [Fact]
    public async Task Over_tcp_a_peer_that_stops_answering_pings_is_dropped_and_its_session_detaches()
    {
        // Pings every second, two to answer: a host of its own, since the slow consumer above never answers them either.
        await using var api = KestrelApi.Start(null, null, ("Live:KeepAliveSeconds", "1"), ("Live:KeepAliveTimeoutSeconds", "2"));
        var (tenantId, adminKey, adminKeyId) = await api.CreateTenantAsync();
        await using var answering = await LiveTestClient.ConnectAsync(api.BaseAddress, adminKey);
        var answeringNext = answering.ReceiveAsync(TimeSpan.FromSeconds(30)); // a pending read is what answers pings

        // A raw client upgrades by hand, then reads what comes but never writes again: no pong ever goes back.
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, api.BaseAddress.Port, Ct);
        var stream = tcp.GetStream();
        var handshake = $"GET /v1/stream HTTP/1.1\r\nHost: {api.BaseAddress.Authority}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + $"Sec-WebSocket-Key: {Convert.ToBase64String(Guid.NewGuid().ToByteArray())}\r\nSec-WebSocket-Version: 13\r\nAuthorization: Bearer {adminKey}\r\n\r\n";
        await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(handshake), Ct);
        var upgraded = Stopwatch.StartNew();
        var dead = new RawWebSocketReader(stream);
        Assert.StartsWith("HTTP/1.1 101", await dead.ReadHeadAsync(Ct), StringComparison.Ordinal);
        var welcome = JsonNode.Parse(await dead.ReadTextFrameAsync(Ct))!;
        var session = welcome.Text("session");

        // The server pings, gets no pong, and drops the connection: the read ends (EOF or reset) well within 15 s.
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        bounded.CancelAfter(TimeSpan.FromSeconds(15));
        try
        {
            await dead.ReadUntilClosedAsync(bounded.Token);
        }
        catch (OperationCanceledException) when (!Ct.IsCancellationRequested)
        {
            Assert.Fail($"The peer that answers no ping was still connected after 15 s ({dead.Pings} pings read).");
        }

        var droppedAfter = upgraded.Elapsed;
        Assert.True(dead.Pings >= 1, "the server should have pinged before dropping the peer");
        Assert.InRange(droppedAfter, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(15));
        var hub = api.Services.GetRequiredService<LiveHub>();
        var caller = new Caller(tenantId, adminKeyId, ApiKeyRole.Admin, null);
        await LiveClockTests.Until(() => Task.FromResult(hub.Find(session, caller)?.DetachedAt is not null));

        // A client that answers pings is still there after all those pings.
        await answering.SendAsync("""{"op":"ping"}""");
        Assert.Equal("pong", (await answeringNext).Text("type"));
        Assert.Equal(WebSocketState.Open, answering.Socket.State);
    }

    /// <summary>The messages of the session's sequence (snapshots, events, resyncs), as received.</summary>
    private static List<JsonNode> Sequenced(LiveTestClient live) =>
        [.. live.Received.Where(m => m["seq"] is not null && m.TextOrNull("type") != "welcome")];

    /// <summary>Reads until every agent's last produced version came (the test sends a ping once done, so a read always ends).</summary>
    private static async Task ReadUntilLastVersionsAsync(
        LiveTestClient live, ConcurrentDictionary<string, long> seen, Task<IReadOnlyDictionary<string, long>> produced)
    {
        while (true)
        {
            var message = await live.ReceiveAsync();
            if (message.TextOrNull("type") == LiveEventTypes.AgentStateChanged)
            {
                seen[message["data"]!.Text("agentId")] = message["data"]!.Number("version");
            }

            if (produced.IsCompleted && produced.Result.All(last => seen.GetValueOrDefault(last.Key) == last.Value))
            {
                return;
            }
        }
    }

    /// <summary>A socket whose kernel receive buffer is small, so a client that does not read stops the server's sends soon.</summary>
    private async Task<LiveTestClient> ConnectWithSmallReceiveBufferAsync(string key)
    {
        using var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true, ReceiveBufferSize = 4096 };
                try
                {
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        using var invoker = new HttpMessageInvoker(handler, disposeHandler: false);
        var client = new ClientWebSocket();
        client.Options.SetRequestHeader("Authorization", "Bearer " + key);
        await client.ConnectAsync(LiveTestClient.StreamUri(Api.BaseAddress), invoker, Ct);
        return await LiveTestClient.StartAsync(client);
    }

    /// <summary>The status the server refused the upgrade with (the client sees it with <c>CollectHttpResponseDetails</c>).</summary>
    private static async Task<HttpStatusCode> RefusedUpgradeAsync(Uri uri, string? bearer)
    {
        using var client = new ClientWebSocket();
        client.Options.CollectHttpResponseDetails = true;
        if (bearer is not null)
        {
            client.Options.SetRequestHeader("Authorization", "Bearer " + bearer);
        }

        await Assert.ThrowsAsync<WebSocketException>(() => client.ConnectAsync(uri, Ct));
        return client.HttpStatusCode;
    }

    private static async Task CreateAgentAsync(HttpClient admin, string agentId)
    {
        using var created = await admin.SendJsonAsync(HttpMethod.Post, "/v1/agents", $$"""{"id":"{{agentId}}","displayName":"Agent"}""");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }

    private static async Task<JsonNode> SetStateAsync(HttpClient admin, string agentId, string state)
    {
        using var changed = await admin.SendJsonAsync(HttpMethod.Put, $"/v1/agents/{agentId}/state", $$"""{"state":"{{state}}"}""");
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        return await changed.ReadJsonAsync();
    }
}
