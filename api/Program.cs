using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Switchboard.Api;
using Switchboard.Api.Auth;
using Switchboard.Api.Directory;
using Switchboard.Api.Endpoints;
using Switchboard.Api.Hosting;
using Switchboard.Api.Json;
using Switchboard.Api.Live;
using Switchboard.Api.OpenApi;
using Switchboard.Api.Problems;
using Switchboard.Contracts.Preferences;
using Switchboard.Domain.Agents;
using Switchboard.Domain.Interactions;
using Switchboard.Domain.PlatformChanges;
using Switchboard.Domain.Queues;
using Switchboard.Domain.Tenancy;
using Switchboard.Grains;
using Switchboard.Hosting;

var builder = WebApplication.CreateBuilder(args);

// Development needs keys to be usable at once: generate what is not configured, print it once (DevelopmentSeeder).
var generated = new GeneratedSecrets(null, null);
if (builder.Environment.IsDevelopment())
{
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
}

var cluster = builder.AddSwitchboardOrleans();

// Business time for the API's own timers (live heartbeats, resume windows); a co-hosted silo shares it, tests replace it.
builder.Services.TryAddKeyedSingleton(SwitchboardClock.ServiceKey, TimeProvider.System);
var storage = OptionsReader.Read<StorageOptions>(builder.Configuration, StorageOptions.Section);
var api = OptionsReader.Read<ApiOptions>(builder.Configuration, ApiOptions.Section);

builder.Services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.Section).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddSingleton(generated);
builder.Services.AddSingleton<ApiKeyAuthenticator>();
builder.Services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
    .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
builder.Services.AddAuthorizationBuilder()
    .AddPolicy(Policies.Operator, p => p.RequireRole(Roles.Operator))
    .AddPolicy(Policies.AnyTenantKey, p => p.RequireRole(Roles.Admin, Roles.Supervisor, Roles.Agent, Roles.Integration))
    .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin))
    .AddPolicy(Policies.Supervisor, p => p.RequireRole(Roles.Admin, Roles.Supervisor))
    .AddPolicy(Policies.TenantReader, p => p.RequireRole(Roles.Admin, Roles.Supervisor, Roles.Integration))
    .AddPolicy(Policies.Telephony, p => p.RequireRole(Roles.Admin, Roles.Integration));

