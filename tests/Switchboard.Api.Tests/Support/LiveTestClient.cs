using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace Switchboard.Api.Tests.Support;

/// <summary>A test's WebSocket on <c>/v1/stream</c> (TestServer or real Kestrel), reading one JSON message at a time.</summary>
public sealed class LiveTestClient(WebSocket socket) : IAsyncDisposable
{
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(15);

    public WebSocket Socket { get; } = socket;

    /// <summary>The <c>welcome</c> message (session id, heartbeat...).</summary>
    public JsonNode Welcome { get; private set; } = null!;

    public string Session => Welcome["session"]!.GetValue<string>();

    /// <summary>Every message received so far, in order.</summary>
    public List<JsonNode> Received { get; } = [];

    /// <summary>Connects through the factory's TestServer with the key as Bearer header, or as <c>access_token</c>.</summary>
    public static async Task<LiveTestClient> ConnectAsync(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> factory, string key, bool keyInQuery = false)
    {
        var client = factory.Server.CreateWebSocketClient();
        if (!keyInQuery)
        {
            client.ConfigureRequest = request => request.Headers.Authorization = "Bearer " + key;
        }

        var uri = new UriBuilder(factory.Server.BaseAddress) { Scheme = "ws", Path = "/v1/stream", Query = keyInQuery ? "access_token=" + Uri.EscapeDataString(key) : "" }.Uri;
        var socket = await client.ConnectAsync(uri, TestContext.Current.CancellationToken);
        return await StartAsync(socket);
    }

    /// <summary>Connects over a real socket (Kestrel) to <paramref name="baseUri"/>, the key as Bearer header or as <c>access_token</c>.</summary>
    public static async Task<LiveTestClient> ConnectAsync(Uri baseUri, string key, bool keyInQuery = false)
    {
        var socket = new ClientWebSocket();
        if (!keyInQuery)
        {
            socket.Options.SetRequestHeader("Authorization", "Bearer " + key);
        }

        await socket.ConnectAsync(StreamUri(baseUri, keyInQuery ? key : null), TestContext.Current.CancellationToken);
        return await StartAsync(socket);
    }

    /// <summary>
    /// Connects a web chat's customer through the factory's TestServer to <c>/v1/public/chat/stream</c>, the token in
    /// <c>?token=</c> (or as Bearer header), with a browser <paramref name="origin"/> if given.
    /// </summary>
    public static async Task<LiveTestClient> ConnectCustomerAsync(
        Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> factory, string token, bool tokenInQuery = true, string? origin = null)
    {
        var client = factory.Server.CreateWebSocketClient();
        client.ConfigureRequest = request =>
        {
            if (!tokenInQuery)
            {
                request.Headers.Authorization = "Bearer " + token;
            }

            if (origin is not null)
            {
                request.Headers.Origin = origin;
            }
        };
        var uri = new UriBuilder(factory.Server.BaseAddress) { Scheme = "ws", Path = CustomerStreamPath, Query = tokenInQuery ? "token=" + Uri.EscapeDataString(token) : "" }.Uri;
        var socket = await client.ConnectAsync(uri, TestContext.Current.CancellationToken);
        return await StartAsync(socket);
    }

    /// <summary>The customer's stream.</summary>
    public const string CustomerStreamPath = "/v1/public/chat/stream";

    /// <summary>The <c>ws://</c> address of the stream on a real server, with <paramref name="accessToken"/> in the query if given.</summary>
    public static Uri StreamUri(Uri baseUri, string? accessToken = null) =>
        new UriBuilder(baseUri) { Scheme = "ws", Path = "/v1/stream", Query = accessToken is null ? "" : "access_token=" + Uri.EscapeDataString(accessToken) }.Uri;

    public Task SendAsync(string json) =>
        Socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, TestContext.Current.CancellationToken);

    public Task SubscribeAsync(params string[] topics) =>
        SendAsync(new JsonObject { ["op"] = "subscribe", ["topics"] = new JsonArray([.. topics.Select(t => (JsonNode)t)]) }.ToJsonString());

    /// <summary>The next message, heartbeats included.</summary>
    public async Task<JsonNode> ReceiveAsync(TimeSpan? wait = null)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(wait ?? DefaultWait);
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        WebSocketReceiveResult result;
        try
        {
            do
            {
                result = await Socket.ReceiveAsync(buffer, timeout.Token);
                message.Write(buffer, 0, result.Count);
            }
            while (!result.EndOfMessage);
        }
        catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"No message within {(wait ?? DefaultWait).TotalSeconds} s; received so far: {string.Join(" | ", Received.Select(m => m.ToJsonString()))}");
        }

        if (result.MessageType == WebSocketMessageType.Close)
        {
            throw new WebSocketClosedException(result.CloseStatus, result.CloseStatusDescription);
        }

        var node = JsonNode.Parse(message.ToArray())!;
        Received.Add(node);
        return node;
    }

    /// <summary>Skips messages until one matches (heartbeats and other topics' messages are skipped).</summary>
    public async Task<JsonNode> NextAsync(Func<JsonNode, bool> match, string what, TimeSpan? wait = null)
    {
        var deadline = DateTime.UtcNow + (wait ?? DefaultWait);
        while (true)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"No {what}; received: {string.Join(" | ", Received.Select(m => m.ToJsonString()))}");
            }

            var message = await ReceiveAsync(left);
            if (match(message))
            {
                return message;
            }
        }
    }

    public Task<JsonNode> NextOfTypeAsync(string type, string? topic = null) =>
        NextAsync(m => m["type"]?.GetValue<string>() == type && (topic is null || m["topic"]?.GetValue<string>() == topic), $"'{type}' on {topic ?? "any topic"}");

    /// <summary>Reads until the server closes the socket; returns its close status.</summary>
    public async Task<(int? Code, string? Reason)> ExpectCloseAsync()
    {
        try
        {
            while (true)
            {
                await ReceiveAsync();
            }
        }
        catch (WebSocketClosedException closed)
        {
            return ((int?)closed.Status, closed.Reason);
        }
    }

    /// <summary>Drops the connection without a close handshake (a network failure as the server sees it).</summary>
    public void Abort() => Socket.Abort();

    public async ValueTask DisposeAsync()
    {
        if (Socket.State == WebSocketState.Open)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await Socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "test done", timeout.Token);
            }
            catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
            {
                // Already gone.
            }
        }

        Socket.Dispose();
    }

    /// <summary>Wraps an open socket and reads its <c>welcome</c>.</summary>
    public static async Task<LiveTestClient> StartAsync(WebSocket socket)
    {
        var client = new LiveTestClient(socket);
        client.Welcome = await client.ReceiveAsync();
        Assert.Equal("welcome", client.Welcome["type"]!.GetValue<string>());
        return client;
    }
}
