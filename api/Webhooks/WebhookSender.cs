using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;
using Switchboard.Contracts;
using Switchboard.Contracts.Webhooks;
using Switchboard.Domain.Webhooks;
using Switchboard.Grains;

namespace Switchboard.Api.Webhooks;

/// <summary>
/// Sends the deliveries that are due, from this API host: it asks the work index which endpoints have some, leases a
/// few at a time from each endpoint, renders, signs (Standard Webhooks) and POSTs them, and reports each answer back.
/// Endpoints are served side by side, each with a bounded number of requests in flight and a timeout, so a slow or dead
/// endpoint delays only itself. Several API hosts may run this: a lease keeps a delivery to one of them at a time.
/// </summary>
public sealed partial class WebhookSender(
    IClusterClient cluster,
    WebhookPayloads payloads,
    WebhookTargets targets,
    IOptions<WebhookOptions> options,
    [FromKeyedServices(SwitchboardClock.ServiceKey)] TimeProvider business,
    Grains.Telemetry.SwitchboardMetrics metrics,
    ILogger<WebhookSender> logger) : BackgroundService
{
    private readonly WebhookOptions settings = options.Value;
    private readonly ConcurrentDictionary<(string TenantId, string EndpointId), byte> serving = new();
    private readonly HttpClient http = new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        UseProxy = false, // a proxy would connect to the target for us, past the address checks
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        ConnectCallback = (context, cancellationToken) => targets.ConnectAsync(context.DnsEndPoint.Host, context.DnsEndPoint.Port, cancellationToken),
    })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    public override void Dispose()
    {
        http.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var work = cluster.GetGrain<IWebhookWorkGrain>(IWebhookWorkGrain.Key);
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(settings.PollMilliseconds));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var endpoints = await work.Due(business.GetUtcNow(), settings.EndpointsAtOnce, stoppingToken);
                metrics.WebhookBacklog(endpoints.Count);
                foreach (var due in endpoints)
                {
                    var key = (due.TenantId, due.EndpointId);
                    if (serving.Count < settings.EndpointsAtOnce && serving.TryAdd(key, 0))
                    {
                        _ = Task.Run(() => Serve(key, stoppingToken), CancellationToken.None);
                    }
                }
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                PollFailed(logger, exception);
            }
        }
    }

    /// <summary>Sends what the endpoint has due, a few at a time, until nothing is due.</summary>
    private async Task Serve((string TenantId, string EndpointId) key, CancellationToken stoppingToken)
    {
        try
        {
            var endpoint = cluster.GetGrain<IWebhookEndpointGrain>(GrainKeys.WebhookEndpoint(key.TenantId, key.EndpointId));
            var leaseFor = TimeSpan.FromSeconds(settings.TimeoutSeconds + 5);
            while (!stoppingToken.IsCancellationRequested)
            {
                var sends = await endpoint.Lease(settings.ConcurrencyPerEndpoint, leaseFor, stoppingToken);
                if (sends.Count == 0)
                {
                    break;
                }

                await Task.WhenAll(sends.Select(async send => await endpoint.Complete(send.Sequence, await Send(send, stoppingToken), stoppingToken)));
            }
        }
        catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
        {
            ServeFailed(logger, exception, key.TenantId, key.EndpointId);
        }
        finally
        {
            serving.TryRemove(key, out _);
        }
    }

    /// <summary>One POST: its status, time taken, and the start of the answer, or what went wrong.</summary>
    private async Task<WebhookAttempt> Send(WebhookSend send, CancellationToken stoppingToken)
    {
        var at = business.GetUtcNow();
        byte[] body;
        try
        {
            body = payloads.Render(send.Event);
        }
        catch (Exception exception)
        {
            // Counted as a failed attempt, so the delivery is given up in time rather than leased again forever.
            return new WebhookAttempt(at, null, 0, Truncate("the event could not be rendered: " + exception.Message), null);
        }

        var timestamp = DateTimeOffset.UtcNow; // the receiver checks it against its own clock
        using var request = new HttpRequestMessage(HttpMethod.Post, send.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.TryAddWithoutValidation("webhook-id", send.Event.Id);
        request.Headers.TryAddWithoutValidation("webhook-timestamp", timestamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        request.Headers.TryAddWithoutValidation("webhook-signature", WebhookSignatures.Sign(send.Secrets, send.Event.Id, timestamp, body));
        request.Headers.UserAgent.ParseAdd("Switchboard-Webhooks/1");

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSeconds));
        var clock = Stopwatch.StartNew();
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var answer = await ReadStart(response, timeout.Token);
            return new WebhookAttempt(at, (int)response.StatusCode, Elapsed(clock), null, answer);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            return new WebhookAttempt(at, null, Elapsed(clock), $"no answer within {settings.TimeoutSeconds} s", null);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // No answer, or one cut short (a broken body is an IOException, not an HttpRequestException): a failed attempt.
            return new WebhookAttempt(at, null, Elapsed(clock), Truncate(exception.Message), null);
        }
    }

    /// <summary>The answer's first characters (a receiver's error message), as text.</summary>
    private static async Task<string?> ReadStart(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var buffer = new byte[WebhookRules.MaxResponseBodyLength * 4];
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var read = 0;
        int got;
        while (read < buffer.Length && (got = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken)) > 0)
        {
            read += got;
        }

        return read == 0 ? null : Truncate(Encoding.UTF8.GetString(buffer, 0, read));
    }

    private static string Truncate(string text) => text.Length <= WebhookRules.MaxResponseBodyLength ? text : text[..WebhookRules.MaxResponseBodyLength];

    private static int Elapsed(Stopwatch clock) => (int)Math.Min(int.MaxValue, clock.ElapsedMilliseconds);

    [LoggerMessage(10400, LogLevel.Warning, "Looking for webhook deliveries due failed; trying again at the next poll")]
    private static partial void PollFailed(ILogger logger, Exception exception);

    [LoggerMessage(10401, LogLevel.Warning, "Sending the deliveries of webhook endpoint {TenantId}/{EndpointId} stopped; what is due is sent at a later poll")]
    private static partial void ServeFailed(ILogger logger, Exception exception, string tenantId, string endpointId);
}
