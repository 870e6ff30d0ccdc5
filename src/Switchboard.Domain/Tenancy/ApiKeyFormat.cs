using System.Security.Cryptography;
using System.Text;

namespace Switchboard.Domain.Tenancy;

/// <summary>
/// API key strings: <c>sb.{tenant}.{secret}</c>. The tenant is readable from the key so a lookup needs no global
/// index; the secret is 32 random bytes, so a plain SHA-256 is enough to store it (no password stretching needed).
/// </summary>
public static class ApiKeyFormat
{
    private const string Prefix = "sb.";

    /// <summary>A new key for <paramref name="tenantId"/>.</summary>
    public static string Generate(string tenantId)
    {
        Span<byte> secret = stackalloc byte[32];
        RandomNumberGenerator.Fill(secret);
        return $"{Prefix}{tenantId}.{Base64Url(secret)}";
    }

    /// <summary>A short random id for a stored key.</summary>
    public static string NewKeyId()
    {
        Span<byte> id = stackalloc byte[9];
        RandomNumberGenerator.Fill(id);
        return "key_" + Base64Url(id);
    }

    /// <summary>Lower-case hex SHA-256 of the whole key string: what is stored and looked up.</summary>
    public static string Hash(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(key), hash);
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>Reads the tenant out of a key of the <c>sb.{tenant}.{secret}</c> form.</summary>
    public static bool TryGetTenant(string key, out string tenantId)
    {
        tenantId = "";
        if (!key.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var end = key.IndexOf('.', Prefix.Length);
        if (end <= Prefix.Length || end == key.Length - 1)
        {
            return false;
        }

        tenantId = key[Prefix.Length..end];
        return Identifiers.IsValidTenantId(tenantId);
    }

    private static string Base64Url(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
