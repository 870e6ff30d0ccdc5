using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Diagnostics;
using Switchboard.Api.Tests.Support;

namespace Switchboard.Api.Tests;

/// <summary>
/// What operators see: Prometheus metrics (Switchboard's own instruments beside ASP.NET Core's, Kestrel's and Orleans')
/// for operator keys only, traces that follow a request into the grains it calls, and the Orleans Dashboard behind
/// operator authentication (HTTP Basic for a browser), off in production unless configured.
/// </summary>
public sealed class OperatorTelemetryTests(SwitchboardApiFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_log_written_in_a_grain_for_a_traced_request_carries_the_requests_trace_id()
    {
        var logs = new ScopeCapture();
        await using var api = KestrelApi.Start(null, web => web.ConfigureLogging(logging => logging.AddProvider(logs)), ("Telemetry:Tracing", "true"));
        var (_, adminKey, _) = await api.CreateTenantAsync();
        using var admin = api.ClientWith(adminKey);
        var traceId = ActivityTraceId.CreateRandom();

        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/agents") { Content = new StringContent("""{"id":"a1","displayName":"Ada"}""", Encoding.UTF8, "application/json") };
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
        using var created = await admin.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var log = Assert.Single(logs.Entries, e => e.Category.EndsWith(".AgentGrain", StringComparison.Ordinal) && e.EventId == 1001); // "Agent … created"
        Assert.Equal(traceId.ToString(), log.Scope.GetValueOrDefault("TraceId"));
        Assert.False(string.IsNullOrEmpty(log.Scope.GetValueOrDefault("SpanId")));
    }

    /// <summary>Log entries with the values of the scopes they were written in.</summary>
    private sealed class ScopeCapture : ILoggerProvider, ISupportExternalScope
    {
        private IExternalScopeProvider scopes = new LoggerExternalScopeProvider();

        public ConcurrentBag<(string Category, int EventId, Dictionary<string, string?> Scope)> Entries { get; } = [];

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => scopes = scopeProvider;

        public void Dispose()
        {
        }

        private sealed class Logger(ScopeCapture capture, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => capture.scopes.Push(state);

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var scope = new Dictionary<string, string?>(StringComparer.Ordinal);
                capture.scopes.ForEachScope(
                    (item, values) =>
                    {
                        if (item is IEnumerable<KeyValuePair<string, object?>> pairs)
                        {
                            foreach (var (key, value) in pairs)
                            {
                                values[key] = value?.ToString();
                            }
                        }
                    },
                    scope);
                capture.Entries.Add((category, eventId.Id, scope));
            }
        }
    }

    [Fact]
    public async Task Operators_scrape_switchboard_aspnetcore_kestrel_and_orleans_metrics_and_a_trace_follows_a_request_into_the_grains()
    {
        await using var api = KestrelApi.Start(null, null, ("Telemetry:Tracing", "true"), ("Telemetry:OrleansMetrics", "true"));
        var (_, adminKey, _) = await api.CreateTenantAsync();
        using var admin = api.ClientWith(adminKey);
        using (var queue = await admin.SendJsonAsync(HttpMethod.Post, "/v1/queues", """{"id":"support","name":"Support"}"""))
        using (var agent = await admin.SendJsonAsync(HttpMethod.Post, "/v1/agents", """{"id":"a1","displayName":"Ada"}"""))
        {
            Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (queue.StatusCode, agent.StatusCode));
        }

        using (var member = await admin.SendJsonAsync(HttpMethod.Put, "/v1/queues/support/members/a1", """{"skillLevel":5}"""))
        using (var available = await admin.SendJsonAsync(HttpMethod.Put, "/v1/agents/a1/state", """{"state":"Available"}"""))
        {
            Assert.True(member.IsSuccessStatusCode && available.IsSuccessStatusCode);
        }

        var id = (await admin.CreateInteractionAsync(InteractionTestExtensions.Inbound("support"))).Text("id");
        await admin.WaitForOfferAsync(id, "a1");

        // A request carrying a trace context: its server span and the grain calls it makes share the trace.
        var traceId = ActivityTraceId.CreateRandom();
        var seen = new ConcurrentBag<Activity>();
        using (var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "Microsoft.AspNetCore" or ActivitySources.ApplicationGrainActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> options) =>
                options.Parent.TraceId == traceId ? ActivitySamplingResult.AllDataAndRecorded : ActivitySamplingResult.None,
            ActivityStopped = seen.Add,
        })
        {
            ActivitySource.AddActivityListener(listener);
            using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/agents/a1");
            request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
            using var read = await admin.SendAsync(request, Ct);
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        }

        // (The listener also hears activities the host's own tracer sampled, such as background polls: only this trace counts.)
        var traced = seen.Where(a => a.TraceId == traceId).ToList();
        var server = Assert.Single(traced, a => a.Source.Name == "Microsoft.AspNetCore");
        var grainCall = Assert.Single(traced, a => a.Source.Name == ActivitySources.ApplicationGrainActivitySourceName && a.Kind == ActivityKind.Client
            && a.OperationName.Contains("IAgentGrain", StringComparison.Ordinal));
        Assert.Equal(server.SpanId, grainCall.ParentSpanId);

        // A console's live socket: counted while open, and the messages written to it.
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri($"ws://{api.BaseAddress.Authority}/v1/stream?access_token={adminKey}"), Ct);
        var welcome = new byte[4096];
        Assert.Equal(WebSocketMessageType.Text, (await socket.ReceiveAsync(welcome, Ct)).MessageType);

        // Only operators scrape; Prometheus text with every family named.
        using var scraper = new HttpClient { BaseAddress = api.BaseAddress };
        Assert.Equal(HttpStatusCode.Unauthorized, (await scraper.GetAsync("/metrics", Ct)).StatusCode);
        scraper.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", adminKey);
        Assert.Equal(HttpStatusCode.Forbidden, (await scraper.GetAsync("/metrics", Ct)).StatusCode);
        scraper.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", SwitchboardApiFactory.OperatorKey);
        string[] families =
        [
            "switchboard_interactions_routed_total{", "switchboard_routing_offer_wait_seconds_bucket{", "switchboard_live_sockets{", "switchboard_live_messages_sent_total{",
            "switchboard_webhooks_backlog", "http_server_request_duration_seconds_bucket{", "kestrel_active_connections", "orleans_",
        ];
        var text = "";
        for (var i = 0; i < 100 && !families.All(text.Contains); i++)
        {
            if (i > 0)
            {
                await Task.Delay(50, Ct); // the exporter answers a scrape from a copy it keeps for a moment
            }

            using var scraped = await scraper.GetAsync("/metrics", Ct);
            Assert.Equal(HttpStatusCode.OK, scraped.StatusCode);
            Assert.Equal("text/plain", scraped.Content.Headers.ContentType!.MediaType);
            text = await scraped.Content.ReadAsStringAsync(Ct);
        }

        Assert.All(families, family => Assert.Contains(family, text, StringComparison.Ordinal));
        // Tagged by medium. (Other hosts in this test process have meters of the same name, which a listener also hears.)
        Assert.Contains(text.Split('\n'), l => l.StartsWith("switchboard_interactions_routed_total{", StringComparison.Ordinal) && l.Contains("media=\"voice\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_orleans_dashboard_is_for_operators_and_a_browser_is_asked_for_the_key()
    {
        var tenant = await factory.CreateTenantAsync();
        using var browser = factory.CreateClient(new() { AllowAutoRedirect = false });

        using (var anonymous = await browser.GetAsync("/dashboard", Ct))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
            Assert.Equal("Basic", anonymous.Headers.WwwAuthenticate.Single().Scheme);
        }

        browser.DefaultRequestHeaders.Authorization = Basic("admin", tenant.AdminKey);
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync("/dashboard", Ct)).StatusCode);
        browser.DefaultRequestHeaders.Authorization = Basic("operator", "not-a-key");
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/dashboard", Ct)).StatusCode);

        browser.DefaultRequestHeaders.Authorization = Basic("operator", SwitchboardApiFactory.OperatorKey);
        using (var page = await browser.GetAsync("/dashboard/", Ct))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        }

        // Basic credentials open the dashboard only: elsewhere a key is a Bearer token.
        using var elsewhere = await browser.GetAsync("/v1/agents", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, elsewhere.StatusCode);
    }

    [Fact]
    public async Task Outside_development_the_dashboard_is_off_unless_configured()
    {
        await using var production = IsolatedApi.Create("Production", ("Auth:OperatorKey", SwitchboardApiFactory.OperatorKey));
        using var client = production.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", SwitchboardApiFactory.OperatorKey);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/dashboard/", Ct)).StatusCode);

        await using var configured = IsolatedApi.Create("Production", ("Auth:OperatorKey", SwitchboardApiFactory.OperatorKey), ("Dashboard:Enabled", "true"));
        using var operatorClient = configured.CreateClient();
        operatorClient.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", SwitchboardApiFactory.OperatorKey);
        Assert.Equal(HttpStatusCode.OK, (await operatorClient.GetAsync("/dashboard/", Ct)).StatusCode);
    }

    private static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
}
