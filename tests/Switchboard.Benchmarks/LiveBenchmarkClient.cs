using System.Buffers.Text;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Switchboard.Benchmarks;

/// <summary>
/// The socket side of the live benchmark, in a process of its own (10,000 sockets need 10,000 descriptors on each end,
/// more than one process may hold here): connects N sockets, makes changes and times each one's arrival on every
/// socket. The change time is taken just before the request is sent, so a latency includes the REST call, the grain,
/// the stream and the fan-out. Prints one <c>RESULT {json}</c> line.
/// </summary>
public static class LiveBenchmarkClient
{
    private const int Warmup = 10;
    private static readonly byte[] VersionField = "\"version\":"u8.ToArray();

    public static async Task<int> RunAsync(string[] args)
    {
        var target = args[0]; // "bare", or a label of the Switchboard host measured
        var baseUri = new Uri(args[1]);
        var count = int.Parse(args[2], CultureInfo.InvariantCulture);
        var changes = int.Parse(args[3], CultureInfo.InvariantCulture);
        var key = args.Length > 4 ? args[4] : null;
        var switchboard = target != "bare";

        using var http = new HttpClient { BaseAddress = baseUri };
        if (key is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        var total = Warmup + changes * 2; // warm-up, latency phase, throughput phase
        var run = new Run(total, count);
        var connect = Stopwatch.StartNew();
        var sockets = new ClientWebSocket[count];
        var receivers = new Task[count];
        using (var gate = new SemaphoreSlim(64))
        {
            await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
            {
                await gate.WaitAsync();
                try
                {
                    sockets[i] = await ConnectAsync(baseUri, switchboard, key);
                }
                finally
                {
                    gate.Release();
                }
            }));
        }

        var connectSeconds = connect.Elapsed.TotalSeconds;
        var baseVersion = await CurrentVersionAsync(http, switchboard);
        run.BaseVersion = baseVersion;
        for (var i = 0; i < count; i++)
        {
            receivers[i] = Receive(sockets[i], run);
        }

        // Warm-up and latency: one change at a time, the next once every socket has the last.
        var triggers = new List<double>();
        for (var c = 0; c < Warmup + changes; c++)
        {
            var sent = await TriggerAsync(http, switchboard, run, c);
            if (c >= Warmup)
            {
                triggers.Add(sent);
            }

            await run.WaitAsync(c, TimeSpan.FromSeconds(60));
        }

        // Throughput: changes sent back to back (each after the previous request is answered), delivery not awaited.
        var started = Stopwatch.GetTimestamp();
        for (var c = Warmup + changes; c < total; c++)
        {
            await TriggerAsync(http, switchboard, run, c);
        }

        for (var c = Warmup + changes; c < total; c++)
        {
            await run.WaitAsync(c, TimeSpan.FromSeconds(120));
        }

        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var latencies = run.Latencies(Warmup, Warmup + changes);
        triggers.Sort();
        var result = new LiveRunResult(
            switchboard ? "Switchboard /v1/stream" : "bare Kestrel WebSocket broadcast",
            count,
            changes,
            Percentile(latencies, 0.50),
            Percentile(latencies, 0.99),
            latencies[^1],
            triggers[triggers.Count / 2],
            (double)count * changes / seconds,
            connectSeconds);
        Console.WriteLine("RESULT " + JsonSerializer.Serialize(result));

        foreach (var socket in sockets)
        {
            socket.Abort();
            socket.Dispose();
        }

