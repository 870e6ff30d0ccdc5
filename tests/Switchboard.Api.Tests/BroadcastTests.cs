using System.Net;
using System.Text.Json.Nodes;
using Switchboard.Api.Tests.Support;

namespace Switchboard.Api.Tests;

/// <summary>Broadcasts: audiences resolved to exactly the right agents, agents' alerts, read receipts, lists.</summary>
public sealed class BroadcastTests(SwitchboardApiFactory factory)
{
    /// <summary>a1, a2 in group sales; a3 in support; a4 in no group; queue q with members a2 and a3.</summary>
    private async Task<TestTenant> TeamAsync()
    {
        var tenant = await factory.CreateTenantAsync();
        await tenant.CreateAgentAsync("a1", group: "sales");
        await tenant.CreateAgentAsync("a2", group: "sales");
        await tenant.CreateAgentAsync("a3", group: "support");
        await tenant.CreateAgentAsync("a4");
        await tenant.CreateQueueAsync("q");
        Assert.Equal(HttpStatusCode.Created, await tenant.PutMemberAsync("q", "a2"));
        Assert.Equal(HttpStatusCode.Created, await tenant.PutMemberAsync("q", "a3"));
        return tenant;
    }

    [Theory]
    [InlineData("""{"all":true}""", new[] { "a1", "a2", "a3", "a4" })]
    [InlineData("""{"group":"sales"}""", new[] { "a1", "a2" })]
    [InlineData("""{"queueId":"q"}""", new[] { "a2", "a3" })]
    [InlineData("""{"group":"nobody"}""", new string[0])]
    public async Task The_audience_is_resolved_to_exactly_its_agents_and_only_they_get_the_alert(string audience, string[] expected)
    {
        var tenant = await TeamAsync();
        using var admin = tenant.Admin();

        var sent = await admin.BroadcastAsync($$"""{"text":"Team meeting at 15:00","audience":{{audience}}}""");

        Assert.Equal(expected, sent.RecipientIds());
        Assert.Equal(expected.Length, sent.Number("recipientCount"));
        Assert.Equal(expected.Length, sent.Number("deliveredCount"));
        Assert.Equal(0, sent.Number("readCount"));
        foreach (var agentId in new[] { "a1", "a2", "a3", "a4" })
        {
            var alerts = await admin.AlertIdsAsync(agentId);
            Assert.Equal(expected.Contains(agentId) ? [sent.Text("id")] : [], alerts);
        }
    }

    [Fact]
    public async Task A_broadcast_shows_its_text_audience_sender_times_and_recipients()
    {
        var tenant = await TeamAsync();
        var (supervisorKeyId, supervisorKey) = await tenant.IssueKeyAsync("supervisor");
        using var supervisor = factory.ClientWith(supervisorKey);
        var before = factory.Clock.GetUtcNow();
        var expires = before.AddDays(30);

        var sent = await supervisor.BroadcastAsync($$"""{"text":"Line one\nLine two","audience":{"group":"sales"},"expiresAt":"{{expires:O}}"}""");

        Assert.StartsWith("b_", sent.Text("id"), StringComparison.Ordinal);
        Assert.Equal("Line one\nLine two", sent.Text("text"));
        Assert.Equal("""{"all":false,"group":"sales","queueId":null,"agentId":null,"admins":false}""", sent["audience"]!.ToJsonString());
        Assert.Equal(supervisorKeyId, sent.Text("sentBy"));
        Assert.True(sent.Time("sentAt") >= before);
        Assert.Equal(expires, sent.Time("expiresAt"));
        Assert.All(sent["recipients"]!.AsArray(), r => Assert.Equal(
            JsonNode.Parse($$"""{"agentId":"{{r!.Text("agentId")}}","delivered":true,"read":false,"readAt":null}""")!.ToJsonString(), r!.ToJsonString()));
        var read = await supervisor.GetOkJsonAsync($"/v1/broadcasts/{sent.Text("id")}");
        Assert.Equal(sent.ToJsonString(), read.ToJsonString());
    }

