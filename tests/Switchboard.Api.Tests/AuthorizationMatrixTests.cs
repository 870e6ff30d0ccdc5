using System.Net;
using System.Net.Http.Headers;
using Switchboard.Api.Tests.Support;

namespace Switchboard.Api.Tests;

/// <summary>Who may call what: missing, invalid and revoked keys, other tenants, and roles.</summary>
public sealed class AuthorizationMatrixTests(SwitchboardApiFactory factory)
{
    [Fact]
    public async Task No_authorization_header_is_401_with_a_bearer_challenge()
    {
        using var client = factory.ClientWith(null);

        using var response = await client.GetResponseAsync("/v1/agents");

        var problem = await Problem.AssertAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains("Bearer", Problem.Detail(problem), StringComparison.Ordinal);
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
    }

    [Theory]
    [InlineData("Bearer", "garbage")]
    [InlineData("Bearer", "sb.no-such-tenant.c2VjcmV0")]
    [InlineData("Basic", "xyz")]
    public async Task Unknown_key_or_other_scheme_is_401(string scheme, string value)
    {
        var tenant = await factory.CreateTenantAsync();
        await tenant.CreateAgentAsync("a1");
        using var client = factory.ClientWith(null);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(scheme, value);

        using var response = await client.GetResponseAsync("/v1/agents/a1/state");

        await Problem.AssertAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
    }

