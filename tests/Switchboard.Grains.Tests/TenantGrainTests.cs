using Switchboard.Contracts.Tenancy;
using Switchboard.Domain.Agents;

namespace Switchboard.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class TenantGrainTests(ClusterFixture fixture)
{
    private readonly IClusterClient client = fixture.Client;

    [Fact]
    public async Task A_tenant_is_created_once()
    {
        var tenant = TestIds.Tenant();
        var grain = client.GetGrain<ITenantGrain>(tenant);
        Assert.Null(await grain.Get());

        var createdAt = fixture.Time.GetUtcNow();
        Assert.True(await grain.Create("Acme Srl"));
        fixture.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.False(await grain.Create("Other name"));

        Assert.Equal(new TenantInfo(tenant, "Acme Srl", createdAt), await grain.Get());
    }

    [Fact]
    public async Task Status_and_transaction_codes_round_trip()
    {
        var grain = client.GetGrain<ITenantGrain>(TestIds.Tenant());
        Assert.Empty(await grain.GetStatusCodes());
        Assert.Empty(await grain.GetTransactionCodes());

        await grain.SetStatusCodes(
        [
            new StatusCodeItem("lunch", "Lunch", [AgentState.Break]),
            new StatusCodeItem("training", "Training", [AgentState.Break, AgentState.Offline, AgentState.LoggedOut]),
        ]);
        await grain.SetTransactionCodes([new TransactionCodeItem("sale", "Sale"), new TransactionCodeItem("no-sale", "No sale")]);

        var codes = await grain.GetStatusCodes();
        Assert.Equal(["lunch", "training"], codes.Select(c => c.Code));
        Assert.Equal(["Lunch", "Training"], codes.Select(c => c.Label));
        Assert.Equal([AgentState.Break], codes[0].States);
        Assert.Equal([AgentState.Break, AgentState.Offline, AgentState.LoggedOut], codes[1].States);
        Assert.Equal([new TransactionCodeItem("sale", "Sale"), new TransactionCodeItem("no-sale", "No sale")], await grain.GetTransactionCodes());

        // Setting replaces the whole list.
        await grain.SetStatusCodes([new StatusCodeItem("meeting", "Meeting", [AgentState.Offline])]);
        await grain.SetTransactionCodes([]);
        var replaced = Assert.Single(await grain.GetStatusCodes());
        Assert.Equal(("meeting", "Meeting"), (replaced.Code, replaced.Label));
        Assert.Equal([AgentState.Offline], replaced.States);
        Assert.Empty(await grain.GetTransactionCodes());
    }
}
