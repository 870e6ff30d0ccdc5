using System.Net;
using Switchboard.Api.Tests.Support;

namespace Switchboard.Api.Tests;

/// <summary><c>GET /v1/directory/queues</c>: an agent's queues, or the tenant's, with live figures.</summary>
public sealed class DirectoryQueueTests(SwitchboardApiFactory factory)
{
    private const string Url = "/v1/directory/queues";

    [Fact]
    public async Task An_agent_key_sees_its_own_queues_with_live_figures_and_no_one_elses()
    {
        var center = await factory.CallCenterWithAgentKeysAsync();
        var tenant = center.Tenant;
        await tenant.CreateQueueAsync("billing");
        Assert.Equal(HttpStatusCode.Created, await tenant.PutMemberAsync("billing", "a1"));
        using var admin = tenant.Admin();
        await tenant.SetStateAsync("a1", "Break");
        await admin.CreateInteractionAsync(InteractionTestExtensions.Inbound("support"));
        using var a1 = factory.ClientWith(center.Keys["a1"]);

        var page = await a1.WaitForJsonAsync(Url, p => p.Items().Count == 2 && p.Items()[1]!["stats"]!.Number("waiting") == 1, "one call waiting in support");

        Assert.Equal(["billing", "support"], page.Items().Ids("queueId"));
        var support = page.Items()[1]!;
        Assert.Equal(("Support", "voice"), (support.Text("name"), support.Text("media")));
        Assert.Equal("support", support["stats"]!.Text("queueId"));
        Assert.Equal(0, support["stats"]!["agents"]!.Number("available"));
        Assert.Equal(1, support["stats"]!["agents"]!.Number("break"));
        Assert.Null(page.TextOrNull("nextCursor"));
        Assert.Equal(["billing", "support"], (await a1.GetOkJsonAsync(Url + "?memberOf=a1")).Items().Ids("queueId"));

        using var other = await a1.GetResponseAsync(Url + "?memberOf=a2");
        await Problem.AssertAsync(other, HttpStatusCode.Forbidden);
        using var a2 = factory.ClientWith(center.Keys["a2"]);
        Assert.Empty((await a2.GetOkJsonAsync(Url)).Items());
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("supervisor")]
    [InlineData("integration")]
    public async Task Other_keys_see_any_agents_queues_or_all_queues(string role)
    {
        var center = await factory.CallCenterWithAgentKeysAsync();
        using var client = factory.ClientWith((await center.Tenant.IssueKeyAsync(role)).Key);

        Assert.Equal(["support"], (await client.GetOkJsonAsync(Url + "?memberOf=a1")).Items().Ids("queueId"));
        Assert.Empty((await client.GetOkJsonAsync(Url + "?memberOf=a2")).Items());
        Assert.Equal(["empty", "support"], (await client.GetOkJsonAsync(Url)).Items().Ids("queueId"));
        Assert.Equal(["empty", "support"], (await client.ReadAllPagesAsync(Url, 1)).Select(q => q.Text("queueId")));
    }

    [Fact]
    public async Task An_agents_queues_page_by_id()
    {
        var tenant = await factory.CreateTenantAsync();
        await tenant.CreateAgentAsync("a1");
        foreach (var id in new[] { "q3", "q1", "q2" })
        {
            await tenant.CreateQueueAsync(id);
            Assert.Equal(HttpStatusCode.Created, await tenant.PutMemberAsync(id, "a1"));
        }

        using var a1 = factory.ClientWith((await tenant.IssueKeyAsync("agent", "a1")).Key);

        Assert.Equal(["q1", "q2"], (await a1.GetOkJsonAsync(Url + "?limit=2")).Items().Ids("queueId"));
        Assert.Equal(["q1", "q2", "q3"], (await a1.ReadAllPagesAsync(Url, 2)).Select(q => q.Text("queueId")));
    }

    [Theory]
    [InlineData("?memberOf=bad%20id", HttpStatusCode.BadRequest)]
    [InlineData("?memberOf=", HttpStatusCode.BadRequest)]
    [InlineData("?limit=-1", HttpStatusCode.BadRequest)]
    [InlineData("?cursor=%21", HttpStatusCode.BadRequest)]
    [InlineData("?memberOf=nobody", HttpStatusCode.NotFound)]
    public async Task Bad_or_unknown_input_is_a_problem(string query, HttpStatusCode status)
    {
        var center = await factory.CallCenterWithAgentKeysAsync();
        using var admin = center.Tenant.Admin();

        using var response = await admin.GetResponseAsync(Url + query);

        await Problem.AssertAsync(response, status);
    }
}
