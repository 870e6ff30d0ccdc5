using System.Globalization;
using System.Text;
using Switchboard.Api.Auth;
using Switchboard.Api.OpenApi;
using Switchboard.Contracts.Reports;
using Switchboard.Contracts.Tenancy;
using Switchboard.Domain.Reports;
using Switchboard.Domain.Tenancy;

namespace Switchboard.Api.Reports;

/// <summary><c>/v1/reports</c>: historical figures computed from the tenant's event history, as JSON or CSV.</summary>
public static class ReportsApi
{
    private const string QueueCursor = "queue-report";

    /// <summary>Rows per page: more than other lists, since a report is read whole (often as CSV).</summary>
    public const int DefaultLimit = 500;

    public const int MaxLimit = 5_000;

    public static RouteGroupBuilder MapReportsApi(this RouteGroupBuilder v1)
    {
        var reports = v1.MapGroup("/reports").WithTags("Reports").RequireAuthorization(Policies.TenantReader);

        reports.MapGet("/queues", GetQueueReport)
            .WithName("GetQueueReport")
            .WithSummary("Report queue figures over time")
            .WithDescription("Figures per period and queue between from and to (each a date in the tenant's time zone, e.g. 2026-11-01, or an instant " +
                "with its offset, e.g. 2026-11-01T08:00:00+01:00; to is exclusive, and both are widened to whole periods), in periods of interval (15m, 1h " +
                "or 1d; default 1h) counted in the tenant's time zone (PUT /v1/settings): on the days the clocks change a day has 23 or 25 hours and the " +
                "repeated hour is two rows with different offsets. Every period is listed for queueId, or for every queue with activity in the range. " +
                $"At most {ReportCalendar.MaxPeriods} periods. Paged: limit 1-{MaxLimit} (default {DefaultLimit}), cursor from the previous page (also in a " +
                "Link header). Accept: text/csv gives the page as CSV (a header line, then one line per row). Admin, supervisor and integration keys.")
            .WithMetadata(new AlsoProducesText(StatusCodes.Status200OK, Csv.MediaType))
            .ProducesStandardProblems();

        return reports;
    }

    private static async Task<Results<Ok<QueueReportResponse>, ContentHttpResult, ProblemHttpResult>> GetQueueReport(
        [AsParameters] TenantContext tenant, string? from, string? to, string? interval, string? queueId, int? limit, string? cursor)
    {
        var settings = await tenant.Tenant<ITenantGrain>().GetSettings(tenant.CancellationToken);
        var zone = TimeZones.FindOrUtc(settings.TimeZone);
        var errors = new ValidationErrors();
        errors.Check(ReportTimes.TryParse(from, zone, out var start), "from",
            "from is required: a date (2026-11-01, midnight in the tenant's time zone) or an instant with its offset (2026-11-01T08:00:00+01:00).");
        errors.Check(ReportTimes.TryParse(to, zone, out var end), "to",
            "to is required: a date (2026-12-01) or an instant with its offset (2026-12-01T08:00:00+01:00); it is exclusive.");
        var period = ReportInterval.Hour;
        errors.Check(interval is null || ReportTimes.Intervals.TryGetValue(interval, out period), "interval", "interval must be one of: 15m, 1h, 1d.");
        errors.Check(queueId is null || Identifiers.IsValidId(queueId), "queueId", "queueId is not a queue id.");
        if (!errors.HasErrors)
        {
            if (!errors.Check(end > start, "to", "to must be after from."))
            {
                return ApiProblems.Invalid(errors, StatusCodes.Status400BadRequest);
            }

            errors.Check(ReportCalendar.CountUpTo(start, end, period, zone) <= ReportCalendar.MaxPeriods, "to",
                $"The range has more than {ReportCalendar.MaxPeriods} periods of {interval ?? "1h"}: shorten it or use a longer interval.");
        }

        if (!Paging.TryRead(QueueCursor, limit, cursor, errors, out var pageSize, out var position, DefaultLimit, MaxLimit))
        {
            return ApiProblems.Invalid(errors, StatusCodes.Status400BadRequest);
        }

        var offset = 0;
        if (position is not null && !int.TryParse(position, NumberStyles.None, CultureInfo.InvariantCulture, out offset))
        {
            return Paging.BadCursor();
        }

        var query = new QueueReportQuery(start, end, period, zone.Id, queueId, offset, pageSize);
        var page = await tenant.Tenant<IReportsGrain>().Queues(query, tenant.CancellationToken);
        var next = page.NextOffset is { } n ? Paging.Encode(QueueCursor, n.ToString(CultureInfo.InvariantCulture)) : null;
        if (next is not null)
        {
            tenant.Http.Response.Headers.Link = $"<{NextPage(tenant.Http.Request, next)}>; rel=\"next\"";
        }

        var rows = page.Rows.Select(QueueReportRowResponse.Of).ToList();
        if (WantsCsv(tenant.Http.Request))
        {
            var csv = new StringBuilder(QueueReportRowResponse.CsvHeader).Append("\r\n");
            foreach (var row in rows)
            {
                row.AppendCsv(csv);
            }

            return TypedResults.Text(csv.ToString(), Csv.MediaType + "; charset=utf-8", Encoding.UTF8);
        }

        var periods = ReportCalendar.Periods(start, end, period, zone);
        return TypedResults.Ok(new QueueReportResponse(zone.Id, ReportTimes.NameOf(period), periods[0].Start, periods[^1].End, page.TotalRows, rows, next));
    }

    /// <summary>CSV when the client asks for it and not for JSON first.</summary>
    private static bool WantsCsv(HttpRequest request)
    {
        var accept = request.GetTypedHeaders().Accept;
        var csv = accept.FirstOrDefault(a => a.MediaType.Equals(Csv.MediaType, StringComparison.OrdinalIgnoreCase));
        var json = accept.FirstOrDefault(a => a.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase));
        return csv is not null && (json is null || (csv.Quality ?? 1) > (json.Quality ?? 1));
    }

    private static string NextPage(HttpRequest request, string cursor)
    {
        var query = request.Query.Where(q => q.Key != "cursor").SelectMany(q => q.Value.Select(v => (Name: q.Key, Value: v ?? "")))
            .Append((Name: "cursor", Value: cursor))
            .Select(q => Uri.EscapeDataString(q.Name) + "=" + Uri.EscapeDataString(q.Value));
        return request.PathBase + request.Path + "?" + string.Join("&", query);
    }
}
