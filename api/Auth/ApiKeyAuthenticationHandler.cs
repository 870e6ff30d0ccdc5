using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Switchboard.Api.Live;

namespace Switchboard.Api.Auth;

/// <summary><c>Authorization: Bearer &lt;key&gt;</c>. Challenges and forbids answer with problem details.</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    ApiKeyAuthenticator authenticator) : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "ApiKey";
    private const string BearerPrefix = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        // Routes open to anyone (health, documents, the customer side) never look a key up: a liveness probe must answer
        // even when a stale key comes with it and the cluster that would check it is gone.
        if (Context.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>() is not null)
        {
            return AuthenticateResult.NoResult();
        }

        var header = Request.Headers.Authorization;
        if (header.Count == 0 && !IsLiveStream(Request))
        {
            return AuthenticateResult.NoResult();
        }

        if (header.Count > 1 || (header.Count == 1 && !header.ToString().StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase)
            && !(IsDashboard(Request) && header.ToString().StartsWith(BasicPrefix, StringComparison.OrdinalIgnoreCase))))
        {
            return AuthenticateResult.Fail("The Authorization header must be 'Bearer <key>'.");
        }

        if (PresentedKey(Request) is not { } key)
        {
            return header.Count == 0 && Request.Query.ContainsKey(LiveApi.AccessTokenParameter)
                ? AuthenticateResult.Fail($"Pass one key in '{LiveApi.AccessTokenParameter}'.")
                : AuthenticateResult.NoResult();
        }

        var (isOperator, identity) = await authenticator.IdentifyAsync(key, Context.RequestAborted);
        if (isOperator)
        {
            return Success(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, Roles.Operator)], SchemeName)));
        }

        return identity is null
            ? AuthenticateResult.Fail("The API key is unknown or revoked.")
            : Success(identity.ToPrincipal(SchemeName));
    }

    /// <summary>
    /// The key of a request: the Bearer header, or on the live WebSocket only (browsers cannot set headers there)
    /// a single <c>access_token</c> query parameter, or on the Orleans Dashboard only (a browser page an operator opens)
    /// the password of HTTP Basic authentication, which the browser asks for.
    /// </summary>
    public static string? PresentedKey(HttpRequest request)
    {
        var header = request.Headers.Authorization;
        if (header.Count == 1 && header.ToString() is { } value && value.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return value[BearerPrefix.Length..].Trim();
        }

        if (header.Count == 1 && IsDashboard(request) && header.ToString() is { } basic && basic.StartsWith(BasicPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return BasicPassword(basic[BasicPrefix.Length..].Trim());
        }

        return header.Count == 0 && IsLiveStream(request) && request.Query[LiveApi.AccessTokenParameter] is { Count: 1 } token
            ? token.ToString()
            : null;
    }

    private static bool IsLiveStream(HttpRequest request) => request.Path.Equals(LiveApi.Path, StringComparison.OrdinalIgnoreCase);

    /// <summary>Where the Orleans Dashboard is served (for operators only).</summary>
    public const string DashboardPath = "/dashboard";

    private const string BasicPrefix = "Basic ";

    private static bool IsDashboard(HttpRequest request) => request.Path.StartsWithSegments(DashboardPath, StringComparison.OrdinalIgnoreCase);

    /// <summary>The password of Basic credentials (any user name), or null when they are not well formed.</summary>
    private static string? BasicPassword(string encoded)
    {
        var bytes = new byte[encoded.Length];
        if (!Convert.TryFromBase64String(encoded, bytes, out var length))
        {
            return null;
        }

        var text = System.Text.Encoding.UTF8.GetString(bytes, 0, length);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 || colon == text.Length - 1 ? null : text[(colon + 1)..];
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        // A browser opening the dashboard asks its operator for the key when told Basic.
        Response.Headers.WWWAuthenticate = IsDashboard(Request) ? "Basic realm=\"Switchboard operators\", charset=\"UTF-8\"" : "Bearer";
        var failure = (await HandleAuthenticateOnceSafeAsync()).Failure?.Message;
        await ProblemWriter.WriteAsync(Context, StatusCodes.Status401Unauthorized,
            failure ?? "This endpoint needs an API key: 'Authorization: Bearer <key>'.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ProblemWriter.WriteAsync(Context, StatusCodes.Status403Forbidden, "This API key's role may not use this endpoint.");

    private AuthenticateResult Success(ClaimsPrincipal principal) =>
        AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
}
