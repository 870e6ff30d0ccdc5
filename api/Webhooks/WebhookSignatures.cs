using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Switchboard.Api.Webhooks;

/// <summary>
/// The Standard Webhooks signature header: <c>v1,</c> and the base64 HMAC-SHA256 of <c>{id}.{timestamp}.{body}</c>, keyed
/// with the secret's bytes (the base64 after <c>whsec_</c>), one per secret, space-separated, so a receiver holding any
/// of them (during a rotation) verifies it. Proven against the StandardWebhooks package's verifier in the tests.
/// </summary>
public static class WebhookSignatures
{
    private const string SecretPrefix = "whsec_";

    public static string Sign(IReadOnlyList<string> secrets, string id, DateTimeOffset timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        var prefix = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{id}.{timestamp.ToUnixTimeSeconds()}."));
        var content = new byte[prefix.Length + body.Length];
        prefix.CopyTo(content, 0);
        body.CopyTo(content.AsSpan(prefix.Length));
        var signatures = secrets.Select(secret => "v1," + Convert.ToBase64String(HMACSHA256.HashData(Key(secret), content))).ToList();

        // The C# verifiers derived from Svix's (the StandardWebhooks package among them) never look at the last signature
        // of several: the first one again at the end keeps every real one where such a receiver checks it, during a rotation.
        return string.Join(' ', signatures.Count > 1 ? [.. signatures, signatures[0]] : signatures);
    }

    private static byte[] Key(string secret) =>
        Convert.FromBase64String(secret.StartsWith(SecretPrefix, StringComparison.Ordinal) ? secret[SecretPrefix.Length..] : secret);
}
