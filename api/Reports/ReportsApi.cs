using System.Globalization;
using System.Text;
using Switchboard.Api.Auth;
using Switchboard.Api.OpenApi;
using Switchboard.Contracts.Reports;
using Switchboard.Contracts.Tenancy;
using Switchboard.Domain.Reports;
using Switchboard.Domain.Tenancy;

namespace Switchboard.Api.Reports;

/// <summary>
/// <c>/v1/reports</c> and <c>/v1/agents/{agentId}/stats</c>: figures computed from the tenant's event history, as JSON
/// or CSV.
/// </summary>
public static class ReportsApi
{
    private const string QueueCursor = "queue-report";
    private const string AgentCursor = "agent-report";

    /// <summary>Rows per page: more than other lists, since a report is read whole (often as CSV).</summary>
    public const int DefaultLimit = 500;

    public const int MaxLimit = 5_000;

    private const string RangeHelp =
        "from and to: each a date in the tenant's time zone (2026-11-01) or an instant with its offset (2026-11-01T08:00:00+01:00); to is " +
        "exclusive, and both are widened to whole periods. interval: 15m, 1h or 1d (default 1h), counted in the tenant's time zone " +
        "(PUT /v1/settings): on the days the clocks change a day has 23 or 25 hours and the repeated hour is two rows with different offsets. ";

    private const string PagingHelp =
        "Paged: limit 1-5000 (default 500), cursor from the previous page (also in a Link header). Accept: text/csv gives the page as CSV " +
        "(a header line, then one line per row).";

    public static RouteGroupBuilder MapReportsApi(this RouteGroupBuilder v1)
    {
        var reports = v1.MapGroup("/reports").WithTags("Reports");

        reports.MapGet("/queues", GetQueueReport)
            .RequireAuthorization(Policies.TenantReader)
            .WithName("GetQueueReport")
            .WithSummary("Report queue figures over time")
            .WithDescription("Figures per period and queue. " + RangeHelp + "Every period is listed for queueId, or for every queue with activity " +
                $"in the range. At most {ReportCalendar.MaxPeriods} periods. " + PagingHelp + " Admin, supervisor and integration keys.")
            .WithMetadata(new AlsoProducesText(StatusCodes.Status200OK, Csv.MediaType))
            .ProducesStandardProblems();

        reports.MapGet("/agents", GetAgentReport)
            .RequireAuthorization(Policies.TenantReader)
            .WithName("GetAgentReport")
            .WithSummary("Report agent figures over time")
            .WithDescription("Figures per period and agent: time in each state and status code, work answered by medium, handle, hold and wrap-up " +
                "time, occupancy, transaction codes, transfers, consults, chat messages and email replies written. " + RangeHelp + "Every period is listed for agentId, for every agent of " +
                $"group, or for every agent with activity in the range. At most {ReportCalendar.MaxPeriods} periods. " + PagingHelp +
                " Admin, supervisor and integration keys.")
            .WithMetadata(new AlsoProducesText(StatusCodes.Status200OK, Csv.MediaType))
            .ProducesStandardProblems();

        v1.MapGet("/agents/{agentId}/stats", GetAgentStats)
            .WithTags("Reports")
            .RequireAuthorization(Policies.AgentScope)
            .WithName("GetAgentStats")
            .WithSummary("Get an agent's figures")
            .WithDescription("The agent's figures over [from, to) as one period (default: since midnight in the tenant's time zone, until now). " +
                "from and to as in the reports. An agent key reads its own agent's only.")
            .ProducesStandardProblems(StatusCodes.Status404NotFound);

        return v1;
    }

    private static async Task<Results<Ok<QueueReportResponse>, ContentHttpResult, ProblemHttpResult>> GetQueueReport(
        [AsParameters] TenantContext tenant, string? from, string? to, string? interval, string? queueId, int? limit, string? cursor)
    {
        var errors = new ValidationErrors();
        errors.Check(queueId is null || Identifiers.IsValidId(queueId), "queueId", "queueId is not a queue id.");
        var request = await ReadRequest(tenant, from, to, interval, limit, cursor, QueueCursor, errors);
        if (request.Problem is { } problem)
        {
            return problem;
        }

        var (zone, start, end, period, offset, pageSize, asOf) = request;
        var page = await tenant.Tenant<IReportsGrain>().Queues(new QueueReportQuery(start, end, period, zone.Id, queueId, offset, pageSize, asOf), tenant.CancellationToken);
        var rows = page.Rows.Select(QueueReportRowResponse.Of).ToList();
        var next = Next(tenant.Http, QueueCursor, page.NextOffset, asOf);
        if (WantsCsv(tenant.Http.Request))
        {
            return CsvPage(QueueReportRowResponse.CsvHeader, rows, (row, csv) => row.AppendCsv(csv));
        }

        var (first, last) = Bounds(start, end, period, zone);
        return TypedResults.Ok(new QueueReportResponse(zone.Id, ReportTimes.NameOf(period), first, last, page.TotalRows, rows, next));
    }

