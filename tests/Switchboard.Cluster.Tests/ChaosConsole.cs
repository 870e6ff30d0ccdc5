using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace Switchboard.Cluster.Tests;

/// <summary>
/// An agent's console in the chaos test: one live socket (resumed after a drop) following the agent and, for an agent
/// who takes calls, its interactions; each offer it sees is accepted, talked over briefly, ended and wrapped up through
/// REST, and a state the agent did not choose (a break after an offer that lapsed) is turned back to Available. It
/// checks what the socket tells: the agent's version never goes back nor skips one unless a resync came between, each
/// interaction's timeline never goes back, and the session's <c>seq</c> has no holes.
/// </summary>
internal sealed class ChaosConsole(string agentId, bool takesCalls, Uri address, string key, ChaosClient rest, Stopwatch clock) : IAsyncDisposable
{
    private static readonly string[] AwayStates = ["Break", "Offline", "LoggedOut"];

    private readonly CancellationTokenSource stop = new();
    private readonly ConcurrentDictionary<string, int> wanted = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<Task> handlers = [];
    private readonly ConcurrentQueue<string> violations = new();
    private readonly Dictionary<string, int> lastTimeline = new(StringComparer.Ordinal);
    private Task? reader;
    private string? session;
    private long lastSeq;
    private bool snapshotPending = true;
    private int recovering;

    public string AgentId => agentId;

    /// <summary>What the socket told that it must not have: a version gone back or skipped, a timeline gone back, a hole in seq.</summary>
    public IReadOnlyCollection<string> Violations => violations;

    private AgentSeen? last;

    /// <summary>The agent's last state and version the socket told (read by the test while the reader writes it).</summary>
    public AgentSeen? Last => Volatile.Read(ref last);

    /// <summary>Topics the API host refused and that no snapshot has come for since (asked again a second later).</summary>
    public ConcurrentDictionary<string, string> Denied { get; } = new(StringComparer.Ordinal);

    /// <summary>How many times a topic was refused (e.g. "unavailable" while its grain's silo was dying).</summary>
    public int Refusals { get; private set; }

    /// <summary>Interactions whose end (wrapped up, abandoned, failed) reached this socket.</summary>
    public ConcurrentDictionary<string, string> SawEnd { get; } = new(StringComparer.Ordinal);

    /// <summary>When (test clock, ms) each resync came, with its reason.</summary>
    public ConcurrentQueue<(double At, string Reason)> Resyncs { get; } = new();

    public int Reconnects { get; private set; }

    public int Resumes { get; private set; }

    public int Offers { get; private set; }

    public int Recoveries { get; private set; }

    public int Messages { get; private set; }

    public void Start() => reader = Task.Run(RunAsync);

    /// <summary>Waits for the handlers of offers seen so far (they stop on their own once the work is done).</summary>
    public Task HandlersDone() => Task.WhenAll(handlers);

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        if (reader is not null)
        {
            await reader;
        }

