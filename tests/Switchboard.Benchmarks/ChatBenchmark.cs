using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace Switchboard.Benchmarks;

/// <summary>
/// Many chats at once on one host: customers open web chats through the public routes, agents (one live socket each)
/// accept every offer, then customers write and each message is timed from the customer's POST to its arrival on the
/// agent's socket; then every chat's customer opens its own socket and agents write, timed from the agent's POST to the
/// customer's socket. The baseline, in the same run: a bare Kestrel WebSocket server passing a POSTed message to one
/// socket of as many. Everything runs in this process (server, sockets, the clients' HTTP), so the figures include the
/// load generator's own CPU on the same two cores.
/// </summary>
public static class ChatBenchmark
{
    private const string Origin = "https://shop.example";

    public static async Task RunAsync(int chats, int customers, int agents, int messagesPerChat)
    {
        var capacity = (int)Math.Ceiling(chats / (double)agents);
        Console.WriteLine($"{Environment.ProcessorCount} cores, .NET {Environment.Version}; {chats} chats from {customers} customers, {agents} agents (chat capacity {capacity}), {messagesPerChat} messages per chat");
        var settings = new Dictionary<string, string>
        {
            ["PublicChat:OpenSessionsPerAddress"] = "100000", // every customer here comes from 127.0.0.1
            ["PublicChat:SessionsPerAddressPerHour"] = "10000",
            ["PublicChat:MessagesPerMinute"] = "600",
        };
        await using var server = await SwitchboardServer.StartAsync(agents, settings);
        var admin = server.Client;
        await Ok(admin.PostAsJsonAsync("/v1/queues", new { id = "chat", name = "Chat", media = "chat", offerTimeoutSeconds = 300 }));
        for (var i = 0; i < agents; i++)
        {
            await Ok(admin.PatchAsJsonAsync($"/v1/agents/a{i}", new { capacity = new { chat = capacity } }));
            await Ok(admin.PutAsJsonAsync($"/v1/queues/chat/members/a{i}", new { skillLevel = 5 }));
        }

        await Ok(admin.PostAsJsonAsync("/v1/chat/entry-points", new { id = "web", queueId = "chat", allowedOrigins = new[] { Origin } }));

        var sent = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        var latencies = new ConcurrentBag<double>();
        var accepted = 0;
        var handlers = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        using var stop = new CancellationTokenSource();
        var sockets = new List<(ClientWebSocket Socket, Task Reader)>();
        for (var i = 0; i < agents; i++)
        {
            var agentId = $"a{i}";
            var socket = new ClientWebSocket();
            socket.Options.SetRequestHeader("Authorization", "Bearer " + server.AdminKey);
            await socket.ConnectAsync(new Uri(server.Client.BaseAddress!, "/v1/stream").ToWebSocketUri(), CancellationToken.None);
            await Send(socket, $$"""{"op":"subscribe","topics":["interactions:{{agentId}}"]}""");
            sockets.Add((socket, Task.Run(() => ReadAsync(socket, agentId, admin, sent, latencies, id =>
            {
                handlers[id] = agentId;
                Interlocked.Increment(ref accepted);
            }, stop.Token))));
            await Ok(admin.PutAsJsonAsync($"/v1/agents/{agentId}/state", new { state = "Available" }));
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);

        // Customers open their chats (no Origin: not a browser, so no CORS lookup), two at a time per customer at most.
        var open = Stopwatch.StartNew();
        var opened = new ConcurrentBag<(string Id, string Token)>();
        using var anonymous = new HttpClient { BaseAddress = admin.BaseAddress };
        await Parallel.ForEachAsync(Enumerable.Range(0, chats), new ParallelOptions { MaxDegreeOfParallelism = customers }, async (c, ct) =>
        {
            using var response = await anonymous.PostAsJsonAsync("/v1/public/chat/bench/web/sessions", new { name = $"Customer {c % customers}", message = "Buongiorno" }, ct);
            response.EnsureSuccessStatusCode();
            var body = (await response.Content.ReadFromJsonAsync<JsonObject>(ct))!;
            opened.Add((body["interactionId"]!.GetValue<string>(), body["customerToken"]!.GetValue<string>()));
        });
        while (Volatile.Read(ref accepted) < chats && open.Elapsed < TimeSpan.FromMinutes(5))
        {
            await Task.Delay(50);
        }

        Console.WriteLine($"opened and accepted: {Volatile.Read(ref accepted)} of {chats} in {open.Elapsed.TotalSeconds:F1} s");
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var heapAfter = GC.GetTotalMemory(forceFullCollection: true);

        // First at a steady pace (open loop, as customers type), then as fast as they can (closed loop, saturation).
        var chatList = opened.ToArray();
        var paced = await PacedAsync(anonymous, chatList, sent, latencies, perSecond: 200, seconds: 10);

        // Customers write: each of their chats gets its messages in turn, all chats at once.
        latencies.Clear();
        var write = Stopwatch.StartNew();
        await Parallel.ForEachAsync(opened, new ParallelOptions { MaxDegreeOfParallelism = customers }, async (chat, ct) =>
        {
            for (var m = 0; m < messagesPerChat; m++)
            {
                await PostAsync(anonymous, chat, $"{chat.Id}/{m}", sent);
            }
        });
        var total = chats * messagesPerChat;
        while (latencies.Count < total && write.Elapsed < TimeSpan.FromMinutes(5))
        {
            await Task.Delay(20);
        }

        var elapsed = write.Elapsed.TotalSeconds;

        // The other way: every chat's customer on its own socket, agents writing at a steady pace.
        var toCustomer = await AgentsWriteAsync(admin, chatList, handlers, perSecond: 200, seconds: 10, stop.Token);
        await stop.CancelAsync();
        foreach (var (socket, reader) in sockets)
        {
            socket.Abort();
            await reader.ContinueWith(_ => { }, TaskScheduler.Default);
            socket.Dispose();
        }

        var sorted = latencies.Order().ToArray();
        Console.WriteLine();
        Console.WriteLine("| phase | chats | agents | messages | delivered | messages/s | p50 ms | p99 ms | max ms | heap per open chat KiB |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        var heapPerChat = (heapAfter - heapBefore) / 1024.0 / chats;
        Console.WriteLine(FormattableString.Invariant(
            $"| open loop 200/s | {chats:N0} | {agents} | {paced.Sent:N0} | {paced.Latencies.Length:N0} | {paced.Latencies.Length / 10.0:N0} | {Percentile(paced.Latencies, 0.50):F2} | {Percentile(paced.Latencies, 0.99):F2} | {(paced.Latencies.Length > 0 ? paced.Latencies[^1] : 0):F2} | {heapPerChat:F1} |"));
        Console.WriteLine(FormattableString.Invariant(
            $"| closed loop, {customers} writing | {chats:N0} | {agents} | {total:N0} | {sorted.Length:N0} | {sorted.Length / elapsed:N0} | {Percentile(sorted, 0.50):F2} | {Percentile(sorted, 0.99):F2} | {(sorted.Length > 0 ? sorted[^1] : 0):F2} | {heapPerChat:F1} |"));
        Console.WriteLine(FormattableString.Invariant(
            $"| agent → customer's socket, open loop 200/s | {chats:N0} | {agents} | {toCustomer.Sent:N0} | {toCustomer.Latencies.Length:N0} | {toCustomer.Latencies.Length / 10.0:N0} | {Percentile(toCustomer.Latencies, 0.50):F2} | {Percentile(toCustomer.Latencies, 0.99):F2} | {(toCustomer.Latencies.Length > 0 ? toCustomer.Latencies[^1] : 0):F2} | |"));

        // The server goes first (disposing it twice is harmless): the baseline has the cores to itself, as the server had.
        await server.DisposeAsync();
        var bare = await BareAsync(chats, perSecond: 200, seconds: 10);
        Console.WriteLine(FormattableString.Invariant(
            $"| baseline: bare WebSocket, POST → one of {chats:N0} sockets, 200/s | {chats:N0} | | {bare.Sent:N0} | {bare.Latencies.Length:N0} | {bare.Latencies.Length / 10.0:N0} | {Percentile(bare.Latencies, 0.50):F2} | {Percentile(bare.Latencies, 0.99):F2} | {(bare.Latencies.Length > 0 ? bare.Latencies[^1] : 0):F2} | |"));
    }

    /// <summary>
    /// Each chat's customer opens its socket and follows its chat; agents then write at a steady rate spread over the
    /// chats, each message timed from the agent's POST to its arrival on the customer's socket.
    /// </summary>
    private static async Task<(int Sent, double[] Latencies)> AgentsWriteAsync(
        HttpClient admin, (string Id, string Token)[] chats, ConcurrentDictionary<string, string> handlers, int perSecond, int seconds, CancellationToken stop)
    {
        var sent = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        var latencies = new ConcurrentBag<double>();
        var primed = 0;
        var sockets = new List<(ClientWebSocket Socket, Task Reader)>(chats.Length);
        foreach (var (id, token) in chats)
        {
            var socket = new ClientWebSocket();
            socket.Options.SetRequestHeader("Origin", Origin);
            await socket.ConnectAsync(new Uri(admin.BaseAddress!, "/v1/public/chat/stream?token=" + Uri.EscapeDataString(token)).ToWebSocketUri(), CancellationToken.None);
            await Send(socket, $$"""{"op":"subscribe","topics":["chat:{{id}}"]}""");
            sockets.Add((socket, Task.Run(() => ReadCustomerAsync(socket, sent, latencies, () => Interlocked.Increment(ref primed), stop))));
        }

        var wait = Stopwatch.StartNew();
        while (Volatile.Read(ref primed) < chats.Length && wait.Elapsed < TimeSpan.FromMinutes(2))
        {
            await Task.Delay(20);
        }

        var total = await PaceAsync(perSecond, seconds, k =>
        {
            var chat = chats[k % chats.Length];
            return AgentPostAsync(admin, chat.Id, handlers[chat.Id], $"{chat.Id}/agent/{k}", sent);
        });
        var delivered = await DeliveredAsync(latencies, total);
        foreach (var (socket, reader) in sockets)
        {
            socket.Abort();
            await reader.ContinueWith(_ => { }, TaskScheduler.Default);
            socket.Dispose();
        }

        return (total, delivered);
    }

    private static async Task AgentPostAsync(HttpClient admin, string chatId, string agentId, string text, ConcurrentDictionary<string, long> sent)
    {
        sent[text] = Stopwatch.GetTimestamp();
        using var response = await admin.PostAsJsonAsync($"/v1/interactions/{chatId}/messages", new { agentId, text });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>A customer's page: counts its snapshot, and times every agent message that reaches it.</summary>
    private static async Task ReadCustomerAsync(ClientWebSocket socket, ConcurrentDictionary<string, long> sent, ConcurrentBag<double> latencies, Action primed, CancellationToken stop)
    {
        var buffer = new byte[64 * 1024];
        var message = new MemoryStream();
        try
        {
            while (!stop.IsCancellationRequested && socket.State == WebSocketState.Open)
            {
                var result = await socket.ReceiveAsync(buffer, stop);
                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage)
                {
                    continue;
                }

                var arrived = Stopwatch.GetTimestamp();
                var json = JsonNode.Parse(Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length));
                message.SetLength(0);
                var type = json?["type"]?.GetValue<string>();
                if (type == "snapshot")
                {
                    primed();
                }
                else if (type is "chat.message" && json?["data"]?["sender"]?.GetValue<string>() == "agent"
                    && sent.TryRemove(json["data"]!["text"]!.GetValue<string>(), out var at))
                {
                    latencies.Add(Stopwatch.GetElapsedTime(at, arrived).TotalMilliseconds);
                }
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException)
        {
            // The run is over.
        }
    }

    /// <summary>The baseline: as many sockets on a bare Kestrel WebSocket server, a POSTed message passed to one of them.</summary>
    private static async Task<(int Sent, double[] Latencies)> BareAsync(int socketCount, int perSecond, int seconds)
    {
        await using var bare = await BareWebSocketServer.StartAsync();
        using var client = new HttpClient { BaseAddress = bare.Address };
        var sent = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        var latencies = new ConcurrentBag<double>();
        using var stop = new CancellationTokenSource();
        var sockets = new List<(ClientWebSocket Socket, Task Reader)>(socketCount);
        for (var i = 0; i < socketCount; i++)
        {
            var socket = new ClientWebSocket();
            await socket.ConnectAsync(new Uri(bare.Address, $"/ws?name=c{i}").ToWebSocketUri(), CancellationToken.None);
            sockets.Add((socket, Task.Run(() => ReadCustomerAsync(socket, sent, latencies, () => { }, stop.Token))));
        }

        var total = await PaceAsync(perSecond, seconds, k => BarePostAsync(client, $"c{k % socketCount}", $"bare/{k}", sent));
        var delivered = await DeliveredAsync(latencies, total);
        await stop.CancelAsync();
        foreach (var (socket, reader) in sockets)
        {
            socket.Abort();
            await reader.ContinueWith(_ => { }, TaskScheduler.Default);
            socket.Dispose();
        }

        return (total, delivered);
    }

    private static async Task BarePostAsync(HttpClient client, string name, string text, ConcurrentDictionary<string, long> sent)
    {
        sent[text] = Stopwatch.GetTimestamp();
        using var response = await client.PostAsJsonAsync($"/send/{name}", new { text });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Messages at a steady rate spread over the chats (each sent when due, not when the last one answered).</summary>
    private static async Task<(int Sent, double[] Latencies)> PacedAsync(
        HttpClient anonymous, (string Id, string Token)[] chats, ConcurrentDictionary<string, long> sent, ConcurrentBag<double> latencies, int perSecond, int seconds)
    {
        latencies.Clear();
        var total = await PaceAsync(perSecond, seconds, k =>
        {
            var chat = chats[k % chats.Length];
            return PostAsync(anonymous, chat, $"{chat.Id}/paced/{k}", sent);
        });
        return (total, await DeliveredAsync(latencies, total));
    }

    /// <summary>
    /// Sends <paramref name="perSecond"/> × <paramref name="seconds"/> messages, each when due rather than when the
    /// previous one was answered (open loop), and waits for every send; returns how many were sent.
    /// </summary>
    private static async Task<int> PaceAsync(int perSecond, int seconds, Func<int, Task> send)
    {
        var total = perSecond * seconds;
        var start = Stopwatch.GetTimestamp();
        var sends = new List<Task>(total);
        for (var k = 0; k < total; k++)
        {
            var due = TimeSpan.FromSeconds(k / (double)perSecond) - Stopwatch.GetElapsedTime(start);
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due);
            }

            sends.Add(send(k));
        }

        await Task.WhenAll(sends);
        return total;
    }

