using Switchboard.Contracts;
using Switchboard.Contracts.Auth;

namespace Switchboard.Grains.Auth;

/// <summary>A tenant's API keys, by id, with an in-memory index by hash for authentication.</summary>
public sealed class ApiKeyStoreGrain(
    [PersistentState("apikeys", StorageNames.Default)] IPersistentState<ApiKeyStoreState> state,
    [FromKeyedServices(SwitchboardClock.ServiceKey)] TimeProvider time) : Grain, IApiKeyStoreGrain
{
    private Dictionary<string, StoredApiKey>? byHash;

    private Dictionary<string, StoredApiKey> ByHash => byHash ??= IndexByHash(state.State.Keys.Values);

    public async Task<ApiKeyInfo?> Register(ApiKeyRegistration registration, CancellationToken cancellationToken = default)
    {
        if (state.State.Keys.ContainsKey(registration.Id) || ByHash.ContainsKey(registration.Hash))
        {
            return null;
        }

        var stored = ToStored(registration);
        await Write(s => s.Keys[registration.Id] = stored);
        return stored.Info;
    }

    public async Task<ApiKeyInfo> Seed(ApiKeyRegistration registration, CancellationToken cancellationToken = default)
    {
        if (ByHash.TryGetValue(registration.Hash, out var sameKey) && sameKey.Info.Id != registration.Id)
        {
            throw new ArgumentException($"This key is already stored as '{sameKey.Info.Id}'.", nameof(registration));
        }

        state.State.Keys.TryGetValue(registration.Id, out var existing);
        if (existing is not null && existing.Hash == registration.Hash && existing.Info.Role == registration.Role)
        {
            // Unchanged, or revoked on purpose: seeding the same key again never brings it back.
            return existing.Info;
        }

        var stored = ToStored(registration);
        await Write(s => s.Keys[registration.Id] = stored);
        return stored.Info;
    }

    public Task<IReadOnlyList<ApiKeyInfo>> List(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ApiKeyInfo>>([.. state.State.Keys.Values.Select(k => k.Info).OrderBy(k => k.CreatedAt).ThenBy(k => k.Id, StringComparer.Ordinal)]);

    public async Task<RevokedApiKey?> Revoke(string keyId, CancellationToken cancellationToken = default)
    {
        if (!state.State.Keys.TryGetValue(keyId, out var stored))
        {
            return null;
        }

        if (stored.Info.RevokedAt is null)
        {
            var revokedAt = time.GetUtcNow();
            await Write(s => s.Keys[keyId].Info = stored.Info with { RevokedAt = revokedAt });
        }

        return new RevokedApiKey(stored.Info, stored.Hash);
    }

    public async Task<IReadOnlyList<RevokedApiKey>> RevokeAgentKeys(string agentId, CancellationToken cancellationToken = default)
    {
        var bound = state.State.Keys.Values
            .Where(k => k.Info.RevokedAt is null && k.Info.Role == ApiKeyRole.Agent && k.Info.AgentId == agentId)
            .ToList();
        if (bound.Count == 0)
        {
            return [];
        }

        var now = time.GetUtcNow();
        await Write(s =>
        {
            foreach (var key in bound)
            {
                s.Keys[key.Info.Id].Info = key.Info with { RevokedAt = now };
            }
        });
        return [.. bound.Select(k => new RevokedApiKey(k.Info, k.Hash))];
    }

    public Task<ApiKeyIdentity?> Authenticate(string hash, CancellationToken cancellationToken = default) => Task.FromResult(
        ByHash.TryGetValue(hash, out var stored) && stored.Info.RevokedAt is null
            ? new ApiKeyIdentity(this.GetPrimaryKeyString(), stored.Info.Id, stored.Info.Role, stored.Info.AgentId)
            : null);

    /// <summary>Hashes are unique by construction (Register and Seed refuse duplicates); the first stored wins regardless.</summary>
    private static Dictionary<string, StoredApiKey> IndexByHash(IEnumerable<StoredApiKey> keys)
    {
        var index = new Dictionary<string, StoredApiKey>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            index.TryAdd(key.Hash, key);
        }

        return index;
    }

    private StoredApiKey ToStored(ApiKeyRegistration r) => new()
    {
        Info = new ApiKeyInfo(r.Id, r.Role, r.AgentId, r.Label, time.GetUtcNow(), null),
        Hash = r.Hash,
    };

    /// <summary>Writes a change; the index by hash is built again from whatever state stands afterwards.</summary>
    private Task Write(Action<ApiKeyStoreState> change)
    {
        byHash = null;
        return state.WriteAsync(this, change);
    }
}
