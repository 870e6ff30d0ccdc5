using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Switchboard.Api.Reports;
using Switchboard.Api.Tests.Support;

namespace Switchboard.Api.Tests;

/// <summary>An agent's figures from the event history, on the moving business clock: its own key reads them, supervisors read everyone's.</summary>
[Collection(ClockCollection.Name)]
public sealed class AgentStatsClockTests(SwitchboardApiFactory factory)
{
    [Fact]
    public async Task An_agent_reads_its_time_in_each_state_its_calls_and_its_occupancy_and_no_one_elses()
    {
        var tenant = await factory.CreateCallCenterAsync("support", codeRequired: true, "a1"); // the agent stays in WrapUp until it saves a code
        await tenant.CreateAgentAsync("a2");
        using var admin = tenant.Admin();
        var from = factory.Clock.GetUtcNow(); // a1 has just become Available
        factory.Clock.Advance(TimeSpan.FromMinutes(10));
        var id = (await admin.CreateInteractionAsync(InteractionTestExtensions.Inbound("support"))).Text("id");
        await admin.WaitForOfferAsync(id, "a1");
        factory.Clock.Advance(TimeSpan.FromSeconds(5));
        await admin.ActAsAsync("a1", id, "accept");
        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        await admin.ActAsAsync("a1", id, "end");
        factory.Clock.Advance(TimeSpan.FromSeconds(30));
        await admin.ActAsAsync("a1", id, "wrap-up", "\"transactionCodes\":[\"sale\"]");
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        var range = $"from={Uri.EscapeDataString(ReportRanges.Instant(from))}&to={Uri.EscapeDataString(ReportRanges.Instant(factory.Clock.GetUtcNow()))}";
        var (_, key) = await tenant.IssueKeyAsync("agent", "a1");
        using var agent = factory.ClientWith(key);

        var stats = await agent.GetOkJsonAsync("/v1/agents/a1/stats?" + range);

        Assert.Equal("a1", stats.Text("agentId"));
        Assert.Equal((665.0, 120.0, 30.0), (Seconds(stats, "availableSeconds"), Seconds(stats, "busySeconds"), Seconds(stats, "wrapUpSeconds"))); // 10 min + 5 s + 1 min available
        Assert.Equal((1, 1, 0), (stats.Number("answered"), stats.Number("handled"), stats.Number("transfers")));
        Assert.Equal(150, Seconds(stats, "averageHandleSeconds"));
        Assert.Equal(30, Seconds(stats, "averageWrapUpSeconds"));
        Assert.Equal(100.0 * 150 / 815, Seconds(stats, "occupancyPercent"), 9);
        var sale = Assert.Single(stats["transactionCodes"]!.AsArray())!;
        Assert.Equal(("sale", 1), (sale.Text("code"), sale.Number("count")));
        var voice = Assert.Single(stats["answeredByMedia"]!.AsArray())!;
        Assert.Equal(("voice", 1), (voice.Text("media"), voice.Number("count")));

        var today = await agent.GetOkJsonAsync("/v1/agents/a1/stats"); // since midnight (UTC, the tenant's default) until now
        Assert.Equal(1, today.Number("answered"));
        using var other = await agent.GetResponseAsync("/v1/agents/a2/stats");
        await Problem.AssertAsync(other, HttpStatusCode.Forbidden);
        using var missing = await admin.GetResponseAsync("/v1/agents/nobody/stats");
        await Problem.AssertAsync(missing, HttpStatusCode.NotFound);
        using var backwards = await admin.GetResponseAsync($"/v1/agents/a1/stats?from={Uri.EscapeDataString(ReportRanges.Instant(factory.Clock.GetUtcNow()))}&to={Uri.EscapeDataString(ReportRanges.Instant(from))}");
        Assert.NotNull((await Problem.AssertAsync(backwards, HttpStatusCode.BadRequest))["errors"]?["to"]);
        using var report = await agent.GetResponseAsync("/v1/reports/agents?" + range);
        await Problem.AssertAsync(report, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_agent_report_lists_a_groups_agents_per_period_as_json_or_csv()
    {
        var tenant = await factory.CreateTenantAsync();
        await tenant.CreateAgentAsync("g1", "One", "sales");
        await tenant.CreateAgentAsync("g2", "Two", "sales");
        await tenant.CreateAgentAsync("x1", "Other", "care");
        var start = factory.Clock.GetUtcNow();
        await tenant.SetStateAsync("g1", "Available");
        factory.Clock.Advance(TimeSpan.FromMinutes(20));
        await tenant.SetStateAsync("x1", "Available");
        factory.Clock.Advance(TimeSpan.FromMinutes(20));
        using var admin = tenant.Admin();
        var hour = new DateTimeOffset(start.Year, start.Month, start.Day, start.Hour, 0, 0, TimeSpan.Zero);
        var url = $"/v1/reports/agents?from={Uri.EscapeDataString(ReportRanges.Instant(hour))}&to={Uri.EscapeDataString(ReportRanges.Instant(hour.AddHours(1)))}&interval=15m&group=sales";

        var report = await admin.GetOkJsonAsync(url);

        var rows = report["items"]!.AsArray();
        Assert.Equal(8, rows.Count); // 4 quarter hours × 2 agents of the group
        Assert.Equal(["g1", "g2"], rows.Take(2).Select(r => r!.Text("agentId")));
        var g1 = rows.Where(r => r!.Text("agentId") == "g1").Sum(r => Seconds(r!, "availableSeconds"));
        Assert.Equal(Math.Min(2400, (hour.AddHours(1) - start).TotalSeconds), g1); // Available from the start, cut at the hour's end and at now
        Assert.All(rows.Where(r => r!.Text("agentId") == "g2"), r => Assert.Equal(0, Seconds(r!, "availableSeconds")));
        using var csv = await admin.SendAsync(HttpMethod.Get, url, null, r => r.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv")));
        var lines = (await csv.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Split("\r\n");
        Assert.Equal(AgentFiguresResponse.CsvHeader, lines[0]);
        Assert.Equal(10, lines.Length);
        Assert.StartsWith("g1,", lines[1], StringComparison.Ordinal);
    }

    private static double Seconds(System.Text.Json.Nodes.JsonNode node, string property) => node[property]!.GetValue<double>();
}
