using Microsoft.Extensions.Options;
using Switchboard.Api.Demo;
using Switchboard.Api.Hosting;
using Switchboard.Api.Live;
using Switchboard.Api.Middleware;
using Switchboard.Api.OpenApi;
using Switchboard.Api.PublicChat;
using Switchboard.Api.WebConsole;

var builder = WebApplication.CreateBuilder(DemoMode.Arguments(args));
builder.AddSwitchboardApi();

var app = builder.Build();

app.UseClientAddress();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseMiddleware<RequestBodyLimitMiddleware>();

// The document, its UI and the socket upgrade each sit on a branch of their own paths, so other requests do not pass through them.
// The web console's static files (no key needed to load them; every call they make carries the signed-in key).
app.UseWebConsole();
app.UseWhen(http => http.Request.Path.StartsWithSegments("/swagger"), swagger => swagger
    .UseSwagger()
    .UseSwaggerUI(o => o.SwaggerEndpoint($"/swagger/{SwaggerSetup.DocumentName}/swagger.json", "Switchboard v1")));
var live = app.Services.GetRequiredService<IOptions<LiveOptions>>().Value;
app.UseWhen(http => http.Request.Path.StartsWithSegments(LiveApi.Path) || http.Request.Path.StartsWithSegments(PublicChatApi.StreamPath), socket => socket.UseWebSockets(new WebSocketOptions
{
    KeepAliveInterval = TimeSpan.FromSeconds(live.KeepAliveSeconds),
    KeepAliveTimeout = TimeSpan.FromSeconds(live.KeepAliveTimeoutSeconds), // a peer that stops answering pings is dropped
}));
// The customer routes' CORS first: a foreign page is refused before it uses up a rate-limit permit, and an allowed
// page can read every answer, a 429 included.
app.UseWhen(http => http.Request.Path.StartsWithSegments(PublicCorsMiddleware.PathPrefix), chat => chat.UseMiddleware<PublicCorsMiddleware>());

// Before authentication: a flood of bad keys is refused before any key is looked up. Always on: the web chat's own
// limits apply even when the per-key limit is off (Api:RateLimitPerSecond 0 makes that one a no-op).
app.UseRateLimiter();

app.UseAuthentication();
app.UseAuthorization();
app.UseMiddleware<IdempotencyMiddleware>();

app.MapSwitchboardApi();
app.LogStartup();

app.Run();

/// <summary>The API host; public so tests can start it with WebApplicationFactory.</summary>
public partial class Program;