    [Fact]
    public async Task Key_with_the_right_tenant_but_an_unknown_secret_is_401()
    {
        var tenant = await factory.CreateTenantAsync();
        using var client = factory.ClientWith($"sb.{tenant.Id}.not-a-secret-this-tenant-issued");

        using var response = await client.GetResponseAsync("/v1/agents");

        await Problem.AssertAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Revoked_key_is_401_on_its_next_request()
    {
        var tenant = await factory.CreateTenantAsync();
        var (keyId, key) = await tenant.IssueKeyAsync("supervisor");
        using var supervisor = factory.ClientWith(key);
        using (var before = await supervisor.GetResponseAsync("/v1/agents"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        using var admin = tenant.Admin();
        using (var revoke = await admin.DeleteResponseAsync($"/v1/api-keys/{keyId}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        }

        using (var after = await supervisor.GetResponseAsync("/v1/agents"))
        {
            var problem = await Problem.AssertAsync(after, HttpStatusCode.Unauthorized);
            Assert.Contains("revoked", Problem.Detail(problem), StringComparison.Ordinal);
        }

        var listed = (await admin.GetOkJsonAsync("/v1/api-keys")).Items().Single(k => k!.Text("id") == keyId)!;
        Assert.NotNull(listed.TextOrNull("revokedAt"));
        using var unknown = await admin.DeleteResponseAsync("/v1/api-keys/key_doesnotexist");
        await Problem.AssertAsync(unknown, HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("GET", "/v1/agents/a1", null)]
    [InlineData("GET", "/v1/agents/a1/state", null)]
    [InlineData("GET", "/v1/agents/a1/state-history", null)]
    [InlineData("PUT", "/v1/agents/a1/state", """{"state":"Offline"}""")]
    [InlineData("PATCH", "/v1/agents/a1", """{"displayName":"Mallory"}""")]
    [InlineData("DELETE", "/v1/agents/a1", null)]
    public async Task Key_of_another_tenant_does_not_see_this_tenants_agent(string method, string path, string? body)
    {
        var owner = await factory.CreateTenantAsync();
        await owner.CreateAgentAsync("a1", "Ada");
        await owner.SetStateAsync("a1", "Available");
        var stranger = await factory.CreateTenantAsync();
        using var client = stranger.Admin();

        using var response = await client.SendJsonAsync(new HttpMethod(method), path, body);

        await Problem.AssertAsync(response, HttpStatusCode.NotFound);
        Assert.Empty((await client.GetOkJsonAsync("/v1/agents")).Items());
        var state = await owner.GetStateAsync("a1");
        Assert.Equal("Available", state.Text("state"));
        Assert.Equal(1, state.Number("version"));
        using var ownerClient = owner.Admin();
        Assert.Equal("Ada", (await ownerClient.GetOkJsonAsync("/v1/agents/a1")).Text("displayName"));
    }

    [Fact]
    public async Task Integration_key_reads_states_but_cannot_change_them()
    {
        var tenant = await factory.CreateTenantAsync();
        await tenant.CreateAgentAsync("a1");
        var (_, key) = await tenant.IssueKeyAsync("integration");
        using var integration = factory.ClientWith(key);

        Assert.Equal("LoggedOut", (await integration.GetOkJsonAsync("/v1/agents/a1/state")).Text("state"));
        Assert.Single((await integration.GetOkJsonAsync("/v1/agents")).Items());
        using (var put = await integration.SendJsonAsync(HttpMethod.Put, "/v1/agents/a1/state", """{"state":"Available"}"""))
        {
            var problem = await Problem.AssertAsync(put, HttpStatusCode.Forbidden);
            Assert.Contains("Integration", Problem.Detail(problem), StringComparison.Ordinal);
        }

        using (var create = await integration.SendJsonAsync(HttpMethod.Post, "/v1/agents", """{"id":"a2","displayName":"Two"}"""))
        {
            await Problem.AssertAsync(create, HttpStatusCode.Forbidden);
        }

        var state = await tenant.GetStateAsync("a1");
        Assert.Equal("LoggedOut", state.Text("state"));
        Assert.Equal(0, state.Number("version"));
    }

    [Fact]
    public async Task Supervisor_key_forces_states_but_cannot_configure_the_tenant()
    {
        var tenant = await factory.CreateTenantAsync();
        await tenant.CreateAgentAsync("a1");
        var (keyId, key) = await tenant.IssueKeyAsync("supervisor");
        using var supervisor = factory.ClientWith(key);

        using (var put = await supervisor.SendJsonAsync(HttpMethod.Put, "/v1/agents/a1/state", """{"state":"Offline","reason":"meeting"}"""))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        var entry = (await supervisor.GetOkJsonAsync("/v1/agents/a1/state-history")).Items().Single()!;
        Assert.Equal("Supervisor", entry.Text("actor"));
        Assert.Equal(keyId, entry.Text("actorId"));
        Assert.Equal("meeting", entry.Text("reason"));
        using var codes = await supervisor.SendJsonAsync(HttpMethod.Put, "/v1/status-codes", """{"items":[]}""");
        await Problem.AssertAsync(codes, HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("GET", "/v1/agents", null)]
    [InlineData("POST", "/v1/agents", """{"id":"a1","displayName":"Ada"}""")]
    [InlineData("GET", "/v1/status-codes", null)]
    [InlineData("GET", "/v1/api-keys", null)]
    public async Task Operator_key_on_tenant_endpoints_is_403(string method, string path, string? body)
    {
        using var client = factory.ClientWith(SwitchboardApiFactory.OperatorKey);

        using var response = await client.SendJsonAsync(new HttpMethod(method), path, body);

        await Problem.AssertAsync(response, HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("PATCH", "/v1/agents/a1", """{"displayName":"Ada"}""", "it takes admin keys")]
    [InlineData("PUT", "/v1/agents/a1/state", """{"state":"Available"}""", "it takes admin, supervisor or agent keys")]
    [InlineData("GET", "/v1/agents/a1/state", null, "it takes admin, supervisor, agent or integration keys")]
    public async Task A_role_refusal_names_the_roles_the_endpoint_takes(string method, string path, string? body, string roles)
    {
        using var client = factory.ClientWith(SwitchboardApiFactory.OperatorKey);

        using var response = await client.SendJsonAsync(new HttpMethod(method), path, body);

        var detail = Problem.Detail(await Problem.AssertAsync(response, HttpStatusCode.Forbidden));
        Assert.StartsWith("Operator keys may not", detail, StringComparison.Ordinal);
        Assert.EndsWith(roles + ".", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admin_key_cannot_create_tenants()
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = tenant.Admin();

        using var response = await admin.SendJsonAsync(HttpMethod.Post, "/v1/tenants", $$"""{"id":"{{tenant.Id}}-s","name":"Sneaky"}""");

        await Problem.AssertAsync(response, HttpStatusCode.Forbidden);
        using var client = factory.ClientWith(SwitchboardApiFactory.OperatorKey);
        using var created = await client.SendJsonAsync(HttpMethod.Post, "/v1/tenants", $$"""{"id":"{{tenant.Id}}-s","name":"Later"}""");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }

    [Fact]
    public async Task Creating_an_existing_tenant_is_409_and_issues_no_key()
    {
        var tenant = await factory.CreateTenantAsync();
        using var client = factory.ClientWith(SwitchboardApiFactory.OperatorKey);

        using var again = await client.SendJsonAsync(HttpMethod.Post, "/v1/tenants", $$"""{"id":"{{tenant.Id}}","name":"Again"}""");
        var problem = await Problem.AssertAsync(again, HttpStatusCode.Conflict);
        Assert.Contains(tenant.Id, Problem.Detail(problem), StringComparison.Ordinal);
        using var dev = await client.SendJsonAsync(HttpMethod.Post, "/v1/tenants", """{"id":"dev","name":"Development"}""");
        await Problem.AssertAsync(dev, HttpStatusCode.Conflict);

        using var admin = tenant.Admin();
        Assert.Single((await admin.GetOkJsonAsync("/v1/api-keys")).Items());
    }

    [Theory]
    [InlineData("""{"id":"Upper","name":"X"}""", "id")]
    [InlineData("""{"id":"ok-id","name":""}""", "name")]
    [InlineData("""{}""", "id", "name")]
    public async Task Invalid_tenant_is_422_listing_each_field(string body, params string[] fields)
    {
        using var client = factory.ClientWith(SwitchboardApiFactory.OperatorKey);

        using var response = await client.SendJsonAsync(HttpMethod.Post, "/v1/tenants", body);

        Problem.AssertFields(await Problem.AssertAsync(response, HttpStatusCode.UnprocessableEntity), fields);
    }
}
