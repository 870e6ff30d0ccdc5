using Switchboard.Domain.Chats;

namespace Switchboard.Api.PublicChat;

/// <summary>
/// CORS headers for the customer routes, from an entry point's allowed origins only (see <see cref="PublicCorsMiddleware"/>
/// for requests). Requests without an Origin (not from a browser page) are not cross-origin and pass.
/// </summary>
internal static class PublicCors
{
    private const string Methods = "GET, POST";
    private const string Headers = "Authorization, Content-Type";
    private const string Exposed = "Retry-After, Location";
    private const int MaxAgeSeconds = 600;

    /// <summary>A preflight: 204 with the CORS headers for an allowed origin; 403 without them otherwise.</summary>
    public static IResult Preflight(HttpContext http, IReadOnlyList<string>? allowedOrigins)
    {
        if (Origin(http) is not { } origin || allowedOrigins is null || !ChatEntryPointRules.Allows(allowedOrigins, origin))
        {
            return ApiProblems.Forbidden("This origin may not use this web chat.");
        }

        Allow(http, origin);
        http.Response.Headers.AccessControlAllowMethods = Methods;
        http.Response.Headers.AccessControlAllowHeaders = Headers;
        http.Response.Headers.AccessControlMaxAge = MaxAgeSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.NoContent();
    }

    /// <summary>The request's Origin, when it has exactly one.</summary>
    public static string? Origin(HttpContext http) => http.Request.Headers.Origin is { Count: 1 } values && values[0] is { Length: > 0 } origin ? origin : null;

    /// <summary>Lets the page of <paramref name="origin"/> read the answer, its Retry-After and Location too.</summary>
    public static void Allow(HttpContext http, string origin)
    {
        http.Response.Headers.AccessControlAllowOrigin = origin;
        http.Response.Headers.AccessControlExposeHeaders = Exposed;
        http.Response.Headers.Vary = "Origin";
    }
}