    private static async Task<Results<Ok<AgentReportResponse>, ContentHttpResult, ProblemHttpResult>> GetAgentReport(
        [AsParameters] TenantContext tenant, string? from, string? to, string? interval, string? agentId, string? group, int? limit, string? cursor)
    {
        var errors = new ValidationErrors();
        errors.Check(agentId is null || Identifiers.IsValidId(agentId), "agentId", "agentId is not an agent id.");
        errors.Check(group is null || Identifiers.IsValidText(group), "group", "group is not a group name.");
        errors.Check(agentId is null || group is null, "group", "Give agentId or group, not both.");
        var request = await ReadRequest(tenant, from, to, interval, limit, cursor, AgentCursor, errors);
        if (request.Problem is { } problem)
        {
            return problem;
        }

        var (zone, start, end, period, offset, pageSize, asOf) = request;
        var page = await tenant.Tenant<IReportsGrain>().Agents(new AgentReportQuery(start, end, period, zone.Id, agentId, group, offset, pageSize, asOf), tenant.CancellationToken);
        var rows = page.Rows.Select(AgentFiguresResponse.Of).ToList();
        var next = Next(tenant.Http, AgentCursor, page.NextOffset, asOf);
        if (WantsCsv(tenant.Http.Request))
        {
            return CsvPage(AgentFiguresResponse.CsvHeader, rows, (row, csv) => row.AppendCsv(csv));
        }

        var (first, last) = Bounds(start, end, period, zone);
        return TypedResults.Ok(new AgentReportResponse(zone.Id, ReportTimes.NameOf(period), first, last, page.TotalRows, rows, next));
    }

    private static async Task<Results<Ok<AgentFiguresResponse>, ProblemHttpResult>> GetAgentStats(
        string agentId, [AsParameters] TenantContext tenant, string? from, string? to)
    {
        var zone = await Zone(tenant);
        var now = BusinessTime.Now(tenant.Http);
        var errors = new ValidationErrors();
        var start = ReportCalendar.StartOfDay(now, zone);
        var end = now;
        errors.Check(from is null || ReportTimes.TryParse(from, zone, out start), "from", FromHelp);
        errors.Check(to is null || ReportTimes.TryParse(to, zone, out end), "to", ToHelp);
        if (!errors.HasErrors && errors.Check(end > start, "to", "to must be after from."))
        {
            errors.Check(end - start <= ReportTimes.MaxRange, "to", $"Figures cover at most {ReportTimes.MaxRange.TotalDays} days.");
        }

        if (errors.HasErrors)
        {
            return ApiProblems.Invalid(errors, StatusCodes.Status400BadRequest);
        }

        if (await tenant.Agent(agentId).Get(tenant.CancellationToken) is null)
        {
            return ApiProblems.NotFound($"Agent '{agentId}' does not exist.");
        }

        var page = await tenant.Tenant<IReportsGrain>().Agents(new AgentReportQuery(start, end, null, zone.Id, agentId, null, 0, 1), tenant.CancellationToken);
        return TypedResults.Ok(AgentFiguresResponse.Of(page.Rows[0]));
    }

    private const string FromHelp = "from must be a date (2026-11-01, midnight in the tenant's time zone) or an instant with its offset (2026-11-01T08:00:00+01:00).";

    private const string ToHelp = "to must be a date (2026-12-01) or an instant with its offset (2026-12-01T08:00:00+01:00); it is exclusive.";

    /// <summary>A report request's range, period and page, read and checked in one place; or the 400 that says what is wrong.</summary>
    private static async Task<ReportRequest> ReadRequest(
        TenantContext tenant, string? from, string? to, string? interval, int? limit, string? cursor, string cursorKind, ValidationErrors errors)
    {
        var zone = await Zone(tenant);
        errors.Check(ReportTimes.TryParse(from, zone, out var start), "from", "from is required: " + FromHelp[10..]);
        errors.Check(ReportTimes.TryParse(to, zone, out var end), "to", "to is required: " + ToHelp[8..]);
        var period = ReportInterval.Hour;
        errors.Check(interval is null || ReportTimes.Intervals.TryGetValue(interval, out period), "interval", "interval must be one of: 15m, 1h, 1d.");
        if (!errors.HasErrors && errors.Check(end > start, "to", "to must be after from.")
            && errors.Check(end - start <= ReportTimes.MaxRange, "to", $"A report covers at most {ReportTimes.MaxRange.TotalDays} days."))
        {
            errors.Check(ReportCalendar.CountUpTo(start, end, period, zone) <= ReportCalendar.MaxPeriods, "to",
                $"The range has more than {ReportCalendar.MaxPeriods} periods of {interval ?? "1h"}: shorten it or use a longer interval.");
        }

        // The first page fixes the instant the report is as of; the cursor carries it to the next pages, which so count the
        // same events however the history grew meanwhile.
        var offset = 0;
        var asOf = BusinessTime.Now(tenant.Http);
        if (Paging.TryRead(cursorKind, limit, cursor, errors, out var pageSize, out var position, DefaultLimit, MaxLimit)
            && position is not null && (!TryReadPosition(position, ref offset, ref asOf) || !Fresh(asOf, BusinessTime.Now(tenant.Http))))
        {
            return ReportRequest.Failed(Paging.BadCursor());
        }

        return errors.HasErrors
            ? ReportRequest.Failed(ApiProblems.Invalid(errors, StatusCodes.Status400BadRequest))
            : new ReportRequest(zone, start, end, period, offset, pageSize, asOf, null);
    }

