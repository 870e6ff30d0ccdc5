using Switchboard.Grains.Telemetry;
using Orleans.Dashboard;
using OpenTelemetry.Trace;
using OpenTelemetry.Metrics;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Switchboard.Api.Agents;
using Switchboard.Api.Alerts;
using Switchboard.Api.Auth;
using Switchboard.Api.Chats;
using Switchboard.Api.Crm;
using Switchboard.Api.Demo;
using Switchboard.Api.Email;
using Switchboard.Api.Interactions;
using Switchboard.Api.Knowledge;
using Switchboard.Api.Live;
using Switchboard.Api.Middleware;
using Switchboard.Api.OpenApi;
using Switchboard.Api.PlatformChanges;
using Switchboard.Api.PublicChat;
using Switchboard.Api.PublicCobrowse;
using Switchboard.Api.Queues;
using Switchboard.Api.Reports;
using Switchboard.Api.Routing;
using Switchboard.Api.StatusView;
using Switchboard.Api.Telephony;
using Switchboard.Api.Tenancy;
using Switchboard.Api.Webhooks;
using Switchboard.Domain.Tenancy;
using Switchboard.Grains;
using Switchboard.Hosting;

namespace Switchboard.Api.Hosting;

/// <summary>The API host's services, middleware and routes, so that <c>Program.cs</c> only composes them.</summary>
public static class SwitchboardApi
{
    /// <summary>Orleans (co-hosted silo or client), keys and roles, JSON, problems, OpenAPI, live sockets, limits.</summary>
    /// <summary>Where Prometheus scrapes this host's metrics (operator keys).</summary>
    public const string MetricsPath = "/metrics";

    /// <summary>
    /// ASP.NET Core's request meter (<c>http.server.request.duration</c>, active requests). Its routing, authentication,
    /// authorization and rate-limiting meters are left out: each measures every request again.
    /// </summary>
    private const string HostingMeterName = "Microsoft.AspNetCore.Hosting";

    /// <summary>Kestrel's meter: connections, TLS handshakes, queued requests.</summary>
    private const string KestrelMeterName = "Microsoft.AspNetCore.Server.Kestrel";

    public static WebApplicationBuilder AddSwitchboardApi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(GenerateDevelopmentKeys(builder));
        var cluster = builder.AddSwitchboardOrleans();
        services.AddSingleton(cluster);

