using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Switchboard.Api.PublicChat;

/// <summary>
/// Customer tokens: <c>ct.{interactionId}.{secret}</c> for a web chat (<c>cb.{sessionId}.{secret}</c> for a co-browse
/// session), the secret 32 random bytes. Only a hash is stored (with the session), so a token opens its one chat or
/// session, on any API host, and nothing else: API key authentication never reads it.
/// </summary>
public static class CustomerTokens
{
    private const string Prefix = "ct.";

    /// <summary>The prefix of a co-browse session's customer token.</summary>
    public const string CobrowsePrefix = "cb.";
    private const int SecretBytes = 32;
    private const int MaxLength = 200;

    public static (string Token, byte[] Hash) Issue(string interactionId, string prefix = Prefix)
    {
        var token = prefix + interactionId + "." + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes));
        return (token, Hash(token));
    }

    /// <summary>Reads a token's chat (or session) and hash; false for anything that is not a customer token's shape.</summary>
    public static bool TryRead(string? token, out string interactionId, out byte[] hash, string prefix = Prefix)
    {
        interactionId = "";
        hash = [];
        if (token is null || token.Length > MaxLength || !token.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = token.AsSpan(prefix.Length);
        var dot = rest.IndexOf('.');
        if (dot <= 0 || dot == rest.Length - 1)
        {
            return false;
        }

        interactionId = rest[..dot].ToString();
        hash = Hash(token);
        return true;
    }

    /// <summary>The token of <c>Authorization: Bearer …</c>, or null.</summary>
    public static string? FromHeader(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string bearer = "Bearer ";
        return header.StartsWith(bearer, StringComparison.OrdinalIgnoreCase) ? header[bearer.Length..].Trim() : null;
    }

    /// <summary>Whether <paramref name="hash"/> is the stored one (compared in constant time).</summary>
    public static bool Matches(byte[] stored, byte[] hash) => CryptographicOperations.FixedTimeEquals(stored, hash);

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
