using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Api.Tests.Support;
using Switchboard.Contracts.Agents;
using Switchboard.Contracts.Tenancy;

namespace Switchboard.Api.Tests;

/// <summary>Deleting agents revokes their keys; retries repair partial failures; If-Match lists; input edge cases.</summary>
public sealed class AgentKeysAndRepairTests(SwitchboardApiFactory factory)
{
    private IGrainFactory Grains => factory.Services.GetRequiredService<IGrainFactory>();

    [Fact]
    public async Task Deleting_an_agent_revokes_its_keys_also_for_an_agent_created_again_with_the_same_id()
    {
        var tenant = await factory.CreateTenantAsync();
        await tenant.CreateAgentAsync("a1", "Ada");
        await tenant.CreateAgentAsync("a2", "Bob");
        var (oldKeyId, oldKey) = await tenant.IssueKeyAsync("agent", "a1");
        var (_, otherAgentKey) = await tenant.IssueKeyAsync("agent", "a2");
        using var oldConsole = factory.ClientWith(oldKey);
        using (var before = await oldConsole.GetResponseAsync("/v1/agents/a1/state"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode); // and now cached on this host
        }

        using var admin = tenant.Admin();
        using (var deleted = await admin.DeleteResponseAsync("/v1/agents/a1"))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        await tenant.CreateAgentAsync("a1", "Someone Else");

        using (var after = await oldConsole.GetResponseAsync("/v1/agents/a1/state"))
        {
            await Problem.AssertAsync(after, HttpStatusCode.Unauthorized);
        }

        var listed = (await admin.GetOkJsonAsync("/v1/api-keys?limit=200")).Items().Single(k => k!.Text("id") == oldKeyId)!;
        Assert.NotNull(listed.TextOrNull("revokedAt"));
        using var otherConsole = factory.ClientWith(otherAgentKey);
        Assert.Equal("LoggedOut", (await otherConsole.GetOkJsonAsync("/v1/agents/a2/state")).Text("state"));
    }

    [Fact]
    public async Task A_deleted_agent_is_logged_out_by_the_supervisor_who_deleted_it_in_the_kept_audit_trail()
    {
        var tenant = await factory.CreateTenantAsync();
        await tenant.CreateAgentAsync("a1");
        await tenant.SetStateAsync("a1", "Available");
        using var admin = tenant.Admin();
        using (var deleted = await admin.DeleteResponseAsync("/v1/agents/a1"))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        await tenant.CreateAgentAsync("a1");

        var history = (await admin.GetOkJsonAsync("/v1/agents/a1/state-history")).Items();
        Assert.Equal([2L, 1L], history.Select(e => e!.Number("sequence")));
        Assert.Equal("LoggedOut", history[0]!.Text("to"));
        Assert.Equal("Supervisor", history[0]!.Text("actor"));
        Assert.Equal(tenant.AdminKeyId, history[0]!.Text("actorId"));
        Assert.Equal("agent deleted", history[0]!.Text("reason"));
    }

    [Fact]
    public async Task Creating_a_tenant_again_issues_the_first_admin_key_when_an_earlier_attempt_stopped_before_it()
    {
        var id = "t-" + Guid.NewGuid().ToString("N")[..20];
        Assert.True(await Grains.GetGrain<ITenantGrain>(id).Create("Half made", TestContext.Current.CancellationToken)); // as if the key step had failed
        using var operatorClient = factory.ClientWith(SwitchboardApiFactory.OperatorKey);

        using var retried = await operatorClient.SendJsonAsync(HttpMethod.Post, "/v1/tenants", $$"""{"id":"{{id}}","name":"Half made"}""");

        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
        var adminKey = (await retried.ReadJsonAsync())["adminKey"]!.Text("key");
        using var admin = factory.ClientWith(adminKey);
        Assert.Single((await admin.GetOkJsonAsync("/v1/api-keys")).Items());

        using var again = await operatorClient.SendJsonAsync(HttpMethod.Post, "/v1/tenants", $$"""{"id":"{{id}}","name":"Half made"}""");
        await Problem.AssertAsync(again, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Patch_and_delete_repair_a_roster_that_missed_an_earlier_write()
    {
        var tenant = await factory.CreateTenantAsync();
        await tenant.CreateAgentAsync("a1", "Ada");
        var roster = Grains.GetGrain<IAgentRosterGrain>(tenant.Id);
        await roster.Remove("a1", TestContext.Current.CancellationToken); // as if the roster write of an earlier request had failed
        await roster.Upsert(new AgentProfile("ghost", "Ghost", null), TestContext.Current.CancellationToken); // and a delete had not reached it
        using var admin = tenant.Admin();

        using (var patched = await admin.SendJsonAsync(HttpMethod.Patch, "/v1/agents/a1", """{"displayName":"Ada"}"""))
        {
            Assert.Equal(HttpStatusCode.OK, patched.StatusCode); // no change to the agent, but the roster is repaired
        }

        using (var deleted = await admin.DeleteResponseAsync("/v1/agents/ghost"))
        {
            await Problem.AssertAsync(deleted, HttpStatusCode.NotFound);
        }

        var ids = (await admin.GetOkJsonAsync("/v1/agents")).Items().Select(a => a!.Text("id"));
        Assert.Equal(["a1"], ids);
    }

    [Fact]
    public async Task Api_keys_are_listed_a_page_at_a_time()
    {
        var tenant = await factory.CreateTenantAsync();
        for (var i = 0; i < 4; i++)
        {
            await tenant.IssueKeyAsync("integration");
        }

        using var admin = tenant.Admin();
        var ids = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await admin.GetOkJsonAsync("/v1/api-keys?limit=2" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)));
            ids.AddRange(page.Items().Select(k => k!.Text("id")));
            cursor = page.TextOrNull("nextCursor");
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(3, pages);
        Assert.Equal(5, ids.Count);
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        using var bad = await admin.GetResponseAsync("/v1/api-keys?cursor=nonsense");
        await Problem.AssertAsync(bad, HttpStatusCode.BadRequest);
    }
}
