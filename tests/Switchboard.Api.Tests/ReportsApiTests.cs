using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Switchboard.Api.Reports;
using Switchboard.Api.Tests.Support;

namespace Switchboard.Api.Tests;

/// <summary>Tenant settings, queue figures from the event history, and the historical queue report as JSON and CSV.</summary>
public sealed class ReportsApiTests(SwitchboardApiFactory factory)
{
    private static readonly TimeZoneInfo Rome = TimeZoneInfo.FindSystemTimeZoneById("Europe/Rome");

    private DateTimeOffset Now => factory.Clock.GetUtcNow();

    /// <summary>Today's date in <paramref name="zone"/> (the factory's clock), as a report's from.</summary>
    private string Today(TimeZoneInfo zone) => Date(TimeZoneInfo.ConvertTime(Now, zone));

    private string Tomorrow(TimeZoneInfo zone) => Date(TimeZoneInfo.ConvertTime(Now, zone).AddDays(1));

    private static string Date(DateTimeOffset local) => local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Time(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_time_zone_is_UTC_until_an_admin_sets_an_IANA_zone()
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = tenant.Admin();
        Assert.Equal("UTC", (await admin.GetOkJsonAsync("/v1/settings")).Text("timeZone"));

        foreach (var bad in new[] { "\"Mars/Olympus\"", "\"europe/rome\"", "\"+01:00\"", "\"../../etc/passwd\"", "null" })
        {
            using var refused = await admin.SendJsonAsync(HttpMethod.Put, "/v1/settings", $$"""{"timeZone":{{bad}}}""");
            var problem = await Problem.AssertAsync(refused, HttpStatusCode.UnprocessableEntity);
            Assert.True(problem["errors"]?["timeZone"] is not null, $"{bad}: {problem.ToJsonString()}");
        }

        using var wrongType = await admin.SendJsonAsync(HttpMethod.Put, "/v1/settings", """{"timeZone":42}""");
        Assert.Contains("timeZone", (await Problem.AssertAsync(wrongType, HttpStatusCode.BadRequest)).Text("detail"), StringComparison.Ordinal);

        var (_, supervisorKey) = await tenant.IssueKeyAsync("supervisor");
        using var supervisor = factory.ClientWith(supervisorKey);
        using var forbidden = await supervisor.SendJsonAsync(HttpMethod.Put, "/v1/settings", """{"timeZone":"Europe/Rome"}""");
        await Problem.AssertAsync(forbidden, HttpStatusCode.Forbidden);
        Assert.Equal("UTC", (await supervisor.GetOkJsonAsync("/v1/settings")).Text("timeZone"));

        using var set = await admin.SendJsonAsync(HttpMethod.Put, "/v1/settings", """{"timeZone":"Europe/Rome"}""");
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal("Europe/Rome", (await admin.GetOkJsonAsync("/v1/settings")).Text("timeZone"));
    }

    [Fact]
    public async Task Queue_stats_count_today_in_the_tenants_zone_and_the_last_30_minutes()
    {
        var tenant = await factory.CreateCallCenterAsync("support", codeRequired: false, "a1");
        using var admin = tenant.Admin();
        await SetZone(admin, "Europe/Rome");
        await AnsweredCall(admin);

        var stats = await admin.GetOkJsonAsync("/v1/queues/support/stats");
        for (var i = 0; i < 500 && stats.Text("timeZone") != "Europe/Rome"; i++)
        {
            await Task.Delay(10, TestContext.Current.CancellationToken); // the queue's figures hear of the new zone one way
            stats = await admin.GetOkJsonAsync("/v1/queues/support/stats");
        }

        Assert.Equal("Europe/Rome", stats.Text("timeZone"));
        var today = stats["today"]!;
        Assert.Equal(Time(new DateTimeOffset(TimeZoneInfo.ConvertTime(Now, Rome).Date, Rome.GetUtcOffset(TimeZoneInfo.ConvertTime(Now, Rome).Date))), today.Text("day"));
        Assert.Equal((1, 1, 0, 0, 0), (today.Number("offered"), today.Number("answered"), today.Number("abandoned"), today.Number("shortAbandoned"), today.Number("handled")));
        Assert.Equal((20, 5), (today.Number("serviceLevelSeconds"), today.Number("abandonThresholdSeconds")));
        var last = stats["lastThirtyMinutes"]!;
        Assert.Equal((1, 1, 1), (last.Number("offered"), last.Number("answered"), last.Number("answeredWithinServiceLevel")));
        Assert.Equal(100, last["serviceLevelPercent"]!.GetValue<double>());
        var length = DateTimeOffset.Parse(last.Text("to"), CultureInfo.InvariantCulture) - DateTimeOffset.Parse(last.Text("from"), CultureInfo.InvariantCulture);
        Assert.InRange(length, TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(30) + TimeSpan.FromSeconds(1)); // from the second 30 minutes before
    }

