namespace Switchboard.Contracts.Auth;

/// <summary>A tenant's API keys, stored as hashes. Keyed by tenant id.</summary>
[Alias("Switchboard.IApiKeyStoreGrain")]
public interface IApiKeyStoreGrain : IGrainWithStringKey
{
    /// <summary>Stores a new key. Returns null when the id is taken.</summary>
    [Alias("Register")]
    Task<ApiKeyInfo?> Register(ApiKeyRegistration registration, CancellationToken cancellationToken = default);

    /// <summary>Stores a key under a fixed id, replacing an earlier hash (development seeding).</summary>
    [Alias("Seed")]
    Task<ApiKeyInfo> Seed(ApiKeyRegistration registration, CancellationToken cancellationToken = default);

    [Alias("List"), ReadOnly]
    Task<IReadOnlyList<ApiKeyInfo>> List(CancellationToken cancellationToken = default);

    /// <summary>Revokes a key; null when there is no such key. Revoking twice is harmless.</summary>
    [Alias("Revoke")]
    Task<RevokedApiKey?> Revoke(string keyId, CancellationToken cancellationToken = default);

    /// <summary>Revokes every key bound to <paramref name="agentId"/> (the agent was deleted); returns those it revoked now.</summary>
    [Alias("RevokeAgentKeys")]
    Task<IReadOnlyList<RevokedApiKey>> RevokeAgentKeys(string agentId, CancellationToken cancellationToken = default);

    /// <summary>The identity of the key with this hash, or null when unknown or revoked.</summary>
    [Alias("Authenticate"), ReadOnly]
    Task<ApiKeyIdentity?> Authenticate(string hash, CancellationToken cancellationToken = default);
}