        // Business time for the API's own timers (live heartbeats, resume windows); a co-hosted silo shares it, tests replace it.
        services.TryAddKeyedSingleton(SwitchboardClock.ServiceKey, TimeProvider.System);

        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<LiveOptions>().BindConfiguration(LiveOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PublicChatOptions>().BindConfiguration(PublicChatOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PublicCobrowseOptions>().BindConfiguration(PublicCobrowseOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<WebhookTargets>();
        services.AddSingleton<WebhookPayloads>();
        services.AddHostedService<WebhookSender>();
        services.AddMetrics();
        services.TryAddSingleton<SwitchboardMetrics>();
        var telemetry = services.AddSwitchboardTelemetry(builder.Configuration, "switchboard-api")
            .WithMetrics(metrics => metrics.AddMeter(HostingMeterName, KestrelMeterName).AddPrometheusExporter());
        if (SwitchboardTelemetry.Traces(builder.Configuration))
        {
            telemetry.WithTracing(tracing => tracing.AddAspNetCoreInstrumentation());
        }

        services.AddSingleton<ApiKeyAuthenticator>();
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        Policies.Add(services.AddAuthorizationBuilder());
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResultHandler>();

        services.AddProblemDetails();
        services.AddSingleton<IConfigureOptions<ProblemDetailsOptions>, ProblemDetailDefaults>();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true); // so bad bodies reach ProblemExceptionHandler with their cause
        services.ConfigureHttpJsonOptions(WireJson.Configure);

        services.AddLiveStream();
        services.AddStatusView();
        services.AddSwitchboardSwagger();
        services.AddSwitchboardRateLimiting(OptionsReader.Read<ApiOptions>(builder.Configuration, ApiOptions.Section));
        services.AddRateLimiter(limiter => PublicChatLimits.Add(limiter, OptionsReader.Read<PublicChatOptions>(builder.Configuration, PublicChatOptions.Section)));
        services.AddSingleton<PublicChatLimits>();
        services.AddRateLimiter(limiter => PublicCobrowseApi.AddLimits(limiter, OptionsReader.Read<PublicCobrowseOptions>(builder.Configuration, PublicCobrowseOptions.Section)));
        services.AddHealthChecks().AddCheck<ClusterHealthCheck>("cluster", tags: [HealthApi.ReadyTag]);
        if (builder.Environment.IsDevelopment())
        {
            services.AddHostedService<DevelopmentSeeder>();
        }

        builder.AddDemoMode();
        return builder;
    }

    /// <summary>Every route: health, the AsyncAPI documents, and <c>/v1</c> with one capability per folder.</summary>
    public static WebApplication MapSwitchboardApi(this WebApplication app)
    {
        app.MapHealthApi();
        app.MapProtocolDocuments();

        // For operators: Prometheus scrapes the meters; the Orleans Dashboard shows the cluster (see SwitchboardTelemetry).
        app.MapPrometheusScrapingEndpoint(MetricsPath).RequireAuthorization(Policies.Operator).ExcludeFromDescription();
        if (SwitchboardTelemetry.Dashboard(app.Configuration, app.Environment))
        {
            app.MapOrleansDashboard(ApiKeyAuthenticationHandler.DashboardPath).RequireAuthorization(Policies.Operator).ExcludeFromDescription();
        }

        var v1 = app.MapGroup("/v1").AddEndpointFilterFactory(RequestChecks.Create);
        v1.MapTenancyApi();
        v1.MapAgentsApi();
        v1.MapAgentProfileApi();
        v1.MapAgentRecordingsApi();
        v1.MapQueuesApi();
        v1.MapRoutingApi();
        v1.MapReportsApi();
        v1.MapInteractionsApi();
        v1.MapTelephonyApi();
        v1.MapDirectoryApi();
        v1.MapAlertsApi();
        v1.MapFaqsApi();
        v1.MapCustomersApi();
        v1.MapCasesApi();
        v1.MapTasksApi();
        v1.MapWebhooksApi();
        v1.MapChatEntryPointsApi();
        v1.MapMailboxesApi();
        v1.MapInboundEmailApi();
        v1.MapPublicChatApi();
        v1.MapPublicCobrowseApi();
        v1.MapPlatformChangesApi();
        v1.MapLiveApi();
        return app;
    }

    /// <summary>Says at start-up which mode runs (embedded default or client), with what storage, and where Swagger is.</summary>
    public static void LogStartup(this WebApplication app)
    {
        var cluster = app.Services.GetRequiredService<SwitchboardClusterOptions>();
        var storage = OptionsReader.Read<StorageOptions>(app.Configuration, StorageOptions.Section);
        var (mode, description) = cluster.Mode == HostingMode.Client
            ? ("client", storage.Provider == StorageProvider.AzureTables
                ? "API host connected to separate silos found in the membership table"
                : $"API host connected to separate silos (gateway ports {string.Join(",", cluster.GatewayPorts ?? [cluster.GatewayPort])})")
            : ("embedded default", $"API and silo in one process on 127.0.0.1 (silo port {cluster.SiloPort}, gateway port {cluster.GatewayPort})");
        StartupLog.Starting(app.Logger, mode, description,
            storage.Provider == StorageProvider.Memory ? "in-memory, lost at exit" : $"Azure Tables, table {storage.GrainStateTable} (durable)");
        app.Lifetime.ApplicationStarted.Register(() =>
            StartupLog.Listening(app.Logger, string.Join(", ", app.Urls), $"{app.Urls.FirstOrDefault()}/swagger"));
    }

    /// <summary>In Development the keys must be usable at once: what is not configured is generated here and printed once by the seeder.</summary>
    private static GeneratedSecrets GenerateDevelopmentKeys(WebApplicationBuilder builder)
    {
        var generated = new GeneratedSecrets(null, null);
        if (!builder.Environment.IsDevelopment())
        {
            return generated;
        }

        if (string.IsNullOrEmpty(builder.Configuration["Auth:OperatorKey"]))
        {
            generated = generated with { OperatorKey = ApiKeyFormat.Generate("operator") };
            builder.Configuration["Auth:OperatorKey"] = generated.OperatorKey;
        }

        if (string.IsNullOrEmpty(builder.Configuration["Auth:DevAdminKey"]))
        {
            generated = generated with { DevAdminKey = ApiKeyFormat.Generate(ApiKeyAuthenticator.DevTenantId) };
            builder.Configuration["Auth:DevAdminKey"] = generated.DevAdminKey;
        }

        return generated;
    }
}
