using Microsoft.Extensions.DependencyInjection.Extensions;
using Switchboard.Api.Auth;

namespace Switchboard.Api.Live;

/// <summary><c>GET /v1/stream</c>: the live WebSocket (protocol in <c>/asyncapi.json</c>).</summary>
public static class LiveApi
{
    public const string Path = "/v1/stream";

    /// <summary>The query parameter a browser, which cannot set headers on a WebSocket, passes its key in.</summary>
    public const string AccessTokenParameter = "access_token";

    /// <summary>The live socket's sessions, feeds from the cluster's streams, and topic rules.</summary>
    public static IServiceCollection AddLiveStream(this IServiceCollection services)
    {
        // Real time, not the business clock: how long a duplicate delivery can follow an event is the queue's business.
        services.TryAddSingleton(TimeProvider.System);
        return services
            .AddSingleton<LiveEventMapping>()
            .AddSingleton<LiveFeeds>()
            .AddSingleton<LiveTopics>()
            .AddSingleton<LiveHub>()
            .AddSingleton<LiveSocketHandler>()
            .AddHostedService<LiveShutdown>()
            .AddSingleton<LivePushReceiver>()
            .AddHostedService(services => services.GetRequiredService<LivePushReceiver>());
    }

    public static RouteGroupBuilder MapLiveApi(this RouteGroupBuilder v1)
    {
        v1.MapGet("/stream", Open)
            .RequireAuthorization(Policies.AnyTenantKey)
            .WithName("OpenLiveStream")
            .WithSummary("Open the live WebSocket")
            .WithDescription("Upgrade to a WebSocket (key in 'Authorization: Bearer' or '?access_token='); then subscribe to topics and receive a snapshot of each followed by sequenced events. The message protocol is described in /asyncapi.json.")
            .WithTags("Live")
            .Produces(StatusCodes.Status101SwitchingProtocols)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status426UpgradeRequired)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return v1;
    }

    /// <summary>
    /// While the host stops, a socket asked for in a request already under way is refused (503, Retry-After 1) rather than
    /// taken and closed at once: the client tries again and reaches another host. True when refused.
    /// </summary>
    internal static async Task<bool> RefusedWhileStopping(HttpContext http, LiveHub hub)
    {
        if (!hub.IsGoingAway)
        {
            return false;
        }

        http.Response.Headers.RetryAfter = "1";
        await ProblemWriter.WriteAsync(http, StatusCodes.Status503ServiceUnavailable, "This API host is shutting down: connect again (another host takes the socket).");
        return true;
    }

    private static async Task Open(HttpContext http, LiveHub hub, LiveSocketHandler handler, ApiKeyAuthenticator authenticator)
    {
        if (!http.WebSockets.IsWebSocketRequest)
        {
            http.Response.Headers.Upgrade = "websocket";
            await ProblemWriter.WriteAsync(http, StatusCodes.Status426UpgradeRequired, "This endpoint is a WebSocket: send an upgrade request.");
            return;
        }

        if (await RefusedWhileStopping(http, hub))
        {
            return;
        }

        if (await hub.TryOpen(Caller.Of(http)) is not { } session)
        {
            await ProblemWriter.WriteAsync(http, StatusCodes.Status429TooManyRequests,
                $"This API key already has {hub.Options.MaxSessionsPerKey} live sockets open on this host (Live:MaxSessionsPerKey); close one first.");
            return;
        }

        var key = ApiKeyAuthenticationHandler.PresentedKey(http.Request) ?? "";
        var credential = new LiveCredential(
            async cancellationToken => await authenticator.AuthenticateAsync(key, cancellationToken) is not null, LiveCloseCodes.KeyRevoked, "the API key was revoked");
        await handler.AcceptAndRun(http, session, credential);
    }
}