    [Fact]
    public async Task Agents_see_their_alerts_newest_first_and_read_receipts_reach_the_sender()
    {
        var tenant = await TeamAsync();
        var (_, a1Key) = await tenant.IssueKeyAsync("agent", "a1");
        using var admin = tenant.Admin();
        using var a1 = factory.ClientWith(a1Key);
        var first = (await admin.BroadcastAsync("""{"text":"First","audience":{"all":true}}""")).Text("id");
        var second = (await admin.BroadcastAsync("""{"text":"Second","audience":{"group":"sales"}}""")).Text("id");

        var alerts = await a1.GetOkJsonAsync("/v1/agents/a1/alerts");
        Assert.Equal([second, first], alerts.Items().Select(a => a!.Text("id")));
        Assert.All(alerts.Items(), a => Assert.False(a!["read"]!.GetValue<bool>()));

        using var response = await a1.SendJsonAsync(HttpMethod.Post, $"/v1/agents/a1/alerts/{first}/read", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var marked = await response.ReadJsonAsync();
        Assert.True(marked["read"]!.GetValue<bool>());
        var readAt = marked.Time("readAt");

        using var again = await a1.SendJsonAsync(HttpMethod.Post, $"/v1/agents/a1/alerts/{first}/read", null);
        Assert.Equal(readAt, (await again.ReadJsonAsync()).Time("readAt"));

        var broadcast = await admin.WaitForBroadcastAsync(first, b => b.Number("readCount") == 1, "read by a1");
        var receipts = broadcast["recipients"]!.AsArray().ToDictionary(r => r!.Text("agentId"), r => r!.TextOrNull("readAt"));
        Assert.Equal(readAt, DateTimeOffset.Parse(receipts["a1"]!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.All(receipts.Where(r => r.Key != "a1"), r => Assert.Null(r.Value));

        var listed = await a1.GetOkJsonAsync("/v1/agents/a1/alerts");
        Assert.Equal([false, true], listed.Items().Select(a => a!["read"]!.GetValue<bool>()));
        var summary = (await admin.GetOkJsonAsync("/v1/broadcasts")).Items().Single(b => b!.Text("id") == first)!;
        Assert.Equal(1, summary.Number("readCount"));
    }

    [Fact]
    public async Task Broadcasts_are_listed_newest_first_a_page_at_a_time()
    {
        var tenant = await factory.CreateTenantAsync();
        await tenant.CreateAgentAsync("a1");
        using var admin = tenant.Admin();
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await admin.BroadcastAsync($$$"""{"text":"Message {{{i}}}","audience":{"all":true}}""")).Text("id"));
        }

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await admin.GetOkJsonAsync("/v1/broadcasts?limit=2" + (cursor is null ? "" : "&cursor=" + cursor));
            Assert.True(page.Items().Count <= 2);
            Assert.All(page.Items(), b => Assert.Null(b!["recipients"]));
            seen.AddRange(page.Items().Select(b => b!.Text("id")));
            cursor = page.TextOrNull("nextCursor");
        }
        while (cursor is not null);

        ids.Reverse();
        Assert.Equal(ids, seen);
    }

    [Fact]
    public async Task A_retry_with_the_same_idempotency_key_sends_nothing_twice()
    {
        var tenant = await TeamAsync();
        using var admin = tenant.Admin();
        const string body = """{"text":"Once","audience":{"group":"sales"}}""";

        using var first = await admin.SendJsonAsync(HttpMethod.Post, "/v1/broadcasts", body, r => r.Headers.Add("Idempotency-Key", "send-1"));
        using var second = await admin.SendJsonAsync(HttpMethod.Post, "/v1/broadcasts", body, r => r.Headers.Add("Idempotency-Key", "send-1"));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal((await first.ReadJsonAsync()).Text("id"), (await second.ReadJsonAsync()).Text("id"));
        Assert.Single(await admin.AlertIdsAsync("a1"));
        Assert.Single((await admin.GetOkJsonAsync("/v1/broadcasts")).Items());
    }
}
