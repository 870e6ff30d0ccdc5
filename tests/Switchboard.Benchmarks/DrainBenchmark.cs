using System.Diagnostics;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;

namespace Switchboard.Benchmarks;

/// <summary>
/// An API host (embedded default) stopped under load, as SIGTERM stops it: consoles' sockets open and state changes
/// arriving from closed-loop clients. Reports how long until every socket was closed with 1001, how long until the host
/// had stopped, and what became of the requests sent after the stop began (answered, refused, failed).
/// </summary>
public static class DrainBenchmark
{
    public static async Task RunAsync(int sockets, int concurrency, int agents)
    {
        var server = await SwitchboardServer.StartAsync(agents);
        var closes = new Task<(WebSocketCloseStatus? Status, TimeSpan At)>[sockets];
        var clock = Stopwatch.StartNew();
        var stopBegan = TimeSpan.MaxValue;
        var baseUri = new Uri(server.Client.BaseAddress!, "/v1/stream");
        var streamUri = new UriBuilder(baseUri) { Scheme = "ws" }.Uri;
        for (var i = 0; i < sockets; i++)
        {
            var socket = new ClientWebSocket();
            socket.Options.SetRequestHeader("Authorization", "Bearer " + server.AdminKey);
            await socket.ConnectAsync(streamUri, CancellationToken.None);
            await socket.SendAsync(Encoding.UTF8.GetBytes("""{"op":"subscribe","topics":["directory"]}"""), WebSocketMessageType.Text, true, CancellationToken.None);
            closes[i] = ReadUntilClosedAsync(socket, clock);
        }

        long answered = 0, refused = 0, cut = 0, errorStatuses = 0, answeredAfterStop = 0;
        var running = true;
        var workers = Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            for (long i = 0; Volatile.Read(ref running); i++)
            {
                var sentAfterStop = clock.Elapsed > stopBegan;
                try
                {
                    using var message = server.Request(worker, i);
                    using var response = await server.Client.SendAsync(message);
                    await response.Content.CopyToAsync(Stream.Null);
                    Interlocked.Increment(ref answered);
                    if (sentAfterStop)
                    {
                        Interlocked.Increment(ref answeredAfterStop);
                    }

                    if ((int)response.StatusCode >= 500)
                    {
                        Interlocked.Increment(ref errorStatuses);
                    }
                }
                catch (HttpRequestException exception) when (exception.InnerException is System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.ConnectionRefused })
                {
                    Interlocked.Increment(ref refused); // the server no longer takes connections: expected once it drains
                    await Task.Delay(5);
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref cut); // sent, then the connection closed without an answer
                    await Task.Delay(5);
                }
            }
        })).ToList();

        await Task.Delay(TimeSpan.FromSeconds(3)); // load and sockets in steady state
        var before = Interlocked.Read(ref answered);
        stopBegan = clock.Elapsed;
        var stopped = Stopwatch.StartNew();
        await server.StopAsync();
        var hostStopped = stopped.Elapsed;
        Volatile.Write(ref running, false);
        await Task.WhenAll(workers);
        var closed = await Task.WhenAll(closes);

        var goingAway = closed.Count(c => c.Status == WebSocketCloseStatus.EndpointUnavailable);
        var lastClose = closed.Length == 0 ? TimeSpan.Zero : closed.Max(c => c.At) - stopBegan;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"drain: {sockets} sockets, {concurrency} clients changing {agents} agents' states ({before / 3.0:F0} req/s before the stop)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  sockets closed with 1001: {goingAway} of {sockets}, the last {lastClose.TotalMilliseconds:F0} ms after the stop began"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  host stopped (API drained, embedded silo stopped) {hostStopped.TotalMilliseconds:F0} ms after the stop began"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  requests after the stop began: {answeredAfterStop} answered ({errorStatuses} of all requests with 5xx), {cut} cut without an answer, {refused} refused (connection refused)"));
        await server.DisposeAsync();
    }

    private static async Task<(WebSocketCloseStatus? Status, TimeSpan At)> ReadUntilClosedAsync(ClientWebSocket socket, Stopwatch clock)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer, CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return (result.CloseStatus, clock.Elapsed);
                }
            }
        }
        catch (WebSocketException)
        {
            return (null, clock.Elapsed); // cut without a close frame
        }
        finally
        {
            socket.Dispose();
        }
    }
}
