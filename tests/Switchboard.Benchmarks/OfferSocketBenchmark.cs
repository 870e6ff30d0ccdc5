using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace Switchboard.Benchmarks;

/// <summary>
/// Work enqueued → its offer on the agent's socket, end to end: the real API host (embedded default) with
/// <c>agents</c> agents in <c>queues</c> queues, one live socket per agent following <c>interactions:{agentId}</c>;
/// calls created through <c>POST /v1/interactions</c> at a fixed rate; the time from sending the POST to the
/// <c>interaction.offered</c> arriving on the socket. Each offered agent accepts and ends the call at once (so it is free
/// again). Beside it in the same run, the bare baseline: Kestrel relaying a POST to one named WebSocket.
/// </summary>
public static class OfferSocketBenchmark
{
    public static async Task RunAsync(int agents, int queues, double rate, int seconds, IReadOnlyDictionary<string, string>? settings = null)
    {
        var bare = await MeasureBareAsync(agents, rate, seconds);
        var switchboard = await MeasureSwitchboardAsync(agents, queues, rate, seconds, settings);
        Console.WriteLine("| path | sent | delivered | p50 ms | p99 ms | max ms |\n|---|---:|---:|---:|---:|---:|");
        foreach (var (name, sent, latencies) in new[] { bare, switchboard })
        {
            var sorted = latencies.Order().ToArray();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {sent} | {sorted.Length} | {LoadClient.Percentile(sorted, 0.50):F2} | {LoadClient.Percentile(sorted, 0.99):F2} | {(sorted.Length == 0 ? double.NaN : sorted[^1]):F2} |"));
        }
    }

