using Switchboard.Domain.Tenancy;

namespace Switchboard.Domain.Chats;

/// <summary>
/// A web chat entry point: where a website's chat widget opens sessions. Its allowed origins are exact web origins
/// (scheme, host and port, as browsers send them in <c>Origin</c>), so CORS is answered for those sites only.
/// </summary>
public static class ChatEntryPointRules
{
    public const int MaxEntryPoints = 100;
    public const int MaxOrigins = 20;
    public const int MaxWelcomeLength = 1_000;

    /// <summary>An origin as a browser sends it: http(s)://host[:port], nothing after, no user info; lower case.</summary>
    public static bool IsValidOrigin(string? origin)
    {
        if (origin is null || origin.Length > 253 + 14 || !Uri.TryCreate(origin, UriKind.Absolute, out var uri))
        {
            return false;
        }

        return uri.Scheme is "https" or "http"
            && string.IsNullOrEmpty(uri.UserInfo)
            && uri.AbsolutePath == "/"
            && string.IsNullOrEmpty(uri.Query)
            && string.IsNullOrEmpty(uri.Fragment)
            && string.Equals(origin, uri.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal)
            && string.Equals(origin, origin.ToLowerInvariant(), StringComparison.Ordinal);
    }

    /// <summary>Whether a request's <c>Origin</c> header is one of <paramref name="allowed"/> (origins compare exactly, as browsers send them).</summary>
    public static bool Allows(IReadOnlyList<string> allowed, string origin)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        return allowed.Contains(origin, StringComparer.Ordinal);
    }

    public static bool IsValidWelcome(string? welcome) => Identifiers.IsValidMessage(welcome, MaxWelcomeLength);
}
