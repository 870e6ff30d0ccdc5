using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Switchboard.TestSupport;

namespace Switchboard.Benchmarks;

/// <summary>
/// Webhooks: what an endpoint costs the request that triggers its events, and how fast deliveries reach a local receiver.
/// <list type="bullet">
/// <item>Added latency: agent-state PUTs at a steady rate (open loop), with no endpoint and then with one subscribed to
/// agent.state_changed, alternating twice; the triggering request's p50/p99 side by side.</item>
/// <item>Throughput: a burst of state changes with 1 and 4 endpoints subscribed; deliveries/s from the first change to
/// the last delivery, beside a bare HttpClient POSTing signed bodies of the same size to the same receiver, four at a time
/// per endpoint as the sender does.</item>
/// </list>
/// </summary>
public static class WebhookBenchmark
{
    public static async Task RunAsync(int rate, int seconds, int burst)
    {
        Console.WriteLine($"{Environment.ProcessorCount} cores, .NET {Environment.Version}; paced PUTs at {rate}/s for {seconds} s per phase; bursts of {burst} changes");
        await using var receiver = await WebhookReceiver.StartAsync(CancellationToken.None);
        await using var server = await SwitchboardServer.StartAsync(64, new Dictionary<string, string>
        {
            ["Webhooks:AllowPrivateTargets"] = "true",
            ["Webhooks:RequireHttps"] = "false",
        });

        // Warm both paths (JIT, activations) before anything is measured.
        await PacedAsync("warm-up", server, rate, 2);
        var hooks = new List<string>();
        var latency = new List<(string Name, double P50, double P99, int Errors)>();
        for (var round = 1; round <= 2; round++)
        {
            await DeleteAllAsync(server, hooks);
            latency.Add(await PacedAsync($"no endpoint (round {round})", server, rate, seconds));
            hooks.Add(await RegisterAsync(server, receiver.Url("paced"), "agent.state_changed"));
            latency.Add(await PacedAsync($"one endpoint (round {round})", server, rate, seconds));
            await DrainAsync(receiver, server, hooks);
        }

        await DeleteAllAsync(server, hooks);
        var throughput = new List<(string Name, double PerSecond)>();
        foreach (var endpoints in new[] { 1, 4 })
        {
            await ResetAsync(server);
            for (var i = 0; i < endpoints; i++)
            {
                hooks.Add(await RegisterAsync(server, receiver.Url($"burst{endpoints}/{i}"), "agent.state_changed"));
            }

            throughput.Add(await BurstAsync(server, receiver, endpoints, burst));
            await DeleteAllAsync(server, hooks);
            throughput.Add(await BareAsync(receiver, endpoints, burst * endpoints));
        }

        Console.WriteLine();
        Console.WriteLine("| triggering PUT at a steady rate | p50 ms | p99 ms | errors |");
        Console.WriteLine("|---|---:|---:|---:|");
        foreach (var (name, p50, p99, errors) in latency)
        {
            Console.WriteLine(FormattableString.Invariant($"| {name} | {p50:F2} | {p99:F2} | {errors} |"));
        }

        Console.WriteLine();
        Console.WriteLine("| deliveries | per second |");
        Console.WriteLine("|---|---:|");
        foreach (var (name, perSecond) in throughput)
        {
            Console.WriteLine(FormattableString.Invariant($"| {name} | {perSecond:F0} |"));
        }

        var without = latency.Where(l => l.Name.StartsWith("no", StringComparison.Ordinal)).ToList();
        var with = latency.Where(l => l.Name.StartsWith("one", StringComparison.Ordinal)).ToList();
        Console.WriteLine(FormattableString.Invariant(
            $"\nAdded p99 on the triggering request (mean of rounds, with - without): {with.Average(l => l.P99) - without.Average(l => l.P99):F2} ms (target < 1 ms); p50: {with.Average(l => l.P50) - without.Average(l => l.P50):F2} ms"));
    }

