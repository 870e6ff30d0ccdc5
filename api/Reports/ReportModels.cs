using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Switchboard.Api.OpenApi;
using Switchboard.Contracts.Reports;
using Switchboard.Domain.Reports;

namespace Switchboard.Api.Reports;

/// <summary>A page of a queue report: one row per period and queue, periods in order, queues by id within a period.</summary>
/// <param name="TimeZone">The tenant's time zone the periods are counted in.</param>
/// <param name="Interval">The length of each period: 15m, 1h or 1d.</param>
/// <param name="From">The start of the first period (from, moved back to the start of its period).</param>
/// <param name="To">The end of the last period (to, moved on to the end of its period).</param>
/// <param name="TotalRows">Rows of the whole report.</param>
/// <param name="Items">This page's rows.</param>
/// <param name="NextCursor">Pass as cursor for the next page; null on the last.</param>
[WireExample("""{"timeZone":"Europe/Rome","interval":"1h","from":"2026-11-25T09:00:00+01:00","to":"2026-11-25T11:00:00+01:00","totalRows":2,"items":[{"queueId":"support","from":"2026-11-25T09:00:00+01:00","to":"2026-11-25T10:00:00+01:00","serviceLevelSeconds":20,"abandonThresholdSeconds":5,"offered":42,"answered":38,"answeredWithinServiceLevel":33,"abandoned":2,"shortAbandoned":2,"transferredOut":3,"handled":36,"serviceLevelPercent":82.5,"averageSpeedOfAnswerSeconds":11.4,"averageHandleSeconds":312.8,"averageWrapUpSeconds":24.1,"averageHoldSeconds":18.0}],"nextCursor":"cXVldWUtcmVwb3J0OjE"}""")]
public sealed record QueueReportResponse(
    string TimeZone,
    string Interval,
    DateTimeOffset From,
    DateTimeOffset To,
    int TotalRows,
    IReadOnlyList<QueueReportRowResponse> Items,
    string? NextCursor);

/// <summary>One queue's figures over one period [from, to).</summary>
/// <param name="QueueId">The queue.</param>
/// <param name="From">The period's start, in the tenant's time zone.</param>
/// <param name="To">Its end.</param>
/// <param name="ServiceLevelSeconds">The queue's service-level threshold (as set now).</param>
/// <param name="AbandonThresholdSeconds">The queue's short-abandon threshold (as set now).</param>
/// <param name="Offered">Work that arrived in the queue (new, transferred or overflowed in).</param>
/// <param name="Answered">Routed work accepted by an agent.</param>
/// <param name="AnsweredWithinServiceLevel">Of those, answered within serviceLevelSeconds of arriving.</param>
/// <param name="Abandoned">Customers who left after waiting at least abandonThresholdSeconds.</param>
/// <param name="ShortAbandoned">Customers who left sooner: not held against the queue.</param>
/// <param name="TransferredOut">Work answered from the queue that an agent transferred on.</param>
/// <param name="Handled">Work answered from the queue that ended in the period.</param>
/// <param name="ServiceLevelPercent">answeredWithinServiceLevel as a share of answered plus abandoned; null when both are 0.</param>
/// <param name="AverageSpeedOfAnswerSeconds">Mean wait of the answered work; null when none was answered.</param>
/// <param name="AverageHandleSeconds">Talk (hold included) plus wrap-up, per handled interaction.</param>
/// <param name="AverageWrapUpSeconds">Mean wrap-up of the wrap-ups done in the period.</param>
/// <param name="AverageHoldSeconds">Hold per handled interaction.</param>
public sealed record QueueReportRowResponse(
    string QueueId,
    DateTimeOffset From,
    DateTimeOffset To,
    int ServiceLevelSeconds,
    int AbandonThresholdSeconds,
    int Offered,
    int Answered,
    int AnsweredWithinServiceLevel,
    int Abandoned,
    int ShortAbandoned,
    int TransferredOut,
    int Handled,
    double? ServiceLevelPercent,
    double? AverageSpeedOfAnswerSeconds,
    double? AverageHandleSeconds,
    double? AverageWrapUpSeconds,
    double? AverageHoldSeconds)
{
    public static QueueReportRowResponse Of(QueueReportRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var f = row.Figures;
        return new(row.QueueId, f.From, f.To, row.ServiceLevelSeconds, row.AbandonThresholdSeconds, f.Offered, f.Answered, f.AnsweredWithinServiceLevel,
            f.Abandoned, f.ShortAbandoned, f.TransferredOut, f.Handled, f.ServiceLevelPercent, f.AverageSpeedOfAnswerSeconds, f.AverageHandleSeconds,
            f.AverageWrapUpSeconds, f.AverageHoldSeconds);
    }

    /// <summary>The CSV columns, named as the JSON properties.</summary>
    public const string CsvHeader =
        "queueId,from,to,serviceLevelSeconds,abandonThresholdSeconds,offered,answered,answeredWithinServiceLevel,abandoned,shortAbandoned," +
        "transferredOut,handled,serviceLevelPercent,averageSpeedOfAnswerSeconds,averageHandleSeconds,averageWrapUpSeconds,averageHoldSeconds";

    /// <summary>The row as a CSV line (RFC 4180; numbers and times as in the JSON, an absent average empty).</summary>
    public void AppendCsv(StringBuilder csv)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var i = CultureInfo.InvariantCulture;
        csv.Append(Csv.Field(QueueId)).Append(',')
            .Append(From.ToString("yyyy-MM-dd'T'HH:mm:sszzz", i)).Append(',')
            .Append(To.ToString("yyyy-MM-dd'T'HH:mm:sszzz", i)).Append(',')
            .Append(i, $"{ServiceLevelSeconds},{AbandonThresholdSeconds},{Offered},{Answered},{AnsweredWithinServiceLevel},{Abandoned},{ShortAbandoned},")
            .Append(i, $"{TransferredOut},{Handled},")
            .Append(Csv.Number(ServiceLevelPercent)).Append(',')
            .Append(Csv.Number(AverageSpeedOfAnswerSeconds)).Append(',')
            .Append(Csv.Number(AverageHandleSeconds)).Append(',')
            .Append(Csv.Number(AverageWrapUpSeconds)).Append(',')
            .Append(Csv.Number(AverageHoldSeconds)).Append("\r\n");
    }
}

/// <summary>RFC 4180 fields.</summary>
internal static class Csv
{
    public const string MediaType = "text/csv";

    public static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public static string Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "";
}

/// <summary>How a report's query names its period: a date in the tenant's time zone, or an instant with its offset.</summary>
internal static partial class ReportTimes
{
    public static readonly IReadOnlyDictionary<string, ReportInterval> Intervals = new Dictionary<string, ReportInterval>(StringComparer.Ordinal)
    {
        ["15m"] = ReportInterval.FifteenMinutes,
        ["1h"] = ReportInterval.Hour,
        ["1d"] = ReportInterval.Day,
    };

    public static string NameOf(ReportInterval interval) => Intervals.First(i => i.Value == interval).Key;

    /// <summary>
    /// <c>2026-11-25</c> (midnight of that date in <paramref name="zone"/>) or <c>2026-11-25T09:00:00+01:00</c> /
    /// <c>…Z</c> (an instant: the offset is required, never guessed).
    /// </summary>
    public static bool TryParse(string? text, TimeZoneInfo zone, out DateTimeOffset at)
    {
        at = default;
        if (text is null || text.Length > 40)
        {
            return false;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            at = ReportCalendar.StartOfDate(date, zone);
            return true;
        }

        return Instant().IsMatch(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out at);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex Instant();
}