    private static async Task<(string, int, List<double>)> MeasureSwitchboardAsync(int agents, int queues, double rate, int seconds, IReadOnlyDictionary<string, string>? settings)
    {
        await using var server = await SwitchboardServer.StartAsync(agents, settings);
        var client = server.Client;
        for (var q = 0; q < queues; q++)
        {
            (await client.PostAsJsonAsync("/v1/queues", new { id = $"q{q}", name = $"Queue {q}", offerTimeoutSeconds = 60 })).EnsureSuccessStatusCode();
        }

        for (var i = 0; i < agents; i++)
        {
            (await client.PutAsJsonAsync($"/v1/queues/q{i % queues}/members/a{i}", new { })).EnsureSuccessStatusCode();
            (await client.PutAsJsonAsync($"/v1/agents/a{i}/state", new { state = "Available" })).EnsureSuccessStatusCode();
        }

        var clock = Stopwatch.StartNew();
        var wallAtStart = DateTimeOffset.UtcNow;
        DateTime Wall(double elapsed) => wallAtStart.UtcDateTime.AddMilliseconds(elapsed);
        var offeredAt = new ConcurrentDictionary<string, double>(StringComparer.Ordinal);
        var storedAt = new ConcurrentDictionary<string, double>(StringComparer.Ordinal);
        var answeredAt = new ConcurrentDictionary<string, double>(StringComparer.Ordinal);
        var sockets = new List<ClientWebSocket>();
        var readers = new List<Task>();
        var streamUri = new UriBuilder(new Uri(client.BaseAddress!, "/v1/stream")) { Scheme = "ws" }.Uri;
        for (var i = 0; i < agents; i++)
        {
            var socket = new ClientWebSocket();
            socket.Options.SetRequestHeader("Authorization", "Bearer " + server.AdminKey);
            await socket.ConnectAsync(streamUri, CancellationToken.None);
            await socket.SendAsync(Encoding.UTF8.GetBytes($$"""{"op":"subscribe","topics":["interactions:a{{i}}"]}"""), WebSocketMessageType.Text, true, CancellationToken.None);
            sockets.Add(socket);
            var agentId = $"a{i}";
            readers.Add(ReadAsync(socket, message =>
            {
                if (!message.Contains("\"interaction.offered\"", StringComparison.Ordinal))
                {
                    return;
                }

                var at = clock.Elapsed.TotalMilliseconds;
                var data = JsonNode.Parse(message)!["data"]!;
                var id = data["id"]!.GetValue<string>();
                if (offeredAt.TryAdd(id, at))
                {
                    // The offer as the server stored it, on the same clock as the benchmark's (one machine).
                    storedAt[id] = (data["offer"]!["offeredAt"]!.GetValue<DateTimeOffset>() - wallAtStart).TotalMilliseconds;
                    _ = AnswerAsync(client, id, agentId); // free again for the next call
                }
            }));
        }

        var sentAt = new ConcurrentDictionary<string, double>(StringComparer.Ordinal);
        var warmup = TimeSpan.FromSeconds(5);
        var pausedBefore = GC.GetTotalPauseDuration();
        var gen0Before = GC.CollectionCount(0);
        var gen1Before = GC.CollectionCount(1);
        var gen2Before = GC.CollectionCount(2);
        using var gcPauses = new GcPauses();
        var sent = await SendAtRateAsync(rate, warmup + TimeSpan.FromSeconds(seconds), async (n, due) =>
        {
            var started = due; // from when it was due: a send the loaded machine started late counts its wait
            using var created = await client.PostAsJsonAsync("/v1/interactions", new { media = "voice", direction = "inbound", queueId = $"q{n % queues}", from = "+390212345678" });
            created.EnsureSuccessStatusCode();
            var answered = clock.Elapsed.TotalMilliseconds;
            var id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
            sentAt[id] = started;
            answeredAt[id] = answered;
        }, clock, warmup, out var measuredFrom);
        await Task.Delay(TimeSpan.FromSeconds(2)); // the last offers arrive

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Switchboard run (warm-up included): GC paused {(GC.GetTotalPauseDuration() - pausedBefore).TotalMilliseconds:F0} ms in {GC.CollectionCount(0) - gen0Before} gen0 / {GC.CollectionCount(1) - gen1Before} gen1 / {GC.CollectionCount(2) - gen2Before} gen2 collections"));
        var measured = sentAt.Where(s => s.Value >= measuredFrom && offeredAt.ContainsKey(s.Key)).ToList();
        var latencies = measured.Select(s => offeredAt[s.Key] - s.Value).ToList();
        Console.WriteLine("Switchboard stages (ms, p50 / p99): " + string.Join("; ",
            Stage("due → POST answered", measured.Select(s => answeredAt[s.Key] - s.Value)),
            Stage("due → offer stored (its offeredAt)", measured.Select(s => storedAt[s.Key] - s.Value)),
            Stage("offer stored → on the socket", measured.Select(s => offeredAt[s.Key] - storedAt[s.Key]))));
        var slow = measured.Where(s => offeredAt[s.Key] - s.Value > 5).ToList();
        var pauses = gcPauses.Pauses;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Offers slower than 5 ms: {slow.Count} of {measured.Count}; {slow.Count(s => gcPauses.Overlaps(Wall(s.Value), Wall(offeredAt[s.Key])))} of them waited on a GC pause. GC pauses: {pauses.Count}, longest {(pauses.Count == 0 ? 0 : pauses.Max(p => (p.End - p.Start).TotalMilliseconds)):F1} ms, total {pauses.Sum(p => (p.End - p.Start).TotalMilliseconds):F0} ms"));
        foreach (var socket in sockets)
        {
            socket.Abort();
            socket.Dispose();
        }

        return ("Switchboard: POST /v1/interactions → interaction.offered on the agent's socket", sentAt.Count(s => s.Value >= measuredFrom), latencies);
    }

    private static string Stage(string name, IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return string.Create(CultureInfo.InvariantCulture, $"{name} {LoadClient.Percentile(sorted, 0.50):F2} / {LoadClient.Percentile(sorted, 0.99):F2}");
    }