    /// <summary>Waits up to 30 s for <paramref name="expected"/> arrivals; returns the latencies measured, sorted.</summary>
    private static async Task<double[]> DeliveredAsync(ConcurrentBag<double> latencies, int expected)
    {
        var wait = Stopwatch.StartNew();
        while (latencies.Count < expected && wait.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(20);
        }

        return [.. latencies.Order()];
    }

    private static async Task PostAsync(HttpClient anonymous, (string Id, string Token) chat, string text, ConcurrentDictionary<string, long> sent)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/public/chat/sessions/{chat.Id}/messages") { Content = JsonContent.Create(new { text }) };
        request.Headers.Authorization = new("Bearer", chat.Token);
        sent[text] = Stopwatch.GetTimestamp();
        using var response = await anonymous.SendAsync(request);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>An agent's console: accepts every offer, and times every customer message that reaches it.</summary>
    private static async Task ReadAsync(
        ClientWebSocket socket, string agentId, HttpClient admin, ConcurrentDictionary<string, long> sent, ConcurrentBag<double> latencies, Action<string> accepted, CancellationToken stop)
    {
        var buffer = new byte[64 * 1024];
        var message = new MemoryStream();
        while (!stop.IsCancellationRequested && socket.State == WebSocketState.Open)
        {
            var result = await socket.ReceiveAsync(buffer, stop);
            message.Write(buffer, 0, result.Count);
            if (!result.EndOfMessage)
            {
                continue;
            }

            var arrived = Stopwatch.GetTimestamp();
            var json = JsonNode.Parse(Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length));
            message.SetLength(0);
            var type = json?["type"]?.GetValue<string>();
            var data = json?["data"];
            if (type == "interaction.offered" && data?["offer"]?["agentId"]?.GetValue<string>() == agentId)
            {
                var id = data!["id"]!.GetValue<string>();
                using var accept = await admin.PostAsJsonAsync($"/v1/interactions/{id}/accept", new { agentId }, stop);
                if (accept.IsSuccessStatusCode)
                {
                    accepted(id);
                }
            }
            else if (type == "interaction.message" && data?["sender"]?.GetValue<string>() == "customer"
                && sent.TryRemove(data["text"]!.GetValue<string>(), out var at))
            {
                latencies.Add(Stopwatch.GetElapsedTime(at, arrived).TotalMilliseconds);
            }
        }
    }

    private static Uri ToWebSocketUri(this Uri uri) => new UriBuilder(uri) { Scheme = uri.Scheme == "https" ? "wss" : "ws" }.Uri;

    private static Task Send(ClientWebSocket socket, string text) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

    private static async Task Ok(Task<HttpResponseMessage> call)
    {
        using var response = await call;
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
