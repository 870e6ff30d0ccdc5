using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Switchboard.Contracts.Auth;
using Switchboard.Domain.Tenancy;

namespace Switchboard.Api.Auth;

/// <summary>
/// Resolves a presented key: the operator key, or a tenant identity (tenant from the key, then the tenant's key store by
/// hash). The key is hashed once per request and every comparison is of hashes, in constant time. Answers are cached
/// briefly, unknown keys too (for less time), so repeated bad keys do not reach the cluster.
/// </summary>
public sealed class ApiKeyAuthenticator(IGrainFactory grains, IOptions<AuthOptions> options, IHostEnvironment environment) : IDisposable
{
    public const string DevTenantId = "dev";
    public const int MaxKeyLength = 256;
    private static readonly TimeSpan UnknownKeyCacheTime = TimeSpan.FromSeconds(2);
    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = 100_000 });

    /// <summary>Counts revocations, so that a lookup that began before one does not put back what it removed.</summary>
    private long revocations;
    private readonly byte[]? operatorDigest = Digest(options.Value.OperatorKey);

    /// <summary>The development key may be any string the developer chose (Auth:DevAdminKey); it belongs to tenant 'dev'.</summary>
    private readonly byte[]? devDigest = environment.IsDevelopment() ? Digest(options.Value.DevAdminKey) : null;

    /// <summary>Whether <paramref name="key"/> is the operator key, or else the tenant identity it stands for (null when unknown or revoked).</summary>
    public async ValueTask<(bool IsOperator, ApiKeyIdentity? Identity)> IdentifyAsync(string key, CancellationToken cancellationToken)
    {
        if (key.Length is 0 or > MaxKeyLength)
        {
            return (false, null);
        }

        Span<byte> utf8 = stackalloc byte[MaxKeyLength * 3];
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(utf8[..Encoding.UTF8.GetBytes(key, utf8)], digest);
        if (operatorDigest is not null && CryptographicOperations.FixedTimeEquals(digest, operatorDigest))
        {
            return (true, null);
        }

        if (!ApiKeyFormat.TryGetTenant(key, out var tenantId))
        {
            if (devDigest is null || !CryptographicOperations.FixedTimeEquals(digest, devDigest))
            {
                return (false, null);
            }

            tenantId = DevTenantId;
        }

        var hash = Convert.ToHexStringLower(digest);
        if (cache.TryGetValue(hash, out ApiKeyIdentity? cached))
        {
            return (false, cached);
        }

        var revocationsBefore = Interlocked.Read(ref revocations);
        var identity = await grains.GetGrain<IApiKeyStoreGrain>(tenantId).Authenticate(hash, cancellationToken);
        var lifetime = identity is null ? UnknownKeyCacheTime : TimeSpan.FromSeconds(options.Value.KeyCacheSeconds);
        if (options.Value.KeyCacheSeconds > 0)
        {
            cache.Set(hash, identity, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = lifetime, Size = 1 });

            // A revocation since the lookup began may have been of this key: its removal must win over this answer.
            if (Interlocked.Read(ref revocations) != revocationsBefore)
            {
                cache.Remove(hash);
            }
        }

        return (false, identity);
    }

    /// <summary>The tenant identity <paramref name="key"/> stands for; null for an unknown or revoked key (and the operator key).</summary>
    public async ValueTask<ApiKeyIdentity?> AuthenticateAsync(string key, CancellationToken cancellationToken) =>
        (await IdentifyAsync(key, cancellationToken)).Identity;

    /// <summary>Drops a revoked key from this host's cache at once (and keeps lookups already under way from caching it again).</summary>
    public void Forget(string hash)
    {
        Interlocked.Increment(ref revocations);
        cache.Remove(hash);
    }

    public void Dispose() => cache.Dispose();

    /// <summary>SHA-256 of the key string, as <see cref="ApiKeyFormat.Hash"/> takes it; null for no key.</summary>
    private static byte[]? Digest(string? key) => string.IsNullOrEmpty(key) ? null : SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
