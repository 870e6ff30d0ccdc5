using Switchboard.Contracts.Auth;
using Switchboard.Domain.Tenancy;

namespace Switchboard.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class ApiKeyStoreGrainTests(ClusterFixture fixture)
{
    private readonly IClusterClient client = fixture.Client;

    [Fact]
    public async Task A_registered_key_authenticates_as_its_tenant_role_and_agent()
    {
        var tenant = TestIds.Tenant();
        var store = client.GetGrain<IApiKeyStoreGrain>(tenant);
        var hash = ApiKeyFormat.Hash(ApiKeyFormat.Generate(tenant));
        var createdAt = fixture.Time.GetUtcNow();

        var info = await store.Register(new ApiKeyRegistration("k1", hash, ApiKeyRole.Agent, "agent-7", "console"));

        Assert.NotNull(info);
        Assert.Equal(new ApiKeyInfo("k1", ApiKeyRole.Agent, "agent-7", "console", createdAt, null), info);
        Assert.Equal(new ApiKeyIdentity(tenant, "k1", ApiKeyRole.Agent, "agent-7"), await store.Authenticate(hash));
        Assert.Null(await store.Authenticate(ApiKeyFormat.Hash(ApiKeyFormat.Generate(tenant))));
        Assert.Equal([info], await store.List());
    }

    [Fact]
    public async Task A_taken_id_or_hash_is_not_registered_again()
    {
        var tenant = TestIds.Tenant();
        var store = client.GetGrain<IApiKeyStoreGrain>(tenant);
        var first = await store.Register(new ApiKeyRegistration("k1", "hash-1", ApiKeyRole.Admin, null, null));
        Assert.NotNull(first);

        Assert.Null(await store.Register(new ApiKeyRegistration("k1", "hash-2", ApiKeyRole.Integration, null, null)));
        Assert.Null(await store.Register(new ApiKeyRegistration("k2", "hash-1", ApiKeyRole.Integration, null, null)));

        Assert.Equal([first], await store.List());
        Assert.Equal(new ApiKeyIdentity(tenant, "k1", ApiKeyRole.Admin, null), await store.Authenticate("hash-1"));
        Assert.Null(await store.Authenticate("hash-2"));
    }

    [Fact]
    public async Task A_revoked_key_no_longer_authenticates_and_is_listed_as_revoked()
    {
        var tenant = TestIds.Tenant();
        var store = client.GetGrain<IApiKeyStoreGrain>(tenant);
        var createdAt = fixture.Time.GetUtcNow();
        await store.Register(new ApiKeyRegistration("k1", "hash-1", ApiKeyRole.Supervisor, null, "desk"));
        await store.Register(new ApiKeyRegistration("k2", "hash-2", ApiKeyRole.Integration, null, "crm"));

        fixture.Time.Advance(TimeSpan.FromHours(1));
        var revokedAt = fixture.Time.GetUtcNow();
        var revoked = await store.Revoke("k1");

        var revokedInfo = new ApiKeyInfo("k1", ApiKeyRole.Supervisor, null, "desk", createdAt, revokedAt);
        Assert.Equal(new RevokedApiKey(revokedInfo, "hash-1"), revoked);
        Assert.Null(await store.Authenticate("hash-1"));
        Assert.Equal(new ApiKeyIdentity(tenant, "k2", ApiKeyRole.Integration, null), await store.Authenticate("hash-2"));
        Assert.Equal([revokedInfo, new ApiKeyInfo("k2", ApiKeyRole.Integration, null, "crm", createdAt, null)], await store.List());

        // Revoking twice is harmless and keeps the first revocation time.
        fixture.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(new RevokedApiKey(revokedInfo, "hash-1"), await store.Revoke("k1"));
        Assert.Null(await store.Revoke("no-such-key"));
    }

    [Fact]
    public async Task Seeding_a_fixed_id_replaces_its_hash()
    {
        var tenant = TestIds.Tenant();
        var store = client.GetGrain<IApiKeyStoreGrain>(tenant);
        var seededAt = fixture.Time.GetUtcNow();

        var first = await store.Seed(new ApiKeyRegistration("dev", "old-hash", ApiKeyRole.Admin, null, "development"));
        Assert.Equal(new ApiKeyInfo("dev", ApiKeyRole.Admin, null, "development", seededAt, null), first);
        Assert.Equal(new ApiKeyIdentity(tenant, "dev", ApiKeyRole.Admin, null), await store.Authenticate("old-hash"));

        // The same seed again changes nothing.
        fixture.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(first, await store.Seed(new ApiKeyRegistration("dev", "old-hash", ApiKeyRole.Admin, null, "development")));

        var reseededAt = fixture.Time.GetUtcNow();
        var second = await store.Seed(new ApiKeyRegistration("dev", "new-hash", ApiKeyRole.Admin, null, "development"));
        Assert.Equal(new ApiKeyInfo("dev", ApiKeyRole.Admin, null, "development", reseededAt, null), second);

        Assert.Null(await store.Authenticate("old-hash"));
        Assert.Equal(new ApiKeyIdentity(tenant, "dev", ApiKeyRole.Admin, null), await store.Authenticate("new-hash"));
        Assert.Equal([second], await store.List());
    }

    [Fact]
    public async Task Seeding_a_hash_stored_under_another_id_is_refused_and_changes_nothing()
    {
        var tenant = TestIds.Tenant();
        var store = client.GetGrain<IApiKeyStoreGrain>(tenant);
        var registered = await store.Register(new ApiKeyRegistration("k1", "same-hash", ApiKeyRole.Integration, null, "crm"));

        await Assert.ThrowsAsync<ArgumentException>(() => store.Seed(new ApiKeyRegistration("dev", "same-hash", ApiKeyRole.Admin, null, null)));

        Assert.Equal([registered!], await store.List());
        Assert.Equal(new ApiKeyIdentity(tenant, "k1", ApiKeyRole.Integration, null), await store.Authenticate("same-hash"));
    }

    [Fact]
    public async Task Keys_belong_to_one_tenant()
    {
        var tenantA = TestIds.Tenant();
        var tenantB = TestIds.Tenant();
        await client.GetGrain<IApiKeyStoreGrain>(tenantA).Register(new ApiKeyRegistration("k1", "hash-a", ApiKeyRole.Admin, null, null));

        Assert.Null(await client.GetGrain<IApiKeyStoreGrain>(tenantB).Authenticate("hash-a"));
        Assert.Empty(await client.GetGrain<IApiKeyStoreGrain>(tenantB).List());
        Assert.Null(await client.GetGrain<IApiKeyStoreGrain>(tenantB).Revoke("k1"));
        Assert.Equal(tenantA, (await client.GetGrain<IApiKeyStoreGrain>(tenantA).Authenticate("hash-a"))!.TenantId);
    }
}
