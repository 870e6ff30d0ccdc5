using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Api.Tests.Support;
using Switchboard.Contracts;
using Switchboard.Contracts.Interactions;
using Switchboard.Domain.Interactions;
using Switchboard.Domain.Queues;

namespace Switchboard.Api.Tests;

/// <summary><c>GET /v1/directory/agents</c>: who sees which group, the live fields and icons, paging and bad input.</summary>
public sealed class DirectoryAgentTests(SwitchboardApiFactory factory)
{
    private const string Url = "/v1/directory/agents";

    [Fact]
    public async Task An_agent_key_sees_its_own_group_and_no_other()
    {
        var tenant = await GroupsAsync();
        using var s1 = factory.ClientWith((await tenant.IssueKeyAsync("agent", "s1")).Key);
        using var n1 = factory.ClientWith((await tenant.IssueKeyAsync("agent", "n1")).Key);

        Assert.Equal(["s1", "s2"], (await s1.GetOkJsonAsync(Url)).Items().Ids("agentId"));
        Assert.Equal(["s1", "s2"], (await s1.GetOkJsonAsync(Url + "?group=sales")).Items().Ids("agentId"));
        Assert.Equal(["n1", "n2"], (await n1.GetOkJsonAsync(Url)).Items().Ids("agentId"));
        using (var other = await s1.GetResponseAsync(Url + "?group=support"))
        {
            Assert.Contains("sales", Problem.Detail(await Problem.AssertAsync(other, HttpStatusCode.Forbidden)), StringComparison.Ordinal);
        }

        using (var noGroupAsksSales = await n1.GetResponseAsync(Url + "?group=sales"))
        {
            await Problem.AssertAsync(noGroupAsksSales, HttpStatusCode.Forbidden);
        }
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("supervisor")]
    [InlineData("integration")]
    public async Task Other_keys_see_any_group_or_the_whole_tenant(string role)
    {
        var tenant = await GroupsAsync();
        using var client = factory.ClientWith((await tenant.IssueKeyAsync(role)).Key);

        Assert.Equal(["n1", "n2", "s1", "s2", "u1"], (await client.GetOkJsonAsync(Url)).Items().Ids("agentId"));
        Assert.Equal(["u1"], (await client.GetOkJsonAsync(Url + "?group=support")).Items().Ids("agentId"));
        Assert.Empty((await client.GetOkJsonAsync(Url + "?group=nobody-here")).Items());
    }

    [Fact]
    public async Task Each_agent_comes_with_its_live_state_and_fields()
    {
        var tenant = await factory.CreateTenantAsync();
        await tenant.CreateAgentAsync("a1", "Ada", "sales");
        var state = await tenant.SetStateAsync("a1", "Offline");
        using var admin = tenant.Admin();

        var agent = Assert.Single((await admin.GetOkJsonAsync(Url)).Items())!;

        Assert.Equal("a1", agent.Text("agentId"));
        Assert.Equal("Ada", agent.Text("displayName"));
        Assert.Equal("sales", agent.Text("group"));
        Assert.Equal("Offline", agent.Text("state"));
        Assert.Equal(state.Time("since"), agent.Time("since"));
        Assert.Null(agent.TextOrNull("reasonCode"));
        Assert.Equal("working-offline", agent.Text("icon"));
        Assert.Equal(state.Number("version"), agent.Number("version"));

        // Read live: a change of state or group shows at once.
        await tenant.SetStateAsync("a1", "Available");
        using (var patch = await admin.SendJsonAsync(HttpMethod.Patch, "/v1/agents/a1", """{"group":"support"}"""))
        {
            Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
        }

        Assert.Empty((await admin.GetOkJsonAsync(Url + "?group=sales")).Items());
        var moved = Assert.Single((await admin.GetOkJsonAsync(Url + "?group=support")).Items())!;
        Assert.Equal(("Available", "available"), (moved.Text("state"), moved.Text("icon")));
    }

