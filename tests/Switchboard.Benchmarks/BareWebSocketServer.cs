using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;
using Switchboard.TestSupport;

namespace Switchboard.Benchmarks;

/// <summary>
/// The live baseline: Kestrel on 127.0.0.1 with a WebSocket endpoint that keeps its sockets, and a POST that sends one
/// message of the size of an <c>agent.state_changed</c> to every socket through a per-socket queue and send loop (the
/// least a fair broadcast server does); and a POST that sends a chat message (the JSON body's text) to one named socket
/// (<c>/ws?name=</c>), the baseline of a chat message reaching the other side. No authentication, topics, sequence
/// numbers, buffers, storage or Orleans.
/// </summary>
public sealed class BareWebSocketServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly List<Channel<byte[]>> sockets = [];
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Channel<byte[]>> named = new(StringComparer.Ordinal);
    private readonly Lock gate = new();
    private long version;

    private BareWebSocketServer(WebApplication app, Uri address)
    {
        this.app = app;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<BareWebSocketServer> StartAsync()
    {
        var port = FreePorts.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var server = new BareWebSocketServer(app, new Uri($"http://127.0.0.1:{port}"));
        app.UseWebSockets();
        app.Map("/ws", server.Accept);
        app.MapPost("/broadcast", server.Broadcast);
        app.MapPost("/send/{name}", server.SendOne);
        await app.StartAsync();
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private IResult Broadcast()
    {
        var v = Interlocked.Increment(ref version);
        var now = DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        var state = v % 2 == 0 ? "Offline" : "Available";
        var message = Encoding.UTF8.GetBytes(
            "{\"seq\":" + v + ",\"topic\":\"agent:a0\",\"type\":\"agent.state_changed\",\"at\":\"" + now + "\",\"data\":{\"agentId\":\"a0\","
            + "\"displayName\":\"Agent 0\",\"group\":\"bench\",\"state\":\"" + state + "\",\"reasonCode\":null,\"since\":\"" + now + "\","
            + "\"nextState\":null,\"nextReasonCode\":null,\"version\":" + v + ",\"changedBy\":\"Supervisor\",\"changedById\":\"key_benchmark00\","
            + "\"reason\":null,\"deleted\":false}}");
        Channel<byte[]>[] all;
        lock (gate)
        {
            all = [.. sockets];
        }

        foreach (var socket in all)
        {
            socket.Writer.TryWrite(message);
        }

        return Results.Ok(new { version = v });
    }

    private IResult SendOne(string name, ChatText body)
    {
        if (!named.TryGetValue(name, out var outbox))
        {
            return Results.NotFound();
        }

        var v = Interlocked.Increment(ref version);
        var now = DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        var message = Encoding.UTF8.GetBytes(
            "{\"seq\":" + v + ",\"topic\":\"chat:" + name + "\",\"type\":\"chat.message\",\"at\":\"" + now + "\",\"data\":{\"sequence\":" + v
            + ",\"sender\":\"agent\",\"text\":" + System.Text.Json.JsonSerializer.Serialize(body.Text) + ",\"at\":\"" + now + "\"}}");
        outbox.Writer.TryWrite(message);
        return Results.Created();
    }

    /// <summary>The body of a chat message to one socket.</summary>
    public sealed record ChatText(string Text);

    private async Task Accept(HttpContext http)
    {
        if (!http.WebSockets.IsWebSocketRequest)
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        var outbox = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(2000) { SingleReader = true });
        lock (gate)
        {
            sockets.Add(outbox);
        }

        var name = http.Request.Query["name"].ToString();
        if (name.Length > 0)
        {
            named[name] = outbox;
        }

        await socket.SendAsync("""{"type":"welcome"}"""u8.ToArray(), WebSocketMessageType.Text, true, http.RequestAborted);
        var receiving = Drain(socket, outbox, http.RequestAborted);
        try
        {
            await foreach (var message in outbox.Reader.ReadAllAsync(http.RequestAborted))
            {
                await socket.SendAsync(message, WebSocketMessageType.Text, true, http.RequestAborted);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException)
        {
            // The client left.
        }
        finally
        {
            lock (gate)
            {
                sockets.Remove(outbox);
            }

            if (name.Length > 0)
            {
                named.TryRemove(name, out _);
            }
        }

        await receiving;
    }

    private static async Task Drain(WebSocket socket, Channel<byte[]> outbox, CancellationToken cancellationToken)
    {
        var buffer = new byte[1024];
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer, cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException)
        {
            // The client left.
        }

        outbox.Writer.TryComplete();
    }
}
