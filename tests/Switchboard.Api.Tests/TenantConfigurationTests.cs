using System.Net;
using Switchboard.Api.Tests.Support;

namespace Switchboard.Api.Tests;

/// <summary>Status and transaction codes: round trips, and each tenant has its own.</summary>
public sealed class TenantConfigurationTests(SwitchboardApiFactory factory)
{
    [Fact]
    public async Task Transaction_codes_round_trip_and_put_replaces_the_list()
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = tenant.Admin();
        Assert.Empty((await admin.GetOkJsonAsync("/v1/transaction-codes")).Items());

        using (var put = await admin.SendJsonAsync(HttpMethod.Put, "/v1/transaction-codes",
                   """{"items":[{"code":"sale","label":"Sale"},{"code":"no-sale","label":"No sale"}]}"""))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
            Assert.Equal(2, (await put.ReadJsonAsync()).Items().Count);
        }

        var stored = (await admin.GetOkJsonAsync("/v1/transaction-codes")).Items();
        Assert.Equal(["sale", "no-sale"], stored.Select(i => i!.Text("code")));
        Assert.Equal(["Sale", "No sale"], stored.Select(i => i!.Text("label")));

        using (var replace = await admin.SendJsonAsync(HttpMethod.Put, "/v1/transaction-codes", """{"items":[{"code":"callback","label":"Callback"}]}"""))
        {
            Assert.Equal(HttpStatusCode.OK, replace.StatusCode);
        }

        Assert.Equal(["callback"], (await admin.GetOkJsonAsync("/v1/transaction-codes")).Items().Select(i => i!.Text("code")));
        var (_, agentKey) = await CreateAgentKeyAsync(tenant);
        using var agent = factory.ClientWith(agentKey);
        Assert.Equal(["callback"], (await agent.GetOkJsonAsync("/v1/transaction-codes")).Items().Select(i => i!.Text("code")));
    }

    [Fact]
    public async Task Status_codes_round_trip()
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = tenant.Admin();

        using (var put = await admin.SendJsonAsync(HttpMethod.Put, "/v1/status-codes",
                   """{"items":[{"code":"lunch","label":"Lunch","states":["Break"]},{"code":"training","label":"Training","states":["break","Offline"]}]}"""))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        var stored = (await admin.GetOkJsonAsync("/v1/status-codes")).Items();
        Assert.Equal(["lunch", "training"], stored.Select(i => i!.Text("code")));
        Assert.Equal(["Break", "Offline"], stored[1]!["states"]!.AsArray().Select(s => s!.GetValue<string>()));
    }

    [Fact]
    public async Task A_status_code_removed_is_refused_at_once_after_the_put_answers()
    {
        var tenant = await factory.CreateTenantAsync();
        await tenant.CreateAgentAsync("a1");
        using var admin = tenant.Admin();
        await PutStatusCodesAsync(admin, """{"items":[{"code":"lunch","label":"Lunch","states":["Break"]}]}""");
        Assert.Equal("lunch", (await tenant.SetStateAsync("a1", "Break", "lunch")).Text("reasonCode"));
        await tenant.SetStateAsync("a1", "Available");

        await PutStatusCodesAsync(admin, """{"items":[{"code":"training","label":"Training","states":["Break"]}]}""");

        using var removed = await admin.SendJsonAsync(HttpMethod.Put, "/v1/agents/a1/state", """{"state":"Break","reasonCode":"lunch"}""");
        await Problem.AssertAsync(removed, HttpStatusCode.UnprocessableEntity);
        Assert.Equal("training", (await tenant.SetStateAsync("a1", "Break", "training")).Text("reasonCode"));
    }

    private static async Task PutStatusCodesAsync(HttpClient admin, string json)
    {
        using var put = await admin.SendJsonAsync(HttpMethod.Put, "/v1/status-codes", json);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
    }

    [Fact]
    public async Task Status_codes_of_one_tenant_do_not_apply_to_another()
    {
        var configured = await factory.CreateTenantAsync();
        var other = await factory.CreateTenantAsync();
        using var configuredAdmin = configured.Admin();
        using (var put = await configuredAdmin.SendJsonAsync(HttpMethod.Put, "/v1/status-codes",
                   """{"items":[{"code":"lunch","label":"Lunch","states":["Break"]}]}"""))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        using (var put = await configuredAdmin.SendJsonAsync(HttpMethod.Put, "/v1/transaction-codes", """{"items":[{"code":"sale","label":"Sale"}]}"""))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        using var otherAdmin = other.Admin();
        Assert.Empty((await otherAdmin.GetOkJsonAsync("/v1/status-codes")).Items());
        Assert.Empty((await otherAdmin.GetOkJsonAsync("/v1/transaction-codes")).Items());

        await other.CreateAgentAsync("a1");
        var onBreak = await other.SetStateAsync("a1", "Break");
        Assert.Equal("Break", onBreak.Text("state"));
        Assert.Null(onBreak.TextOrNull("reasonCode"));

        await configured.CreateAgentAsync("a1");
        using var refused = await configuredAdmin.SendJsonAsync(HttpMethod.Put, "/v1/agents/a1/state", """{"state":"Break"}""");
        await Problem.AssertAsync(refused, HttpStatusCode.UnprocessableEntity);
        using var lunchElsewhere = await otherAdmin.SendJsonAsync(HttpMethod.Put, "/v1/agents/a1/state", """{"state":"Break","reasonCode":"lunch"}""");
        await Problem.AssertAsync(lunchElsewhere, HttpStatusCode.UnprocessableEntity);
    }

    private static async Task<(string Id, string Key)> CreateAgentKeyAsync(TestTenant tenant)
    {
        await tenant.CreateAgentAsync("a1");
        return await tenant.IssueKeyAsync("agent", "a1");
    }
}