    [Fact]
    public async Task Icons_follow_the_state_and_the_media_of_the_work()
    {
        var tenant = await factory.CreateCallCenterAsync("support", codeRequired: true, "busy", "wrap");
        await tenant.CreateQueueAsync("mail", """{"id":"mail","name":"Mail","media":"email"}""");
        foreach (var (agentId, state) in new[] { ("avail", "Available"), ("off", "Offline"), ("brk", "Break"), ("out", "LoggedOut"), ("mailer", "Available") })
        {
            await tenant.CreateAgentAsync(agentId);
            await tenant.SetStateAsync(agentId, state);
        }

        using var admin = tenant.Admin();
        await tenant.SetStateAsync("wrap", "Offline"); // the first call goes to "busy"
        var first = (await admin.CreateInteractionAsync(InteractionTestExtensions.Inbound("support"))).Text("id");
        await admin.WaitForOfferAsync(first, "busy");
        await admin.ActAsAsync("busy", first, "accept");
        await tenant.SetStateAsync("wrap", "Available");
        var second = (await admin.CreateInteractionAsync(InteractionTestExtensions.Inbound("support"))).Text("id");
        await admin.WaitForOfferAsync(second, "wrap");
        await admin.ActAsAsync("wrap", second, "accept");
        await admin.ActAsAsync("wrap", second, "end");

        // An email comes in through a mailbox of the mail queue, as a mail gateway delivers it.
        Assert.Equal(HttpStatusCode.Created, await tenant.PutMemberAsync("mail", "mailer"));
        using (var mailbox = await admin.SendJsonAsync(HttpMethod.Put, "/v1/email/mailboxes/info", """{"address":"info@acme.example","queueId":"mail","displayName":"Acme"}"""))
        {
            Assert.Equal(HttpStatusCode.Created, mailbox.StatusCode);
        }

        var raw = new ByteArrayContent("From: ada@example.com\r\nTo: info@acme.example\r\nMessage-ID: <e1@example.com>\r\nSubject: Ciao\r\n\r\nCiao\r\n"u8.ToArray());
        raw.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("message/rfc822");
        using var delivered = await admin.PostAsync("/v1/email/inbound", raw, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, delivered.StatusCode);
        var email = (await delivered.ReadJsonAsync()).Text("interactionId");
        await admin.WaitForOfferAsync(email, "mailer");
        await admin.ActAsAsync("mailer", email, "accept");

        var page = await admin.WaitForJsonAsync(Url, p => Icon(p, "mailer") == "reading-email" && Icon(p, "wrap") == "wrap-up" && Icon(p, "busy") == "busy", "every icon");

        Assert.Equal(
            [("avail", "available"), ("brk", "on-break"), ("busy", "busy"), ("mailer", "reading-email"), ("off", "working-offline"), ("out", "logged-out"), ("wrap", "wrap-up")],
            page.Items().Select(a => (a!.Text("agentId"), a!.Text("icon"))));
        Assert.Equal("Busy", page.Items().Single(a => a!.Text("agentId") == "mailer")!.Text("state"));
    }

    [Fact]
    public async Task Pages_follow_the_cursor_within_the_group()
    {
        var tenant = await factory.CreateTenantAsync();
        foreach (var id in new[] { "a5", "a2", "x1", "a4", "a1", "a3" })
        {
            await tenant.CreateAgentAsync(id, group: id == "x1" ? "other" : "sales");
        }

        using var a1 = factory.ClientWith((await tenant.IssueKeyAsync("agent", "a1")).Key);
        var first = await a1.GetOkJsonAsync(Url + "?limit=2");

        Assert.Equal(["a1", "a2"], first.Items().Ids("agentId"));
        Assert.NotNull(first.TextOrNull("nextCursor"));
        Assert.Equal(["a1", "a2", "a3", "a4", "a5"], (await a1.ReadAllPagesAsync(Url, 2)).Select(a => a.Text("agentId")));
        using var admin = tenant.Admin();
        Assert.Equal(["a1", "a2", "a3", "a4", "a5", "x1"], (await admin.ReadAllPagesAsync(Url, 4)).Select(a => a.Text("agentId")));
    }

    [Theory]
    [InlineData("?group=no%20spaces", "group")]
    [InlineData("?group=", "group")]
    [InlineData("?limit=0", "limit")]
    [InlineData("?limit=201", "limit")]
    [InlineData("?cursor=bm90LW91cnM", "cursor")]
    public async Task Bad_query_parameters_are_400_with_the_field(string query, string field)
    {
        var tenant = await GroupsAsync();
        using var s1 = factory.ClientWith((await tenant.IssueKeyAsync("agent", "s1")).Key);
        using var admin = tenant.Admin();

        foreach (var client in new[] { s1, admin })
        {
            using var response = await client.GetResponseAsync(Url + query);
            Problem.AssertFields(await Problem.AssertAsync(response, HttpStatusCode.BadRequest), field);
        }
    }

    [Fact]
    public async Task A_queue_cursor_is_not_an_agent_cursor()
    {
        var tenant = await factory.CreateTenantAsync();
        foreach (var id in new[] { "q1", "q2" })
        {
            await tenant.CreateQueueAsync(id);
        }

        using var admin = tenant.Admin();
        var cursor = (await admin.GetOkJsonAsync("/v1/directory/queues?limit=1")).Text("nextCursor");

        using var response = await admin.GetResponseAsync($"{Url}?cursor={Uri.EscapeDataString(cursor)}");

        Problem.AssertFields(await Problem.AssertAsync(response, HttpStatusCode.BadRequest), "cursor");
    }

    /// <summary>s1, s2 in sales; u1 in support; n1, n2 in no group.</summary>
    private async Task<TestTenant> GroupsAsync()
    {
        var tenant = await factory.CreateTenantAsync();
        foreach (var (id, group) in new[] { ("s2", "sales"), ("u1", "support"), ("n1", null), ("s1", "sales"), ("n2", (string?)null) })
        {
            await tenant.CreateAgentAsync(id, "Agent " + id, group);
        }

        return tenant;
    }

    private static string? Icon(System.Text.Json.Nodes.JsonNode page, string agentId) =>
        page.Items().SingleOrDefault(a => a!.Text("agentId") == agentId)?.Text("icon");
}