    [Fact]
    public async Task The_queue_report_lists_every_hour_of_the_day_in_the_tenants_zone_with_the_calls_in_their_hour()
    {
        var tenant = await factory.CreateCallCenterAsync("support", codeRequired: false, "a1");
        using var admin = tenant.Admin();
        await SetZone(admin, "Europe/Rome");
        await AnsweredCall(admin);

        var report = await admin.GetOkJsonAsync($"/v1/reports/queues?from={Today(Rome)}&to={Tomorrow(Rome)}&interval=1h&queueId=support");

        var hours = (int)(DateTimeOffset.Parse(report.Text("to"), CultureInfo.InvariantCulture) - DateTimeOffset.Parse(report.Text("from"), CultureInfo.InvariantCulture)).TotalHours;
        Assert.Equal(("Europe/Rome", "1h", hours), (report.Text("timeZone"), report.Text("interval"), (int)report.Number("totalRows")));
        Assert.EndsWith("T00:00:00" + Time(TimeZoneInfo.ConvertTime(Now, Rome))[19..], report.Text("from"), StringComparison.Ordinal);
        var rows = report["items"]!.AsArray();
        Assert.Equal(hours, rows.Count);
        Assert.Null(report["nextCursor"]);
        var busy = Assert.Single(rows, r => r!.Number("offered") > 0)!;
        var local = TimeZoneInfo.ConvertTime(Now, Rome);
        var hour = new DateTimeOffset(local.Year, local.Month, local.Day, local.Hour, 0, 0, local.Offset);
        Assert.Equal(("support", Time(hour), Time(hour.AddHours(1))), (busy.Text("queueId"), busy.Text("from"), busy.Text("to")));
        Assert.Equal((1, 1), (busy.Number("answered"), busy.Number("answeredWithinServiceLevel")));
        Assert.All(rows.Where(r => r != busy), r => Assert.Equal(0, r!.Number("offered")));

        var everyQueue = await admin.GetOkJsonAsync($"/v1/reports/queues?from={Today(Rome)}&to={Tomorrow(Rome)}&interval=1d");
        var day = Assert.Single(everyQueue["items"]!.AsArray())!;
        Assert.Equal(("support", 1), (day.Text("queueId"), day.Number("answered")));
    }

    [Fact]
    public async Task A_day_the_clocks_go_back_has_25_hourly_rows_and_the_repeated_hour_twice()
    {
        var tenant = await factory.CreateCallCenterAsync("support", codeRequired: false, "a1");
        using var admin = tenant.Admin();
        await SetZone(admin, "Europe/Rome");

        var report = await admin.GetOkJsonAsync("/v1/reports/queues?from=2026-10-25&to=2026-10-26&interval=1h&queueId=support");

        var starts = report["items"]!.AsArray().Select(r => r!.Text("from")).ToList();
        Assert.Equal(25, starts.Count);
        Assert.Equal(["2026-10-25T01:00:00+02:00", "2026-10-25T02:00:00+02:00", "2026-10-25T02:00:00+01:00", "2026-10-25T03:00:00+01:00"], starts.Skip(1).Take(4));
        var spring = await admin.GetOkJsonAsync("/v1/reports/queues?from=2026-03-29&to=2026-03-30&interval=1d&queueId=support");
        var day = Assert.Single(spring["items"]!.AsArray())!;
        Assert.Equal(("2026-03-29T00:00:00+01:00", "2026-03-30T00:00:00+02:00"), (day.Text("from"), day.Text("to")));
    }