    /// <summary>PUTs alternating Available/Offline over 64 agents at <paramref name="rate"/> a second, not waiting for answers to send the next.</summary>
    private static async Task<(string, double, double, int)> PacedAsync(string name, SwitchboardServer server, int rate, int seconds)
    {
        var total = rate * seconds;
        var latencies = new double[total];
        var errors = 0;
        var started = Stopwatch.GetTimestamp();
        var requests = new List<Task>(total);
        for (var i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / rate) - Stopwatch.GetElapsedTime(started);
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due);
            }

            // Timed from when the request was due, so time spent waiting for a thread counts too.
            var n = i;
            var dueAt = started + (long)((double)i / rate * Stopwatch.Frequency);
            requests.Add(Task.Run(async () =>
            {
                using var message = new HttpRequestMessage(HttpMethod.Put, $"/v1/agents/a{n % 64}/state")
                {
                    Content = JsonContent.Create(new StateBody(n / 64 % 2 == 0 ? "Available" : "Offline", null)),
                };
                using var response = await server.Client.SendAsync(message);
                await response.Content.CopyToAsync(Stream.Null);
                latencies[n] = Stopwatch.GetElapsedTime(dueAt).TotalMilliseconds;
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref errors);
                }
            }));
        }

        await Task.WhenAll(requests);
        Array.Sort(latencies);
        var result = (name, Percentile(latencies, 0.50), Percentile(latencies, 0.99), errors);
        Console.WriteLine(FormattableString.Invariant($"{name}: p50 {result.Item2:F2} ms, p99 {result.Item3:F2} ms, {errors} errors"));
        return result;
    }

    /// <summary>
    /// <paramref name="changes"/> state changes as fast as 32 clients send them, each client toggling two agents of its own
    /// so that every PUT is a change (and an event); the clock runs until every endpoint has them all.
    /// </summary>
    private static async Task<(string, double)> BurstAsync(SwitchboardServer server, WebhookReceiver receiver, int endpoints, int changes)
    {
        const int Clients = 32;
        var perClient = changes / Clients;
        changes = perClient * Clients;
        var before = receiver.All.Count;
        var expected = before + (changes * endpoints);
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(client => Task.Run(async () =>
        {
            for (var j = 0; j < perClient; j++)
            {
                using var message = new HttpRequestMessage(HttpMethod.Put, $"/v1/agents/a{client + (Clients * (j % 2))}/state")
                {
                    Content = JsonContent.Create(new StateBody(j / 2 % 2 == 0 ? "Break" : "Available", null)),
                };
                using var response = await server.Client.SendAsync(message);
                response.EnsureSuccessStatusCode();
            }
        })));
        while (receiver.All.Count < expected)
        {
            if (Stopwatch.GetElapsedTime(started) > TimeSpan.FromMinutes(5))
            {
                throw new TimeoutException($"{receiver.All.Count - before} of {changes * endpoints} deliveries after 5 minutes.");
            }

            await Task.Delay(5);
        }

        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var name = $"Switchboard, {changes:N0} changes to {endpoints} endpoint(s)";
        var perSecond = changes * endpoints / elapsed;
        Console.WriteLine(FormattableString.Invariant($"{name}: {perSecond:F0} deliveries/s ({elapsed:F2} s)"));
        return (name, perSecond);
    }

    /// <summary>The baseline: signed POSTs of a delivery's size straight to the receiver, four in flight per endpoint.</summary>
    private static async Task<(string, double)> BareAsync(WebhookReceiver receiver, int endpoints, int total)
    {
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false, UseCookies = false });
        var body = Encoding.UTF8.GetBytes(receiver.All.Last().Body);
        var key = RandomNumberGenerator.GetBytes(32);
        var next = -1;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, 4 * endpoints).Select(worker => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < total; i = Interlocked.Increment(ref next))
            {
                var id = "evt_" + i.ToString("x32", CultureInfo.InvariantCulture);
                var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
                byte[] content = [.. Encoding.UTF8.GetBytes($"{id}.{timestamp}."), .. body];
                var signed = HMACSHA256.HashData(key, content);
                using var message = new HttpRequestMessage(HttpMethod.Post, receiver.Url($"bare/{worker / 4}")) { Content = new ByteArrayContent(body) };
                message.Content.Headers.ContentType = new("application/json") { CharSet = "utf-8" };
                message.Headers.Add("webhook-id", id);
                message.Headers.Add("webhook-timestamp", timestamp);
                message.Headers.Add("webhook-signature", "v1," + Convert.ToBase64String(signed));
                using var response = await http.SendAsync(message);
                response.EnsureSuccessStatusCode();
            }
        })));
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var name = $"bare HttpClient, {total:N0} signed POSTs, {4 * endpoints} in flight";
        Console.WriteLine(FormattableString.Invariant($"{name}: {total / elapsed:F0}/s"));
        return (name, total / elapsed);
    }

    /// <summary>Waits until the endpoints have nothing pending, so one phase's deliveries do not run into the next.</summary>
    private static async Task DrainAsync(WebhookReceiver receiver, SwitchboardServer server, List<string> hooks)
    {
        foreach (var hook in hooks)
        {
            while ((await server.Client.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>($"/v1/webhooks/{hook}"))!["pending"]!.GetValue<int>() > 0)
            {
                await Task.Delay(50);
            }
        }

        Console.WriteLine($"  drained: {receiver.All.Count:N0} deliveries so far");
    }

    /// <summary>Every agent Available, one at a time, before the endpoints of a burst exist.</summary>
    private static async Task ResetAsync(SwitchboardServer server)
    {
        for (var i = 0; i < 64; i++)
        {
            using var response = await server.Client.PutAsJsonAsync($"/v1/agents/a{i}/state", new StateBody("Available", null));
            response.EnsureSuccessStatusCode();
        }
    }

    private static async Task<string> RegisterAsync(SwitchboardServer server, string url, string events)
    {
        using var response = await server.Client.PostAsJsonAsync("/v1/webhooks", new { url, events = new[] { events } });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["webhook"]!["id"]!.GetValue<string>();
    }

    private static async Task DeleteAllAsync(SwitchboardServer server, List<string> hooks)
    {
        foreach (var hook in hooks)
        {
            using var response = await server.Client.DeleteAsync(new Uri($"/v1/webhooks/{hook}", UriKind.Relative));
            response.EnsureSuccessStatusCode();
        }

        hooks.Clear();
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