        return 0;
    }

    private static async Task<ClientWebSocket> ConnectAsync(Uri baseUri, bool switchboard, string? key)
    {
        var socket = new ClientWebSocket();
        if (key is not null)
        {
            socket.Options.SetRequestHeader("Authorization", "Bearer " + key);
        }

        socket.Options.KeepAliveInterval = TimeSpan.Zero;
        var path = switchboard ? "/v1/stream" : "/ws";
        await socket.ConnectAsync(new UriBuilder(baseUri) { Scheme = "ws", Path = path }.Uri, CancellationToken.None);
        var buffer = new byte[16 * 1024];
        await socket.ReceiveAsync(buffer, CancellationToken.None); // welcome
        if (switchboard)
        {
            await socket.SendAsync("""{"op":"subscribe","topics":["agent:a0"]}"""u8.ToArray(), WebSocketMessageType.Text, true, CancellationToken.None);
            await socket.ReceiveAsync(buffer, CancellationToken.None); // snapshot
            await socket.ReceiveAsync(buffer, CancellationToken.None); // subscribed
        }

        return socket;
    }

    private static async Task<long> CurrentVersionAsync(HttpClient http, bool switchboard)
    {
        if (switchboard)
        {
            using var state = JsonDocument.Parse(await http.GetStringAsync("/v1/agents/a0/state"));
            return state.RootElement.GetProperty("version").GetInt64();
        }

        // The bare server's counter: one broadcast nobody is timed on.
        using var response = await http.PostAsync("/broadcast", null);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("version").GetInt64();
    }

    /// <summary>Makes change <paramref name="c"/>; returns the request's round trip in ms.</summary>
    private static async Task<double> TriggerAsync(HttpClient http, bool switchboard, Run run, int c)
    {
        run.Start(c);
        var started = Stopwatch.GetTimestamp();
        using var response = switchboard
            ? await http.PutAsJsonAsync("/v1/agents/a0/state", new StateBody(c % 2 == 0 ? "Offline" : "Available", null))
            : await http.PostAsync("/broadcast", null);
        response.EnsureSuccessStatusCode();
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    private static async Task Receive(ClientWebSocket socket, Run run)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var length = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer.AsMemory(length), CancellationToken.None);
                    length += result.Count;
                }
                while (!result.EndOfMessage);

                var arrived = Stopwatch.GetTimestamp();
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                var span = buffer.AsSpan(0, length);
                var at = span.IndexOf(VersionField);
                if (at >= 0 && Utf8Parser.TryParse(span[(at + VersionField.Length)..], out long version, out _))
                {
                    run.Arrived(version, arrived);
                }
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Closed at the end.
        }
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];

    /// <summary>Start times per change and arrival counts; latencies in one flat array (change × socket).</summary>
    private sealed class Run(int changes, int sockets)
    {
        private readonly long[] started = new long[changes];
        private readonly int[] remaining = Enumerable.Repeat(sockets, changes).ToArray();
        private readonly int[] recorded = new int[changes];
        private readonly double[] latencies = new double[(long)changes * sockets];
        private readonly TaskCompletionSource[] done = [.. Enumerable.Range(0, changes).Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously))];

        public long BaseVersion { get; set; }

        public void Start(int change) => Volatile.Write(ref started[change], Stopwatch.GetTimestamp());

        public void Arrived(long version, long at)
        {
            var change = version - BaseVersion - 1;
            if (change < 0 || change >= started.Length)
            {
                return;
            }

            var slot = Interlocked.Increment(ref recorded[change]) - 1;
            latencies[change * sockets + slot] = Stopwatch.GetElapsedTime(Volatile.Read(ref started[change]), at).TotalMilliseconds;
            if (Interlocked.Decrement(ref remaining[change]) == 0)
            {
                done[change].TrySetResult();
            }
        }

        public async Task WaitAsync(int change, TimeSpan timeout)
        {
            try
            {
                await done[change].Task.WaitAsync(timeout);
            }
            catch (TimeoutException)
            {
                throw new TimeoutException($"change {change}: {Volatile.Read(ref remaining[change])} of {sockets} sockets still waiting after {timeout.TotalSeconds} s");
            }
        }

        public double[] Latencies(int from, int to)
        {
            var all = latencies.AsSpan((int)((long)from * sockets), (to - from) * sockets).ToArray();
            Array.Sort(all);
            return all;
        }
    }
}