builder.Services.AddProblemDetails();
builder.Services.AddSingleton<IConfigureOptions<ProblemDetailsOptions>, ProblemDetailDefaults>();
builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true); // so bad bodies reach ProblemExceptionHandler with their cause
builder.Services.ConfigureHttpJsonOptions(o =>
{
    // Before the general enum converter, which it overrides for these types: queue enums are kebab-case on the wire,
    // and agent states (names as before) are read strictly, without numbers or flag lists.
    o.SerializerOptions.Converters.Add(new WireEnumConverter<MediaType>(JsonNamingPolicy.KebabCaseLower));
    o.SerializerOptions.Converters.Add(new WireEnumConverter<RoutingStrategy>(JsonNamingPolicy.KebabCaseLower));
    o.SerializerOptions.Converters.Add(new WireEnumConverter<AgentState>());
    o.SerializerOptions.Converters.Add(new WireEnumConverter<PresenceIcon>(JsonNamingPolicy.KebabCaseLower));
    o.SerializerOptions.Converters.Add(new WireEnumConverter<DirectoryKind>(JsonNamingPolicy.KebabCaseLower));

    // Interactions: states PascalCase like agent states; the rest lower-case (kebab) like media.
    o.SerializerOptions.Converters.Add(new WireEnumConverter<InteractionState>());
    o.SerializerOptions.Converters.Add(new WireEnumConverter<InteractionDirection>(JsonNamingPolicy.KebabCaseLower));
    o.SerializerOptions.Converters.Add(new WireEnumConverter<PartyKind>(JsonNamingPolicy.KebabCaseLower));
    o.SerializerOptions.Converters.Add(new WireEnumConverter<LegState>(JsonNamingPolicy.KebabCaseLower));
    o.SerializerOptions.Converters.Add(new WireEnumConverter<OfferPurpose>(JsonNamingPolicy.KebabCaseLower));
    o.SerializerOptions.Converters.Add(new WireEnumConverter<TargetKind>(JsonNamingPolicy.KebabCaseLower));
    o.SerializerOptions.Converters.Add(new WireEnumConverter<LegEventKind>(JsonNamingPolicy.KebabCaseLower));
    o.SerializerOptions.Converters.Add(new WireEnumConverter<ComplianceStatus>(JsonNamingPolicy.KebabCaseLower));
    o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
    o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip;

    // A number sent as a string ("15") is a wrong type, not a number: the web defaults would read it.
    o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
});
builder.Services.AddOptions<LiveOptions>().BindConfiguration(LiveOptions.Section).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddSingleton<LiveEventMapping>();
builder.Services.AddSingleton<LiveFeeds>();
builder.Services.AddSingleton<LiveTopics>();
builder.Services.AddSingleton<LiveHub>();
builder.Services.AddSingleton<LiveSocketHandler>();
builder.Services.AddSingleton<AgentDirectory>();
builder.Services.AddSingleton<QueueDirectory>();
builder.Services.AddSwitchboardSwagger();
builder.Services.AddSwitchboardRateLimiting(api);
builder.Services.AddHealthChecks().AddCheck<ClusterHealthCheck>("cluster", tags: [HealthEndpoints.ReadyTag]);
if (builder.Environment.IsDevelopment())
{
    builder.Services.AddHostedService<DevelopmentSeeder>();
}

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseMiddleware<RequestBodyLimitMiddleware>();
app.UseSwagger();
app.UseSwaggerUI(o => o.SwaggerEndpoint($"/swagger/{SwaggerSetup.DocumentName}/swagger.json", "Switchboard v1"));
var live = app.Services.GetRequiredService<IOptions<LiveOptions>>().Value;
app.UseWebSockets(new WebSocketOptions
{
    KeepAliveInterval = TimeSpan.FromSeconds(live.KeepAliveSeconds),
    KeepAliveTimeout = TimeSpan.FromSeconds(live.KeepAliveTimeoutSeconds), // a peer that stops answering pings is dropped
});
app.UseRateLimiter(); // before authentication: a flood of bad keys is refused before any key is looked up
app.UseAuthentication();
app.UseAuthorization();
app.UseMiddleware<IdempotencyMiddleware>();

app.MapHealthEndpoints();
app.MapTenantEndpoints();
app.MapAgentEndpoints();
app.MapAgentStateEndpoints();
app.MapQueueEndpoints();
app.MapQueueMemberEndpoints();
app.MapQueueStatsEndpoints();
app.MapInteractionEndpoints();
app.MapInteractionListEndpoints();
app.MapInteractionActionEndpoints();
app.MapTelephonyEndpoints();
app.MapStatusCodeEndpoints();
app.MapTransactionCodeEndpoints();
app.MapApiKeyEndpoints();
app.MapLiveEndpoints();
app.MapAsyncApiEndpoints();
app.MapDirectoryEndpoints();
app.MapFavoriteEndpoints();
app.MapRecentEndpoints();
app.MapBroadcastEndpoints();
app.MapAlertEndpoints();
app.MapPlatformChangeEndpoints();

var (mode, description) = cluster.Mode == HostingMode.Client
    ? ("client", storage.Provider == StorageProvider.AzureTables
        ? "API host connected to separate silos found in the membership table"
        : $"API host connected to separate silos (gateway ports {string.Join(",", cluster.GatewayPorts ?? [cluster.GatewayPort])})")
    : ("embedded default", $"API and silo in one process on 127.0.0.1 (silo port {cluster.SiloPort}, gateway port {cluster.GatewayPort})");
StartupLog.Starting(app.Logger, mode, description, storage.Provider == StorageProvider.Memory ? "in-memory, lost at exit" : $"Azure Tables, table {storage.GrainStateTable} (durable)");
app.Lifetime.ApplicationStarted.Register(() =>
    StartupLog.Listening(app.Logger, string.Join(", ", app.Urls), $"{app.Urls.FirstOrDefault()}/swagger"));

app.Run();

/// <summary>The API host; public so tests can start it with WebApplicationFactory.</summary>
public partial class Program;
