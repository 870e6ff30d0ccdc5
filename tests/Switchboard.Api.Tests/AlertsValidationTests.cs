using System.Net;
using Switchboard.Api.Tests.Support;

namespace Switchboard.Api.Tests;

/// <summary>Bad broadcasts, alert and platform-change requests: a clear 4xx problem, and nothing changes.</summary>
public sealed class AlertsValidationTests(SwitchboardApiFactory factory)
{
    public static TheoryData<string, string[]> BadBroadcasts => new()
    {
        { """{"audience":{"all":true}}""", ["text"] },
        { """{"text":"","audience":{"all":true}}""", ["text"] },
        { """{"text":"   ","audience":{"all":true}}""", ["text"] },
        { $$$"""{"text":"{{{new string('x', 2001)}}}","audience":{"all":true}}""", ["text"] },
        { """{"text":"bell\u0007","audience":{"all":true}}""", ["text"] },
        { """{"text":"Hi"}""", ["audience"] },
        { """{"text":"Hi","audience":{}}""", ["audience"] },
        { """{"text":"Hi","audience":{"all":true,"group":"sales"}}""", ["audience"] },
        { """{"text":"Hi","audience":{"group":"sales","queueId":"q"}}""", ["audience"] },
        { """{"text":"Hi","audience":{"all":false}}""", ["audience.all"] },
        { """{"text":"Hi","audience":{"group":"no spaces"}}""", ["audience.group"] },
        { """{"text":"Hi","audience":{"queueId":"a/b"}}""", ["audience.queueId"] },
        { """{"text":"Hi","audience":{"queueId":"nope"}}""", ["audience.queueId"] },
        { """{"text":"Hi","audience":{"all":true},"expiresAt":"2020-01-01T00:00:00Z"}""", ["expiresAt"] },
        { """{"text":"Hi","audience":{"all":true},"expiresAt":"2999-01-01T00:00:00Z"}""", ["expiresAt"] },
        { """{"text":"","audience":null,"expiresAt":"2020-01-01T00:00:00Z"}""", ["text", "audience", "expiresAt"] },
    };

    [Theory]
    [MemberData(nameof(BadBroadcasts))]
    public async Task A_broadcast_that_breaks_a_rule_is_a_422_naming_the_fields_and_sends_nothing(string body, string[] fields)
    {
        var tenant = await factory.CreateTenantAsync();
        await tenant.CreateAgentAsync("a1", group: "sales");
        using var admin = tenant.Admin();

        using var response = await admin.SendJsonAsync(HttpMethod.Post, "/v1/broadcasts", body);

        Problem.AssertFields(await Problem.AssertAsync(response, HttpStatusCode.UnprocessableEntity), fields);
        Assert.Empty((await admin.GetOkJsonAsync("/v1/broadcasts")).Items());
        Assert.Empty(await admin.AlertIdsAsync("a1"));
    }

