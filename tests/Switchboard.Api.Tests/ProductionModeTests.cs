using System.Net;
using Switchboard.Api.Tests.Support;

namespace Switchboard.Api.Tests;

/// <summary>Outside Development nothing is seeded and no key is generated: only configured keys work.</summary>
public sealed class ProductionModeTests
{
    [Fact]
    public async Task Production_seeds_no_dev_tenant_accepts_no_dev_key_and_refuses_tenant_creation_without_an_operator_key()
    {
        // Auth:DevAdminKey is ignored outside Development.
        await using var api = IsolatedApi.Create("Production", ("Auth:DevAdminKey", SwitchboardApiFactory.DevAdminKey));
        using var client = api.CreateClient();

        client.DefaultRequestHeaders.Authorization = new("Bearer", SwitchboardApiFactory.DevAdminKey);
        using (var dev = await client.GetResponseAsync("/v1/agents"))
        {
            await Problem.AssertAsync(dev, HttpStatusCode.Unauthorized);
        }

        client.DefaultRequestHeaders.Authorization = new("Bearer", "sb.dev.anything");
        using (var guessed = await client.GetResponseAsync("/v1/agents"))
        {
            await Problem.AssertAsync(guessed, HttpStatusCode.Unauthorized);
        }

        client.DefaultRequestHeaders.Authorization = new("Bearer", "");
        using (var tenant = await client.SendJsonAsync(HttpMethod.Post, "/v1/tenants", """{"id":"acme","name":"Acme"}"""))
        {
            await Problem.AssertAsync(tenant, HttpStatusCode.Unauthorized);
        }

        client.DefaultRequestHeaders.Authorization = null;
        using var live = await client.GetResponseAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [Fact]
    public async Task Development_without_configured_keys_generates_working_ones()
    {
        await using var api = IsolatedApi.Create("Development");
        using var client = api.CreateClient();
        var generated = api.Services.GetService(typeof(Switchboard.Api.Hosting.GeneratedSecrets)) as Switchboard.Api.Hosting.GeneratedSecrets;

        Assert.NotNull(generated?.DevAdminKey);
        Assert.StartsWith("sb.dev.", generated.DevAdminKey, StringComparison.Ordinal);
        client.DefaultRequestHeaders.Authorization = new("Bearer", generated.DevAdminKey);
        using (var agents = await client.GetResponseAsync("/v1/agents"))
        {
            Assert.Equal(HttpStatusCode.OK, agents.StatusCode);
        }

        client.DefaultRequestHeaders.Authorization = new("Bearer", generated.OperatorKey);
        using var tenant = await client.SendJsonAsync(HttpMethod.Post, "/v1/tenants", """{"id":"acme","name":"Acme"}""");
        Assert.Equal(HttpStatusCode.Created, tenant.StatusCode);
    }
}