        stop.Dispose();
    }

    private string[] Topics => takesCalls ? [$"agent:{agentId}", $"interactions:{agentId}"] : [$"agent:{agentId}"];

    private async Task RunAsync()
    {
        var first = true;
        while (!stop.IsCancellationRequested)
        {
            using var socket = new ClientWebSocket();
            socket.Options.SetRequestHeader("Authorization", "Bearer " + key);
            try
            {
                await socket.ConnectAsync(new UriBuilder(new Uri(address, "/v1/stream")) { Scheme = "ws" }.Uri, stop.Token);
                var subscribe = new JsonObject { ["op"] = "subscribe", ["topics"] = new JsonArray([.. Topics.Select(t => (JsonNode)t)]) };
                if (session is not null)
                {
                    subscribe["session"] = session;
                    subscribe["resumeFrom"] = lastSeq;
                }

                await socket.SendAsync(Encoding.UTF8.GetBytes(subscribe.ToJsonString()), WebSocketMessageType.Text, true, stop.Token);
                await ReadAsync(socket);
            }
            catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or HttpRequestException)
            {
                // dropped, refused or stopping: resumed below unless stopping
            }
            catch (Exception exception)
            {
                // A message this console could not read is the test's failure, told at the end; the socket is opened again.
                violations.Enqueue($"{agentId}: reading the socket failed: {exception}");
            }

            if (stop.IsCancellationRequested)
            {
                return;
            }

            if (!first)
            {
                Reconnects++;
            }

            first = false;
            await Task.Delay(250);
        }
    }

    private async Task ReadAsync(ClientWebSocket socket)
    {
        var buffer = new byte[64 * 1024];
        string? fresh = null;
        var resumed = false;
        while (socket.State == WebSocketState.Open)
        {
            var length = 0;
            ValueWebSocketReceiveResult result;
            do
            {
                if (length == buffer.Length)
                {
                    Array.Resize(ref buffer, buffer.Length * 2);
                }

                result = await socket.ReceiveAsync(buffer.AsMemory(length), stop.Token);
                length += result.Count;
            }
            while (!result.EndOfMessage);

            if (result.MessageType == WebSocketMessageType.Close)
            {
                return;
            }

            var message = JsonNode.Parse(buffer.AsSpan(0, length))!;
            Messages++;
            var type = message["type"]?.GetValue<string>();
            if (type == "welcome")
            {
                // The socket's own session; a resume moves it back to the previous one, which a failed resume leaves for this.
                fresh = message["session"]!.GetValue<string>();
                session ??= fresh;
                continue;
            }

            if (type == "resumed")
            {
                resumed = true;
                Resumes++;
                continue;
            }

            if (type == "resync" && !resumed)
            {
                session = fresh;
            }

            if (message["seq"] is { } seqNode)
            {
                var seq = seqNode.GetValue<long>();
                if (seq != lastSeq + 1 && type != "resync")
                {
                    violations.Enqueue($"{agentId}: seq {seq} after {lastSeq}");
                }

                lastSeq = seq;
            }

            if (type == "snapshot")
            {
                Denied.TryRemove(message["topic"]!.GetValue<string>(), out _);
            }

            switch (type)
            {
                case "subscribed" when message["denied"] is JsonArray { Count: > 0 } denied:
                    var again = new List<string>();
                    foreach (var refusal in denied)
                    {
                        var topic = refusal!["topic"]!.GetValue<string>();
                        Denied[topic] = refusal["code"]?.GetValue<string>() ?? "?";
                        Refusals++;
                        again.Add(topic);
                    }

                    await Task.Delay(1000, stop.Token);
                    var subscribe = new JsonObject { ["op"] = "subscribe", ["topics"] = new JsonArray([.. again.Select(t => (JsonNode)t)]) };
                    await socket.SendAsync(Encoding.UTF8.GetBytes(subscribe.ToJsonString()), WebSocketMessageType.Text, true, stop.Token);
                    break;
                case "resync":
                    Resyncs.Enqueue((clock.Elapsed.TotalMilliseconds, message["reason"]?.GetValue<string>() ?? "?"));
                    snapshotPending = true;
                    if (message["seq"] is { } resyncSeq)
                    {
                        lastSeq = resyncSeq.GetValue<long>();
                    }

                    break;
                case "snapshot" when message["topic"]!.GetValue<string>().StartsWith("agent:", StringComparison.Ordinal):
                    SeeAgent(message["data"]!, snapshot: true);
                    break;
                case "snapshot":
                    foreach (var interaction in message["data"]!["interactions"]!.AsArray())
                    {
                        SeeInteraction(interaction!);
                    }

                    break;
                case "agent.state_changed":
                    SeeAgent(message["data"]!, snapshot: false);
                    break;
                case "interaction.offered" or "interaction.updated":
                    SeeInteraction(message["data"]!);
                    break;
            }
        }
    }

    private void SeeAgent(JsonNode data, bool snapshot)
    {
        var version = data["version"]!.GetValue<long>();
        var state = data["state"]!.GetValue<string>();
        if (Last is { } seen)
        {
            if (version < seen.Version)
            {
                violations.Enqueue($"{agentId}: version {version} ({state}) after {seen.Version}{(snapshot ? " in a snapshot" : "")}");
            }
            else if (version > seen.Version + 1 && !(snapshot && snapshotPending))
            {
                violations.Enqueue($"{agentId}: version {version} ({state}) skipped from {seen.Version} without a resync");
            }
        }

        if (snapshot)
        {
            snapshotPending = false;
        }

        Volatile.Write(ref last, new AgentSeen(state, Math.Max(version, Last?.Version ?? 0)));
        if (takesCalls && AwayStates.Contains(state) && Interlocked.Exchange(ref recovering, 1) == 0)
        {
            Recoveries++;
            handlers.Add(Task.Run(async () =>
            {
                try
                {
                    await rest.SendAsync("PUT state (console back to Available)", HttpMethod.Put, $"/v1/agents/{agentId}/state", new { state = "Available" }, TimeSpan.FromSeconds(90));
                }
                finally
                {
                    Volatile.Write(ref recovering, 0);
                }
            }));
        }
    }

    private void SeeInteraction(JsonNode data)
    {
        var id = data["id"]!.GetValue<string>();
        var timeline = data["timeline"]!.AsArray();
        var sequence = timeline.Count == 0 ? 0 : timeline[^1]!["sequence"]!.GetValue<int>();
        if (lastTimeline.TryGetValue(id, out var seen) && sequence < seen)
        {
            violations.Enqueue($"{agentId}: {id} at timeline {sequence} after {seen}");
        }

        lastTimeline[id] = Math.Max(sequence, seen);
        var state = data["state"]!.GetValue<string>();
        if (state is "WrappedUp" or "Abandoned" or "Failed")
        {
            SawEnd[id] = state;
        }

        var mine = (state == "Offered" && data["offer"]?["agentId"]?.GetValue<string>() == agentId)
            || (state is "Connected" or "OnHold" && data["handler"]?.GetValue<string>() == agentId)
            || (state == "Ended" && PendingWrapUp(data));
        if (mine)
        {
            if (state == "Offered")
            {
                Offers++;
            }

            Handle(id);
        }
    }

    private bool PendingWrapUp(JsonNode interaction) =>
        interaction["wrapUps"]?.AsArray().Any(w => w!["agentId"]!.GetValue<string>() == agentId && w["completedAt"] is null) == true;

    /// <summary>Works one interaction through to its end; an offer seen again while it runs makes it look once more.</summary>
    private void Handle(string id)
    {
        if (wanted.AddOrUpdate(id, 1, (_, n) => n + 1) != 1)
        {
            return;
        }

        handlers.Add(Task.Run(async () =>
        {
            while (true)
            {
                var asked = wanted[id];
                await WorkAsync(id);
                if (wanted.TryGetValue(id, out var now) && now == asked && wanted.TryRemove(new KeyValuePair<string, int>(id, asked)))
                {
                    return;
                }
            }
        }));
    }

    /// <summary>Reads the interaction and does the agent's next step until nothing is left for this agent to do.</summary>
    private async Task WorkAsync(string id)
    {
        var budget = TimeSpan.FromSeconds(90);
        var talked = false;
        for (var step = 0; step < 20; step++)
        {
            var read = await rest.SendAsync("GET interaction", HttpMethod.Get, $"/v1/interactions/{id}", null, budget);
            if (read?.Body is not { } view)
            {
                return;
            }

            var state = view["state"]!.GetValue<string>();
            if (state == "Offered" && view["offer"]?["agentId"]?.GetValue<string>() == agentId)
            {
                await rest.SendAsync("POST accept", HttpMethod.Post, $"/v1/interactions/{id}/accept", new { agentId }, budget);
            }
            else if (state is "Connected" or "OnHold" && view["handler"]?.GetValue<string>() == agentId)
            {
                if (!talked)
                {
                    talked = true;
                    await Task.Delay(TimeSpan.FromMilliseconds(200 + Random.Shared.Next(600)));
                }

                await rest.SendAsync("POST end", HttpMethod.Post, $"/v1/interactions/{id}/end", new { agentId }, budget);
            }
            else if (state == "Ended" && PendingWrapUp(view))
            {
                await rest.SendAsync("POST wrap-up", HttpMethod.Post, $"/v1/interactions/{id}/wrap-up", new { agentId, notes = "chaos" }, budget);
            }
            else
            {
                return;
            }
        }
    }
}

/// <summary>An agent's state and version as a socket told them.</summary>
internal sealed record AgentSeen(string State, long Version);
