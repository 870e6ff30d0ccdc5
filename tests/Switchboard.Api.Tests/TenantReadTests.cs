using System.Net;
using Switchboard.Api.Tests.Support;

namespace Switchboard.Api.Tests;

/// <summary><c>GET /v1/tenants/{tenantId}</c>: the operator reads a tenant where its creation pointed; nobody else may.</summary>
public sealed class TenantReadTests(SwitchboardApiFactory factory)
{
    [Fact]
    public async Task The_location_of_a_created_tenant_answers_200_with_the_tenant_and_no_key()
    {
        using var client = factory.ClientWith(SwitchboardApiFactory.OperatorKey);
        var id = "t-" + Guid.NewGuid().ToString("N");

        using var created = await client.SendJsonAsync(HttpMethod.Post, "/v1/tenants", $$"""{"id":"{{id}}","name":"Acme Insurance"}""");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var location = created.Headers.Location?.OriginalString;
        Assert.Equal($"/v1/tenants/{id}", location);
        var createdAt = (await created.ReadJsonAsync()).Time("createdAt");

        var tenant = await client.GetOkJsonAsync(location!);
        Assert.Equal((id, "Acme Insurance", createdAt), (tenant.Text("id"), tenant.Text("name"), tenant.Time("createdAt")));
        Assert.Equal(["createdAt", "id", "name"], tenant.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("/v1/tenants/no-such-tenant", HttpStatusCode.NotFound)]
    [InlineData("/v1/tenants/Not_A_Tenant", HttpStatusCode.BadRequest)]
    public async Task An_unknown_tenant_is_404_and_a_malformed_id_400(string url, HttpStatusCode status)
    {
        using var client = factory.ClientWith(SwitchboardApiFactory.OperatorKey);

        using var response = await client.GetResponseAsync(url);

        await Problem.AssertAsync(response, status);
    }

    [Fact]
    public async Task A_tenant_admin_key_may_not_read_tenants_not_even_its_own()
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = tenant.Admin();

        using var response = await admin.GetResponseAsync($"/v1/tenants/{tenant.Id}");

        var problem = await Problem.AssertAsync(response, HttpStatusCode.Forbidden);
        Assert.Contains("operator", Problem.Detail(problem), StringComparison.Ordinal);
    }
}
