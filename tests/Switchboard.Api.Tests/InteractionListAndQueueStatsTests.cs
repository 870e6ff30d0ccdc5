using System.Net;
using System.Text.Json.Nodes;
using Switchboard.Api.Tests.Support;

namespace Switchboard.Api.Tests;

/// <summary>GET /v1/interactions (filters, paging, who sees what), queue figures, and queues that still hold work.</summary>
public sealed class InteractionListAndQueueStatsTests(SwitchboardApiFactory factory)
{
    [Fact]
    public async Task Interactions_list_newest_first_and_page_through_with_the_cursor()
    {
        var tenant = await factory.CreateTenantAsync();
        await tenant.CreateQueueAsync("empty");
        using var admin = tenant.Admin();
        var created = new List<JsonNode>();
        for (var i = 0; i < 5; i++)
        {
            created.Add(await admin.CreateInteractionAsync(InteractionTestExtensions.Inbound("empty")));
        }

        var expected = created
            .OrderByDescending(c => c.Time("createdAt"))
            .ThenByDescending(c => c.Text("id"), StringComparer.Ordinal)
            .Select(c => c.Text("id"))
            .ToList();
        var window = Window(created);

        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await admin.GetOkJsonAsync($"/v1/interactions?limit=2{window}{(cursor is null ? "" : "&cursor=" + cursor)}");
            Assert.True(page.Items().Count <= 2);
            seen.AddRange(page.Items().Select(item => item!.Text("id")));
            cursor = page.TextOrNull("nextCursor");
            pages++;
        }
        while (cursor is not null && pages < 10);