    /// <summary>A report cursor's position: the next row and the report's instant, <c>{offset}:{UTC ticks}</c>.</summary>
    private static bool TryReadPosition(string position, ref int offset, ref DateTimeOffset asOf)
    {
        var parts = position.Split(':');
        if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out offset)
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) || ticks > DateTimeOffset.MaxValue.UtcTicks)
        {
            return false;
        }

        asOf = new DateTimeOffset(ticks, TimeSpan.Zero);
        return true;
    }

    /// <summary>How long a report's cursor may be followed: its instant bounds how far back a page reads.</summary>
    private static readonly TimeSpan CursorLifetime = TimeSpan.FromDays(1);

    // A minute ahead allowed: another API host's clock may run a little ahead (the grain reads no later than its now).
    private static bool Fresh(DateTimeOffset asOf, DateTimeOffset now) => asOf - now <= TimeSpan.FromMinutes(1) && now - asOf <= CursorLifetime;

    private static string Position(int offset, DateTimeOffset asOf) =>
        offset.ToString(CultureInfo.InvariantCulture) + ":" + asOf.UtcTicks.ToString(CultureInfo.InvariantCulture);

    private static async Task<TimeZoneInfo> Zone(TenantContext tenant) =>
        TimeZones.FindOrUtc((await tenant.Tenant<ITenantGrain>().GetSettings(tenant.CancellationToken)).TimeZone);

    private static (DateTimeOffset First, DateTimeOffset Last) Bounds(DateTimeOffset start, DateTimeOffset end, ReportInterval period, TimeZoneInfo zone)
    {
        var periods = ReportCalendar.Periods(start, end, period, zone);
        return (periods[0].Start, periods[^1].End);
    }

    /// <summary>The next page's cursor, also as a <c>Link</c> header; null on the last page.</summary>
    private static string? Next(HttpContext http, string cursorKind, int? nextOffset, DateTimeOffset asOf)
    {
        if (nextOffset is not { } offset)
        {
            return null;
        }

        var cursor = Paging.Encode(cursorKind, Position(offset, asOf));
        var query = http.Request.Query.Where(q => q.Key != "cursor").SelectMany(q => q.Value.Select(v => (Name: q.Key, Value: v ?? "")))
            .Append((Name: "cursor", Value: cursor))
            .Select(q => Uri.EscapeDataString(q.Name) + "=" + Uri.EscapeDataString(q.Value));
        http.Response.Headers.Link = $"<{http.Request.PathBase}{http.Request.Path}?{string.Join("&", query)}>; rel=\"next\"";
        return cursor;
    }

    private static ContentHttpResult CsvPage<T>(string header, IEnumerable<T> rows, Action<T, StringBuilder> append)
    {
        var csv = new StringBuilder(header).Append("\r\n");
        foreach (var row in rows)
        {
            append(row, csv);
        }

        return TypedResults.Text(csv.ToString(), Csv.MediaType + "; charset=utf-8", Encoding.UTF8);
    }

    /// <summary>CSV when the client asks for it and not for JSON first.</summary>
    private static bool WantsCsv(HttpRequest request)
    {
        var accept = request.GetTypedHeaders().Accept;
        var csv = accept.FirstOrDefault(a => a.MediaType.Equals(Csv.MediaType, StringComparison.OrdinalIgnoreCase));
        var json = accept.FirstOrDefault(a => a.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase));
        return csv is not null && (json is null || (csv.Quality ?? 1) > (json.Quality ?? 1));
    }

    private sealed record ReportRequest(
        TimeZoneInfo Zone, DateTimeOffset Start, DateTimeOffset End, ReportInterval Period, int Offset, int PageSize, DateTimeOffset AsOf, ProblemHttpResult? Problem)
    {
        public static ReportRequest Failed(ProblemHttpResult problem) => new(TimeZoneInfo.Utc, default, default, default, 0, 0, default, problem);

        public void Deconstruct(
            out TimeZoneInfo zone, out DateTimeOffset start, out DateTimeOffset end, out ReportInterval period, out int offset, out int pageSize, out DateTimeOffset asOf) =>
            (zone, start, end, period, offset, pageSize, asOf) = (Zone, Start, End, Period, Offset, PageSize, AsOf);
    }
}