    [Theory]
    [InlineData("""{"text":"Hi","audience":{"all":"yes"}}""")]
    [InlineData("""{"text":42,"audience":{"all":true}}""")]
    [InlineData("""{"text":"Hi","audience":"all"}""")]
    [InlineData("""{"text":"Hi","audience":{"all":true},"expiresAt":"tomorrow"}""")]
    [InlineData("""{"text":"Hi",""")]
    [InlineData("")]
    public async Task A_malformed_broadcast_is_a_400_and_sends_nothing(string body)
    {
        var tenant = await factory.CreateTenantAsync();
        await tenant.CreateAgentAsync("a1");
        using var admin = tenant.Admin();

        using var response = await admin.SendJsonAsync(HttpMethod.Post, "/v1/broadcasts", body);

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest);
        Assert.Empty((await admin.GetOkJsonAsync("/v1/broadcasts")).Items());
        Assert.Empty(await admin.AlertIdsAsync("a1"));
    }

    [Fact]
    public async Task A_broadcast_too_large_is_a_413()
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = tenant.Admin();

        using var response = await admin.SendJsonAsync(HttpMethod.Post, "/v1/broadcasts", $$$"""{"text":"{{{new string('x', 70_000)}}}","audience":{"all":true}}""");

        await Problem.AssertAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Empty((await admin.GetOkJsonAsync("/v1/broadcasts")).Items());
    }

    [Theory]
    [InlineData("/v1/broadcasts/b_unknown", HttpStatusCode.NotFound)]
    [InlineData("/v1/broadcasts/bad%20id", HttpStatusCode.BadRequest)]
    [InlineData("/v1/broadcasts?limit=0", HttpStatusCode.BadRequest)]
    [InlineData("/v1/broadcasts?limit=201", HttpStatusCode.BadRequest)]
    [InlineData("/v1/broadcasts?cursor=bm9wZQ", HttpStatusCode.BadRequest)]
    [InlineData("/v1/agents/nobody/alerts", HttpStatusCode.NotFound)]
    [InlineData("/v1/agents/bad%20id/alerts", HttpStatusCode.BadRequest)]
    [InlineData("/v1/platform-changes/pc_unknown", HttpStatusCode.NotFound)]
    [InlineData("/v1/platform-changes/bad%20id", HttpStatusCode.BadRequest)]
    [InlineData("/v1/platform-changes?limit=-1", HttpStatusCode.BadRequest)]
    [InlineData("/v1/platform-changes?cursor=x", HttpStatusCode.BadRequest)]
    public async Task Bad_or_unknown_reads_are_problems(string url, HttpStatusCode status)
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = tenant.Admin();

        using var response = await admin.GetResponseAsync(url);

        await Problem.AssertAsync(response, status);
    }

    [Fact]
    public async Task Marking_an_alert_the_agent_does_not_have_is_a_404_and_changes_nothing()
    {
        var tenant = await factory.CreateTenantAsync();
        await tenant.CreateAgentAsync("a1");
        await tenant.CreateAgentAsync("a2", group: "other");
        using var admin = tenant.Admin();
        var id = (await admin.BroadcastAsync("""{"text":"Only for other","audience":{"group":"other"}}""")).Text("id");
        using var a1 = factory.ClientWith((await tenant.IssueKeyAsync("agent", "a1")).Key);

        await Problem.AssertAsync(await a1.SendJsonAsync(HttpMethod.Post, $"/v1/agents/a1/alerts/{id}/read", null), HttpStatusCode.NotFound);
        await Problem.AssertAsync(await a1.SendJsonAsync(HttpMethod.Post, "/v1/agents/a1/alerts/bad%20id/read", null), HttpStatusCode.BadRequest);

        Assert.Equal(0, (await admin.GetOkJsonAsync($"/v1/broadcasts/{id}")).Number("readCount"));
    }

    public static TheoryData<string, string[]> BadNotices => new()
    {
        { """{}""", ["message"] },
        { """{"message":""}""", ["message"] },
        { """{"message":"\u202E"}""", ["message"] },
        { $$"""{"message":"{{new string('x', 2001)}}"}""", ["message"] },
    };

    [Theory]
    [MemberData(nameof(BadNotices))]
    public async Task A_notice_that_breaks_a_rule_is_a_422_and_sends_nothing(string body, string[] fields)
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = tenant.Admin();
        var id = (await admin.CreateChangeAsync("First")).Text("id");

        Problem.AssertFields(await Problem.AssertAsync(await admin.SendJsonAsync(HttpMethod.Post, "/v1/platform-changes", body), HttpStatusCode.UnprocessableEntity), fields);
        Problem.AssertFields(await Problem.AssertAsync(await admin.SendJsonAsync(HttpMethod.Post, $"/v1/platform-changes/{id}/notices", body), HttpStatusCode.UnprocessableEntity), fields);

        Assert.Single((await admin.GetOkJsonAsync("/v1/platform-changes")).Items());
        Assert.Single((await admin.GetOkJsonAsync($"/v1/platform-changes/{id}"))["notices"]!.AsArray());
    }

    [Theory]
    [InlineData("""{"message":"x","final":"yes"}""")]
    [InlineData("""{"message":["x"]}""")]
    [InlineData("""{"message":"x""")]
    public async Task A_malformed_notice_is_a_400_and_sends_nothing(string body)
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = tenant.Admin();
        var id = (await admin.CreateChangeAsync("First")).Text("id");

        await Problem.AssertAsync(await admin.SendJsonAsync(HttpMethod.Post, "/v1/platform-changes", body), HttpStatusCode.BadRequest);
        await Problem.AssertAsync(await admin.SendJsonAsync(HttpMethod.Post, $"/v1/platform-changes/{id}/notices", body), HttpStatusCode.BadRequest);

        Assert.Single((await admin.GetOkJsonAsync("/v1/platform-changes")).Items());
        Assert.Single((await admin.GetOkJsonAsync($"/v1/platform-changes/{id}"))["notices"]!.AsArray());
    }

    [Fact]
    public async Task A_notice_for_an_unknown_change_is_a_404_and_creates_nothing()
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = tenant.Admin();

        await Problem.AssertAsync(await admin.NoticeAsync("pc_unknown", "Hello"), HttpStatusCode.NotFound);
        await Problem.AssertAsync(await admin.NoticeAsync("bad id!", "Hello"), HttpStatusCode.BadRequest);

        Assert.Empty((await admin.GetOkJsonAsync("/v1/platform-changes")).Items());
        await Problem.AssertAsync(await admin.GetResponseAsync("/v1/platform-changes/pc_unknown"), HttpStatusCode.NotFound);
    }
}