        Assert.Equal(expected, seen);
        var first = (await admin.GetOkJsonAsync($"/v1/interactions?limit=1{window}")).Items()[0]!;
        Assert.Equal("Queued", first.Text("state"));
        Assert.Equal("empty", first.Text("queueId"));
        Assert.Equal("inbound", first.Text("direction"));
    }

    [Fact]
    public async Task Filters_select_by_state_queue_agent_and_direction()
    {
        var tenant = await factory.CreateCallCenterAsync("support", codeRequired: false, "a1");
        await tenant.CreateQueueAsync("empty");
        using var admin = tenant.Admin();
        var offered = await admin.CreateInteractionAsync(InteractionTestExtensions.Inbound("support"));
        await admin.WaitForOfferAsync(offered.Text("id"), "a1");
        var waiting = await admin.CreateInteractionAsync(InteractionTestExtensions.Inbound("empty"));
        var window = Window([offered, waiting]);

        async Task<List<string>> Ids(string query) =>
            [.. (await admin.GetOkJsonAsync($"/v1/interactions?{query}{window}")).Items().Select(i => i!.Text("id"))];

        Assert.Equal([waiting.Text("id")], await Ids("state=Queued"));
        Assert.Equal([offered.Text("id")], await Ids("state=Offered"));
        Assert.Equal([offered.Text("id")], await Ids("queueId=support"));
        Assert.Equal([offered.Text("id")], await Ids("agentId=a1"));
        Assert.Equal(2, (await Ids("direction=inbound&media=voice")).Count);
        Assert.Empty(await Ids("direction=outbound"));
        Assert.Equal("a1", (await admin.GetOkJsonAsync($"/v1/interactions?state=Offered{window}")).Items()[0]!.Text("offeredTo"));

        // An agent key sees only its own agent's interactions, and may not ask for another agent's.
        var (_, key) = await tenant.IssueKeyAsync("agent", "a1");
        using var agent = factory.ClientWith(key);
        var own = (await agent.GetOkJsonAsync($"/v1/interactions?{window[1..]}")).Items().Select(i => i!.Text("id")).ToList();
        Assert.Equal([offered.Text("id")], own);
        using var other = await agent.GetResponseAsync($"/v1/interactions?agentId=a2{window}");
        await Problem.AssertAsync(other, HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("state=queued", "state")]
    [InlineData("state=Nope", "state")]
    [InlineData("direction=Inbound", "direction")]
    [InlineData("media=fax", "media")]
    [InlineData("from=yesterday", "from")]
    [InlineData("from=2030-01-02T00:00:00Z&to=2030-01-01T00:00:00Z", "from")]
    [InlineData("from=2030-01-01T00:00:00Z&to=2030-03-01T00:00:00Z", "from")]
    [InlineData("limit=0", "limit")]
    [InlineData("cursor=bm90LW91cnM", "cursor")]
    [InlineData("queueId=bad%20id", "queueId")]
    [InlineData("to=0001-01-01T00:30:00Z", "to")]
    [InlineData("from=0001-01-01T00:00:00Z&to=0001-01-01T01:00:00Z", "from")]
    public async Task Bad_list_queries_are_400_naming_the_parameter(string query, string field)
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = tenant.Admin();

        using var response = await admin.GetResponseAsync("/v1/interactions?" + query);

        var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]?[field]);
    }

    [Fact]
    public async Task Queue_figures_count_offered_answered_and_members_by_state()
    {
        var tenant = await factory.CreateCallCenterAsync("support", codeRequired: false, "a1", "a2");
        using var admin = tenant.Admin();
        var id = (await admin.CreateInteractionAsync(InteractionTestExtensions.Inbound("support"))).Text("id");
        var offered = await admin.WaitForAsync(id, i => i.Text("state") == "Offered", "offered");
        await admin.ActAsAsync(offered["offer"]!.Text("agentId"), id, "accept");

        var stats = await admin.GetOkJsonAsync("/v1/queues/support/stats");

        Assert.Equal("support", stats.Text("queueId"));
        Assert.Equal(0, stats.Number("waiting"));
        Assert.Null(stats["longestWaitSeconds"]);
        Assert.Equal(1, stats["agents"]!.Number("busy"));
        Assert.Equal(1, stats["agents"]!.Number("available"));
        Assert.Equal(2, stats["agents"]!.Number("total"));
        Assert.Equal(1, stats["today"]!.Number("offered"));
        Assert.Equal(1, stats["today"]!.Number("answered"));
        Assert.Equal(0, stats["today"]!.Number("abandoned"));
        Assert.Equal(20, stats["today"]!.Number("serviceLevelSeconds"));
        Assert.Equal(100, stats["today"]!["serviceLevelPercent"]!.GetValue<double>());

        using var unknown = await admin.GetResponseAsync("/v1/queues/nope/stats");
        await Problem.AssertAsync(unknown, HttpStatusCode.NotFound);
        var (_, key) = await tenant.IssueKeyAsync("agent", "a1");
        using var agent = factory.ClientWith(key);
        using var forbidden = await agent.GetResponseAsync("/v1/queues/support/stats");
        await Problem.AssertAsync(forbidden, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_queue_with_waiting_work_cannot_be_deleted_and_nothing_is_dropped()
    {
        var tenant = await factory.CreateTenantAsync();
        await tenant.CreateQueueAsync("empty");
        using var admin = tenant.Admin();
        var id = (await admin.CreateInteractionAsync(InteractionTestExtensions.Inbound("empty"))).Text("id");

        using (var refused = await admin.DeleteResponseAsync("/v1/queues/empty"))
        {
            Assert.Contains("1 interaction", Problem.Detail(await Problem.AssertAsync(refused, HttpStatusCode.Conflict)), StringComparison.Ordinal);
        }

        Assert.Equal("Queued", (await admin.GetInteractionAsync(id)).Text("state"));
        await admin.ReportLegAsync(id, "L1", "ended");
        for (var i = 0; i < 200; i++)
        {
            if ((await admin.GetOkJsonAsync("/v1/queues/empty/stats")).Number("waiting") == 0)
            {
                break;
            }

            await Task.Delay(10, TestContext.Current.CancellationToken); // the withdrawal is one-way
        }

        using var deleted = await admin.DeleteResponseAsync("/v1/queues/empty");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
    }

    /// <summary>A from/to window around the creations, so that tests moving the shared clock elsewhere cannot hide them.</summary>
    private static string Window(IEnumerable<JsonNode> created)
    {
        var times = created.Select(c => c.Time("createdAt")).ToList();
        return $"&from={Uri.EscapeDataString(times.Min().AddMinutes(-1).ToString("O"))}&to={Uri.EscapeDataString(times.Max().AddMinutes(1).ToString("O"))}";
    }
}