    private static async Task<(string, int, List<double>)> MeasureBareAsync(int sockets, double rate, int seconds)
    {
        await using var bare = await BareWebSocketServer.StartAsync();
        using var client = new HttpClient { BaseAddress = bare.Address };
        var clock = Stopwatch.StartNew();
        var receivedAt = new ConcurrentDictionary<string, double>(StringComparer.Ordinal);
        var open = new List<ClientWebSocket>();
        var wsUri = new UriBuilder(new Uri(bare.Address, "/ws")) { Scheme = "ws" }.Uri;
        for (var i = 0; i < sockets; i++)
        {
            var socket = new ClientWebSocket();
            await socket.ConnectAsync(new Uri(wsUri + $"?name=s{i}"), CancellationToken.None);
            open.Add(socket);
            _ = ReadAsync(socket, message =>
            {
                if (message.Contains("\"chat.message\"", StringComparison.Ordinal))
                {
                    var text = JsonNode.Parse(message)!["data"]!["text"]!.GetValue<string>();
                    receivedAt.TryAdd(text, clock.Elapsed.TotalMilliseconds);
                }
            });
        }

        var sentAt = new ConcurrentDictionary<string, double>(StringComparer.Ordinal);
        var warmup = TimeSpan.FromSeconds(5);
        await SendAtRateAsync(rate, warmup + TimeSpan.FromSeconds(seconds), async (n, due) =>
        {
            var mark = $"m{n}";
            sentAt[mark] = due;
            using var sent = await client.PostAsJsonAsync($"/send/s{n % sockets}", new { text = mark });
            sent.EnsureSuccessStatusCode();
        }, clock, warmup, out var measuredFrom);
        await Task.Delay(TimeSpan.FromSeconds(2));
        foreach (var socket in open)
        {
            socket.Abort();
            socket.Dispose();
        }

        var latencies = sentAt.Where(s => s.Value >= measuredFrom && receivedAt.ContainsKey(s.Key)).Select(s => receivedAt[s.Key] - s.Value).ToList();
        return ("bare Kestrel: POST → a message on one named WebSocket", sentAt.Count(s => s.Value >= measuredFrom), latencies);
    }

    /// <summary>
    /// Starts <paramref name="send"/> at a fixed rate (open loop: a slow answer does not delay the next), each with the
    /// instant it was due; returns how many were started.
    /// </summary>
    private static Task<int> SendAtRateAsync(double rate, TimeSpan length, Func<int, double, Task> send, Stopwatch clock, TimeSpan warmup, out double measuredFrom)
    {
        var start = clock.Elapsed.TotalMilliseconds;
        measuredFrom = start + warmup.TotalMilliseconds;
        return Run();

        async Task<int> Run()
        {
            var pending = new List<Task>();
            var interval = 1000.0 / rate;
            var n = 0;
            for (; clock.Elapsed.TotalMilliseconds - start < length.TotalMilliseconds; n++)
            {
                var due = start + (n * interval);
                var wait = due - clock.Elapsed.TotalMilliseconds;
                if (wait > 1)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(wait));
                }

                var index = n;
                pending.Add(Task.Run(() => send(index, due)));
            }

            await Task.WhenAll(pending);
            return n;
        }
    }

    private static async Task AnswerAsync(HttpClient client, string id, string agentId)
    {
        try
        {
            (await client.PostAsJsonAsync($"/v1/interactions/{id}/accept", new { agentId })).Dispose();
            (await client.PostAsJsonAsync($"/v1/interactions/{id}/end", new { agentId })).Dispose();
        }
        catch (HttpRequestException)
        {
            // The run is over.
        }
    }

    private static async Task ReadAsync(ClientWebSocket socket, Action<string> onMessage)
    {
        var buffer = new byte[32 * 1024]; // an offer with its whole interaction is a few KB; 1,000 of these stay out of the large-object heap
        try
        {
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

                    result = await socket.ReceiveAsync(buffer.AsMemory(length), CancellationToken.None);
                    length += result.Count;
                }
                while (!result.EndOfMessage);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                onMessage(Encoding.UTF8.GetString(buffer, 0, length));
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Closed at the end of the run.
        }
    }
}
