using System.Net;
using Switchboard.Api.Tests.Support;

namespace Switchboard.Api.Tests;

/// <summary>
/// Who may call the queue endpoints: admin, supervisor and integration read; admin configures queues; admin and
/// supervisor manage members; agent keys get nothing. Other tenants never see a tenant's queues.
/// </summary>
public sealed class QueueAuthorizationTests(SwitchboardApiFactory factory)
{
    public static TheoryData<string, string, string?, string[]> Matrix => new()
    {
        { "GET", "/v1/queues", null, ["admin", "supervisor", "integration"] },
        { "GET", "/v1/queues/q1", null, ["admin", "supervisor", "integration"] },
        { "GET", "/v1/queues/q1/members", null, ["admin", "supervisor", "integration"] },
        { "POST", "/v1/queues", """{"id":"q2","name":"Two"}""", ["admin"] },
        { "PATCH", "/v1/queues/q1", """{"name":"Renamed"}""", ["admin"] },
        { "DELETE", "/v1/queues/q1", null, ["admin"] },
        { "PUT", "/v1/queues/q1/members/a2", """{"skillLevel":4}""", ["admin", "supervisor"] },
        { "DELETE", "/v1/queues/q1/members/a1", null, ["admin", "supervisor"] },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_role_may_call_exactly_its_endpoints(string method, string path, string? body, string[] allowed)
    {
        foreach (var role in new[] { "admin", "supervisor", "integration", "agent" })
        {
            // A fresh tenant per role, so an allowed call never changes what the next role sees.
            var tenant = await factory.CreateTenantAsync();
            await tenant.CreateAgentAsync("a1");
            await tenant.CreateAgentAsync("a2");
            await tenant.CreateQueueAsync("q1");
            Assert.Equal(HttpStatusCode.Created, await tenant.PutMemberAsync("q1", "a1", 2));
            var key = role == "admin" ? tenant.AdminKey : (await tenant.IssueKeyAsync(role, role == "agent" ? "a1" : null)).Key;
            using var client = factory.ClientWith(key);

            using var response = await client.SendJsonAsync(new HttpMethod(method), path, body);

            if (allowed.Contains(role))
            {
                Assert.True((int)response.StatusCode is >= 200 and < 300, $"{role} {method} {path}: {(int)response.StatusCode}");
            }
            else
            {
                await Problem.AssertAsync(response, HttpStatusCode.Forbidden);
                using var admin = tenant.Admin();
                Assert.Equal(["q1"], (await admin.GetOkJsonAsync("/v1/queues")).Items().Select(q => q!.Text("id")));
                Assert.Equal("Queue q1", (await admin.GetOkJsonAsync("/v1/queues/q1")).Text("name"));
                Assert.Equal([("a1", 2L)], await tenant.MembersAsync("q1"));
            }
        }
    }

    [Theory]
    [InlineData("GET", "/v1/queues/q1", null)]
    [InlineData("PATCH", "/v1/queues/q1", """{"name":"Mallory"}""")]
    [InlineData("DELETE", "/v1/queues/q1", null)]
    [InlineData("GET", "/v1/queues/q1/members", null)]
    [InlineData("PUT", "/v1/queues/q1/members/a1", null)]
    [InlineData("DELETE", "/v1/queues/q1/members/a1", null)]
    public async Task A_key_of_another_tenant_does_not_see_this_tenants_queues(string method, string path, string? body)
    {
        var owner = await factory.CreateTenantAsync();
        await owner.CreateAgentAsync("a1");
        await owner.CreateQueueAsync("q1");
        Assert.Equal(HttpStatusCode.Created, await owner.PutMemberAsync("q1", "a1", 3));
        var stranger = await factory.CreateTenantAsync();
        await stranger.CreateAgentAsync("a1");
        using var client = stranger.Admin();

        using var response = await client.SendJsonAsync(new HttpMethod(method), path, body);

        await Problem.AssertAsync(response, HttpStatusCode.NotFound);
        Assert.Empty((await client.GetOkJsonAsync("/v1/queues")).Items());
        using var ownerClient = owner.Admin();
        Assert.Equal("Queue q1", (await ownerClient.GetOkJsonAsync("/v1/queues/q1")).Text("name"));
        Assert.Equal([("a1", 3L)], await owner.MembersAsync("q1"));
    }

    [Fact]
    public async Task Creating_a_queue_in_another_tenant_with_the_same_id_is_not_a_conflict()
    {
        var first = await factory.CreateTenantAsync();
        var second = await factory.CreateTenantAsync();

        await first.CreateQueueAsync("q1", """{"id":"q1","name":"First"}""");
        await second.CreateQueueAsync("q1", """{"id":"q1","name":"Second"}""");

        using var client = first.Admin();
        Assert.Equal("First", (await client.GetOkJsonAsync("/v1/queues/q1")).Text("name"));
    }

    [Theory]
    [InlineData("GET", "/v1/queues")]
    [InlineData("POST", "/v1/queues")]
    public async Task No_key_is_401_and_the_operator_key_is_403(string method, string path)
    {
        using var none = factory.ClientWith(null);
        using (var response = await none.SendJsonAsync(new HttpMethod(method), path, """{"id":"q","name":"Q"}"""))
        {
            await Problem.AssertAsync(response, HttpStatusCode.Unauthorized);
        }

        using var operatorClient = factory.ClientWith(SwitchboardApiFactory.OperatorKey);
        using (var response = await operatorClient.SendJsonAsync(new HttpMethod(method), path, """{"id":"q","name":"Q"}"""))
        {
            await Problem.AssertAsync(response, HttpStatusCode.Forbidden);
        }
    }
}
