using System.Net;
using Switchboard.Api.Tests.Support;

namespace Switchboard.Api.Tests;

/// <summary>POSTs with an Idempotency-Key: a retried request gets the first response again and does nothing twice.</summary>
public sealed class IdempotencyTests(SwitchboardApiFactory factory)
{
    private const string KeyBody = """{"role":"integration","label":"crm"}""";

    [Fact]
    public async Task A_retried_post_returns_the_first_response_and_creates_nothing_new()
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = tenant.Admin();
        const string agent = """{"id":"a1","displayName":"Ada","group":"sales"}""";

        using var first = await admin.SendJsonAsync(HttpMethod.Post, "/v1/agents", agent, WithKey("retry-1"));
        using var second = await admin.SendJsonAsync(HttpMethod.Post, "/v1/agents", agent, WithKey("retry-1"));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode); // without the key a repeat would be 200 "already exists"
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(["true"], second.Headers.GetValues("Idempotent-Replayed"));
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal("application/json; charset=utf-8", second.Content.Headers.ContentType?.ToString());
        Assert.Equal(await first.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), await second.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Single((await admin.GetOkJsonAsync("/v1/agents")).Items());
    }

    [Fact]
    public async Task A_retried_key_issue_never_shows_the_secret_again_and_issues_nothing_new()
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = tenant.Admin();

        using var first = await admin.SendJsonAsync(HttpMethod.Post, "/v1/api-keys", KeyBody, WithKey("issue-1"));
        using var second = await admin.SendJsonAsync(HttpMethod.Post, "/v1/api-keys", KeyBody, WithKey("issue-1"));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var issued = await first.ReadJsonAsync();
        var problem = await Problem.AssertAsync(second, HttpStatusCode.Conflict);
        Assert.Equal(["true"], second.Headers.GetValues("Idempotent-Replayed"));
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.DoesNotContain(issued.Text("key"), problem.ToJsonString(), StringComparison.Ordinal);
        var keys = (await admin.GetOkJsonAsync("/v1/api-keys")).Items();
        Assert.Equal(2, keys.Count); // the tenant's first admin key and this one, once
    }

    [Fact]
    public async Task Another_key_of_the_same_tenant_never_sees_a_response_made_for_someone_else()
    {
        var tenant = await factory.CreateTenantAsync();
        var (_, otherAdminKey) = await tenant.IssueKeyAsync("admin");
        using var admin = tenant.Admin();
        using var otherAdmin = factory.ClientWith(otherAdminKey);

        using var first = await admin.SendJsonAsync(HttpMethod.Post, "/v1/api-keys", KeyBody, WithKey("shared-1"));
        using var second = await otherAdmin.SendJsonAsync(HttpMethod.Post, "/v1/api-keys", KeyBody, WithKey("shared-1"));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.False(second.Headers.Contains("Idempotent-Replayed"));
        Assert.NotEqual((await first.ReadJsonAsync()).Text("key"), (await second.ReadJsonAsync()).Text("key"));
    }

    [Fact]
    public async Task The_same_key_with_another_request_is_refused_and_changes_nothing()
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = tenant.Admin();
        using (var first = await admin.SendJsonAsync(HttpMethod.Post, "/v1/api-keys", KeyBody, WithKey("reused")))
        {
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        }

        using var other = await admin.SendJsonAsync(HttpMethod.Post, "/v1/api-keys", """{"role":"supervisor"}""", WithKey("reused"));

        await Problem.AssertAsync(other, HttpStatusCode.UnprocessableEntity);
        var keys = (await admin.GetOkJsonAsync("/v1/api-keys")).Items();
        Assert.Equal(2, keys.Count);
        Assert.DoesNotContain(keys, k => k!.Text("role") == "supervisor");
    }

    [Fact]
    public async Task Keys_are_per_tenant()
    {
        var tenantA = await factory.CreateTenantAsync();
        var tenantB = await factory.CreateTenantAsync();
        using var adminA = tenantA.Admin();
        using var adminB = tenantB.Admin();

        using var a = await adminA.SendJsonAsync(HttpMethod.Post, "/v1/agents", """{"id":"a1","displayName":"Ada"}""", WithKey("same-key"));
        using var b = await adminB.SendJsonAsync(HttpMethod.Post, "/v1/agents", """{"id":"b1","displayName":"Bob"}""", WithKey("same-key"));

        Assert.Equal(HttpStatusCode.Created, a.StatusCode);
        Assert.Equal(HttpStatusCode.Created, b.StatusCode);
        Assert.False(b.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal("b1", (await adminB.GetOkJsonAsync("/v1/agents/b1")).Text("id"));
    }

    [Fact]
    public async Task A_rule_breaking_request_is_answered_the_same_way_on_retry()
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = tenant.Admin();
        const string tooLongId = """{"id":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","displayName":"Ada"}""";

        using var first = await admin.SendJsonAsync(HttpMethod.Post, "/v1/agents", tooLongId, WithKey("bad-1"));
        using var second = await admin.SendJsonAsync(HttpMethod.Post, "/v1/agents", tooLongId, WithKey("bad-1"));

        await Problem.AssertAsync(first, HttpStatusCode.UnprocessableEntity);
        await Problem.AssertAsync(second, HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["true"], second.Headers.GetValues("Idempotent-Replayed"));
        Assert.Empty((await admin.GetOkJsonAsync("/v1/agents")).Items());
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("tab\tinside")]
    [InlineData("ünïcode")]
    public async Task A_malformed_key_is_a_400_and_nothing_runs(string idempotencyKey)
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = tenant.Admin();

        using var response = await admin.SendAsync(HttpMethod.Post, "/v1/agents",
            new StringContent("""{"id":"a1","displayName":"Ada"}""", System.Text.Encoding.UTF8, "application/json"),
            request => request.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey));

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest);
        Assert.Empty((await admin.GetOkJsonAsync("/v1/agents")).Items());
    }

    [Fact]
    public async Task A_key_over_255_characters_is_a_400()
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = tenant.Admin();

        using var response = await admin.SendJsonAsync(HttpMethod.Post, "/v1/agents", """{"id":"a1","displayName":"Ada"}""", WithKey(new string('k', 256)));

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest);
        Assert.Empty((await admin.GetOkJsonAsync("/v1/agents")).Items());
    }

    private static Action<HttpRequestMessage> WithKey(string key) => request => request.Headers.Add("Idempotency-Key", key);
}
