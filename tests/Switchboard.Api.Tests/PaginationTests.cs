using System.Net;
using Switchboard.Api.Tests.Support;

namespace Switchboard.Api.Tests;

/// <summary>Cursor pagination of the agent list and the state history.</summary>
public sealed class PaginationTests(SwitchboardApiFactory factory)
{
    [Fact]
    public async Task Agent_list_pages_through_every_agent_in_id_order()
    {
        var tenant = await factory.CreateTenantAsync();
        string[] ids = ["a5", "a2", "a7", "a1", "a4", "a6", "a3"];
        foreach (var id in ids)
        {
            await tenant.CreateAgentAsync(id, "Agent " + id);
        }

        using var admin = tenant.Admin();
        var seen = new List<string>();
        var sizes = new List<int>();
        string? cursor = null;
        do
        {
            var url = cursor is null ? "/v1/agents?limit=3" : $"/v1/agents?limit=3&cursor={Uri.EscapeDataString(cursor)}";
            var page = await admin.GetOkJsonAsync(url);
            var items = page.Items();
            sizes.Add(items.Count);
            seen.AddRange(items.Select(i => i!.Text("id")));
            Assert.All(items, i => Assert.Equal("Agent " + i!.Text("id"), i!.Text("displayName")));
            cursor = page.TextOrNull("nextCursor");
            Assert.True(sizes.Count <= 3, "more pages than agents allow");
        }
        while (cursor is not null);

        Assert.Equal([3, 3, 1], sizes);
        Assert.Equal(ids.Order(StringComparer.Ordinal), seen);
    }

    [Fact]
    public async Task Exactly_full_last_page_has_no_next_cursor_and_default_limit_returns_all()
    {
        var tenant = await factory.CreateTenantAsync();
        foreach (var id in new[] { "b", "a", "c" })
        {
            await tenant.CreateAgentAsync(id);
        }

        using var admin = tenant.Admin();
        var first = await admin.GetOkJsonAsync("/v1/agents?limit=2");
        Assert.Equal(["a", "b"], first.Items().Select(i => i!.Text("id")));
        var second = await admin.GetOkJsonAsync($"/v1/agents?limit=2&cursor={Uri.EscapeDataString(first.Text("nextCursor"))}");
        Assert.Equal(["c"], second.Items().Select(i => i!.Text("id")));
        Assert.Null(second.TextOrNull("nextCursor"));

        var all = await admin.GetOkJsonAsync("/v1/agents?limit=3");
        Assert.Equal(3, all.Items().Count);
        Assert.Null(all.TextOrNull("nextCursor"));
        Assert.Equal(3, (await admin.GetOkJsonAsync("/v1/agents")).Items().Count);
    }

    [Fact]
    public async Task State_history_pages_newest_first_two_at_a_time()
    {
        var tenant = await factory.CreateTenantAsync();
        await tenant.CreateAgentAsync("a1");
        string[] states = ["Available", "Offline", "Break", "Available", "LoggedOut"];
        foreach (var state in states)
        {
            await tenant.SetStateAsync("a1", state);
        }

        using var admin = tenant.Admin();
        var sequences = new List<long>();
        var targets = new List<string>();
        var sizes = new List<int>();
        string? cursor = null;
        do
        {
            var url = cursor is null ? "/v1/agents/a1/state-history?limit=2" : $"/v1/agents/a1/state-history?limit=2&cursor={Uri.EscapeDataString(cursor)}";
            var page = await admin.GetOkJsonAsync(url);
            var items = page.Items();
            sizes.Add(items.Count);
            sequences.AddRange(items.Select(i => i!.Number("sequence")));
            targets.AddRange(items.Select(i => i!.Text("to")));
            cursor = page.TextOrNull("nextCursor");
            Assert.True(sizes.Count <= 3, "more pages than entries allow");
        }
        while (cursor is not null);

        Assert.Equal([2, 2, 1], sizes);
        Assert.Equal([5L, 4, 3, 2, 1], sequences);
        Assert.Equal(states.Reverse(), targets);
    }

    [Fact]
    public async Task Cursor_of_one_list_is_refused_by_another()
    {
        var tenant = await factory.CreateTenantAsync();
        foreach (var id in new[] { "a1", "a2" })
        {
            await tenant.CreateAgentAsync(id);
            await tenant.SetStateAsync(id, "Available");
            await tenant.SetStateAsync(id, "Offline");
        }

        using var admin = tenant.Admin();
        var agentCursor = (await admin.GetOkJsonAsync("/v1/agents?limit=1")).Text("nextCursor");
        var historyCursor = (await admin.GetOkJsonAsync("/v1/agents/a1/state-history?limit=1")).Text("nextCursor");

        using var historyWithAgentCursor = await admin.GetResponseAsync($"/v1/agents/a1/state-history?cursor={Uri.EscapeDataString(agentCursor)}");
        Problem.AssertFields(await Problem.AssertAsync(historyWithAgentCursor, HttpStatusCode.BadRequest), "cursor");
        using var agentsWithHistoryCursor = await admin.GetResponseAsync($"/v1/agents?cursor={Uri.EscapeDataString(historyCursor)}");
        Problem.AssertFields(await Problem.AssertAsync(agentsWithHistoryCursor, HttpStatusCode.BadRequest), "cursor");
    }
}