    [Fact]
    public async Task Csv_gives_the_same_rows_with_a_header_and_pages_follow_the_link()
    {
        var tenant = await factory.CreateCallCenterAsync("support", codeRequired: false, "a1");
        using var admin = tenant.Admin();
        await AnsweredCall(admin);
        var url = $"/v1/reports/queues?from={Today(TimeZoneInfo.Utc)}&to={Tomorrow(TimeZoneInfo.Utc)}&interval=15m&queueId=support&limit=40";

        var json = await admin.GetOkJsonAsync(url);
        using var csv = await admin.SendAsync(HttpMethod.Get, url, null, r => r.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv")));

        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Split("\r\n");
        Assert.Equal(QueueReportRowResponse.CsvHeader, lines[0]);
        Assert.Equal(42, lines.Length); // header, 40 rows, and the empty string after the last line break
        Assert.Equal("", lines[^1]);
        var firstRow = json["items"]![0]!;
        Assert.Equal($"support,{firstRow.Text("from")},{firstRow.Text("to")},20,5,0,0,0,0,0,0,0,,,,,", lines[1]);
        Assert.Equal(96, json.Number("totalRows"));

        var seen = new List<string>();
        string? next = url;
        while (next is not null)
        {
            using var page = await admin.GetResponseAsync(next);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var body = await page.ReadJsonAsync();
            seen.AddRange(body["items"]!.AsArray().Select(r => r!.Text("from")));
            var link = page.Headers.TryGetValues("Link", out var values) ? values.Single() : null;
            Assert.Equal(body["nextCursor"] is null, link is null);
            next = link is null ? null : link[1..link.IndexOf('>', StringComparison.Ordinal)];
        }

        Assert.Equal(96, seen.Count);
        Assert.Equal(seen.Count, seen.Distinct().Count());
        var quarter = new DateTimeOffset(Now.Year, Now.Month, Now.Day, Now.Hour, Now.Minute / 15 * 15, 0, TimeSpan.Zero);
        Assert.Contains(Time(quarter), seen); // the call's quarter hour, in UTC: the tenant keeps the default zone
    }

    [Theory]
    [InlineData("to=2026-11-26", "from")]
    [InlineData("from=2026-11-25", "to")]
    [InlineData("from=2026-11-26&to=2026-11-25", "to")]
    [InlineData("from=2026-11-25T10:00:00&to=2026-11-26", "from")] // an instant needs its offset
    [InlineData("from=25/11/2026&to=2026-11-26", "from")]
    [InlineData("from=2026-11-25&to=2026-11-26&interval=5m", "interval")]
    [InlineData("from=2026-01-01&to=2026-12-01&interval=15m", "to")]
    [InlineData("from=2026-11-25&to=2026-11-26&queueId=no%20such", "queueId")]
    [InlineData("from=2026-11-25&to=2026-11-26&limit=0", "limit")]
    [InlineData("from=2026-11-25&to=2026-11-26&limit=5001", "limit")]
    [InlineData("from=2026-11-25&to=2026-11-26&cursor=bm9wZQ", "cursor")]
    [InlineData("from=2026-11-25&to=2026-11-26&cursor=cXVldWUtcmVwb3J0OjA6MQ", "cursor")] // a report as of year 1: no cursor lasts that long
    [InlineData("from=2026-11-25&to=2026-11-26&cursor=cXVldWUtcmVwb3J0OjA6OTk5OTk5OTk5OTk5OTk5OTk5", "cursor")] // as of the year 3169
    [InlineData("from=2026-11-25&to=2026-11-26&cursor=cXVldWUtcmVwb3J0OjA6YWJj", "cursor")]
    [InlineData("from=0001-01-01&to=2026-11-26", "from")]
    [InlineData("from=2026-11-25&to=9999-12-31", "to")]
    [InlineData("from=2025-01-01&to=2026-11-26&interval=1d", "to")] // more than 400 days
    [InlineData("from=2026-01-01T00:30:00Z&to=2026-04-15T04:45:00Z&interval=15m", "to")] // 10,001 quarter hours
    public async Task A_report_query_that_is_not_right_is_a_400_naming_the_parameter(string query, string field)
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = tenant.Admin();

        using var response = await admin.GetResponseAsync("/v1/reports/queues?" + query);

        var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]?[field]);
    }

    [Fact]
    public async Task Agents_do_not_read_reports_integrations_and_supervisors_do()
    {
        var tenant = await factory.CreateCallCenterAsync("support", codeRequired: false, "a1");
        var url = $"/v1/reports/queues?from={Today(TimeZoneInfo.Utc)}&to={Tomorrow(TimeZoneInfo.Utc)}&interval=1d";
        var (_, agentKey) = await tenant.IssueKeyAsync("agent", "a1");
        using var agent = factory.ClientWith(agentKey);
        using var forbidden = await agent.GetResponseAsync(url);
        await Problem.AssertAsync(forbidden, HttpStatusCode.Forbidden);
        using var anonymous = factory.ClientWith(null);
        using var unauthorized = await anonymous.GetResponseAsync(url);
        await Problem.AssertAsync(unauthorized, HttpStatusCode.Unauthorized);

        foreach (var role in new[] { "supervisor", "integration" })
        {
            var (_, key) = await tenant.IssueKeyAsync(role);
            using var reader = factory.ClientWith(key);
            Assert.Equal(0, (await reader.GetOkJsonAsync(url)).Number("totalRows")); // no activity yet: no queue's rows
        }
    }

    private static async Task SetZone(HttpClient admin, string zone)
    {
        using var set = await admin.SendJsonAsync(HttpMethod.Put, "/v1/settings", $$"""{"timeZone":"{{zone}}"}""");
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
    }

    /// <summary>A call to the queue, accepted by a1 at once (the factory's clock stands still).</summary>
    private static async Task AnsweredCall(HttpClient admin)
    {
        var id = (await admin.CreateInteractionAsync(InteractionTestExtensions.Inbound("support"))).Text("id");
        await admin.WaitForOfferAsync(id, "a1");
        await admin.ActAsAsync("a1", id, "accept");
    }
}
