using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Switchboard.Contracts.Auth;
using Switchboard.Domain.Tenancy;

namespace Switchboard.Api.Auth;

/// <summary>
/// Resolves a presented key to its tenant identity: tenant from the key, then the tenant's key store by hash. Answers
/// are cached briefly, unknown keys too (for less time), so repeated bad keys do not reach the cluster.
/// </summary>
public sealed class ApiKeyAuthenticator(IGrainFactory grains, IOptions<AuthOptions> options, IHostEnvironment environment) : IDisposable
{
    public const string DevTenantId = "dev";
    public const int MaxKeyLength = 256;
    private static readonly TimeSpan UnknownKeyCacheTime = TimeSpan.FromSeconds(2);
    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = 100_000 });

    /// <summary>Whether <paramref name="key"/> is the configured operator key (constant-time).</summary>
    public bool IsOperatorKey(string key) => options.Value.OperatorKey is { Length: > 0 } operatorKey && FixedEquals(key, operatorKey);

    public async ValueTask<ApiKeyIdentity?> AuthenticateAsync(string key, CancellationToken cancellationToken)
    {
        if (key.Length is 0 or > MaxKeyLength || !TryGetTenant(key, out var tenantId))
        {
            return null;
        }

        var hash = ApiKeyFormat.Hash(key);
        if (cache.TryGetValue(hash, out ApiKeyIdentity? cached))
        {
            return cached;
        }

        var identity = await grains.GetGrain<IApiKeyStoreGrain>(tenantId).Authenticate(hash, cancellationToken);
        var lifetime = identity is null ? UnknownKeyCacheTime : TimeSpan.FromSeconds(options.Value.KeyCacheSeconds);
        if (options.Value.KeyCacheSeconds > 0)
        {
            cache.Set(hash, identity, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = lifetime, Size = 1 });
        }

        return identity;
    }

    /// <summary>Drops a revoked key from this host's cache at once.</summary>
    public void Forget(string hash) => cache.Remove(hash);

    public void Dispose() => cache.Dispose();

    private bool TryGetTenant(string key, out string tenantId)
    {
        if (ApiKeyFormat.TryGetTenant(key, out tenantId))
        {
            return true;
        }

        // The development key may be any string the developer chose (Auth:DevAdminKey); it belongs to tenant 'dev'.
        if (environment.IsDevelopment() && options.Value.DevAdminKey is { Length: > 0 } devKey && FixedEquals(key, devKey))
        {
            tenantId = DevTenantId;
            return true;
        }

        return false;
    }

    private static bool FixedEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(a)), SHA256.HashData(Encoding.UTF8.GetBytes(b)));
}
