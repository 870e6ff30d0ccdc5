using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Switchboard.TestSupport;

/// <summary>A webhook as the receiver got it: the headers Standard Webhooks defines, the raw body, and all headers.</summary>
public sealed record ReceivedWebhook(string Path, string Id, string Timestamp, string Signature, string Body, IHeaderDictionary Headers)
{
    public JsonNode Json => JsonNode.Parse(Body)!;

    public string Type => Json["type"]!.GetValue<string>();

    /// <summary>Whether the StandardWebhooks package's verifier accepts it with <paramref name="secret"/>.</summary>
    public bool VerifiesWith(string secret)
    {
        try
        {
            new StandardWebhooks.StandardWebhook(secret).Verify(Body, Headers);
            return true;
        }
        catch (StandardWebhooks.Diagnostics.WebhookVerificationException)
        {
            return false;
        }
    }
}

/// <summary>
/// A real HTTP receiver on 127.0.0.1 (Kestrel, its own port): records every POST and answers each path with the statuses
/// a test scripts, in order (200 once the script is used up).
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly Channel<ReceivedWebhook> received = Channel.CreateUnbounded<ReceivedWebhook>();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<int>> scripts = new(StringComparer.Ordinal);

    private WebhookReceiver(WebApplication app) => this.app = app;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Every webhook received so far, in arrival order.</summary>
    public ConcurrentQueue<ReceivedWebhook> All { get; } = new();

    public static async Task<WebhookReceiver> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var receiver = new WebhookReceiver(builder.Build());
        receiver.app.MapPost("/{**path}", (Delegate)receiver.Receive);
        await receiver.app.StartAsync(cancellationToken);
        var address = receiver.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        receiver.BaseAddress = new Uri(address);
        return receiver;
    }

    /// <summary>The URL of <paramref name="path"/> on this receiver.</summary>
    public string Url(string path) => new Uri(BaseAddress, path).ToString();

    /// <summary>The next answers to POSTs to <paramref name="path"/> (e.g. 503, 503: two failures, then 200s).</summary>
    public void Answer(string path, params int[] statuses)
    {
        var queue = scripts.GetOrAdd("/" + path.TrimStart('/'), _ => new ConcurrentQueue<int>());
        foreach (var status in statuses)
        {
            queue.Enqueue(status);
        }
    }

    /// <summary>Drops the answers scripted for <paramref name="path"/> that were not used: it answers 200 from now on.</summary>
    public void ClearAnswers(string path) => scripts.TryRemove("/" + path.TrimStart('/'), out _);

    /// <summary>The next webhook received that matches, waiting at most <paramref name="wait"/> (10 s when not given) for it.</summary>
    public async Task<ReceivedWebhook> NextAsync(Func<ReceivedWebhook, bool> match, string what, CancellationToken cancellationToken, TimeSpan? wait = null)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(wait ?? TimeSpan.FromSeconds(10));
        try
        {
            while (true)
            {
                var next = await received.Reader.ReadAsync(timeout.Token);
                if (match(next))
                {
                    return next;
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"No webhook {what} in time; received: {string.Join(", ", All.Select(w => w.Type))}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync(CancellationToken.None);
        await app.DisposeAsync();
    }

    private async Task<IResult> Receive(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var headers = new HeaderDictionary(context.Request.Headers.ToDictionary(h => h.Key, h => h.Value, StringComparer.OrdinalIgnoreCase));
        var webhook = new ReceivedWebhook(
            context.Request.Path, headers["webhook-id"].ToString(), headers["webhook-timestamp"].ToString(), headers["webhook-signature"].ToString(), body, headers);
        All.Enqueue(webhook);
        await received.Writer.WriteAsync(webhook);
        var status = scripts.TryGetValue(context.Request.Path, out var script) && script.TryDequeue(out var next) ? next : 200;
        return Results.Text($"answered {status}", statusCode: status);
    }
}
