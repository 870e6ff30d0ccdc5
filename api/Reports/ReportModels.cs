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
            .Append(Csv.Time(From)).Append(',')
            .Append(Csv.Time(To)).Append(',')
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

    /// <summary>A time as the JSON writes it: with its offset, to the second.</summary>
    public static string Time(DateTimeOffset value) => value.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
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
            at = date.Year is >= MinYear and <= MaxYear ? ReportCalendar.StartOfDate(date, zone) : default;
            return at != default;
        }

        return Instant().IsMatch(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out at)
            && at.UtcDateTime.Year is >= MinYear and <= MaxYear;
    }

    /// <summary>The years a report may name: far from the ends of the calendar, which period arithmetic would cross.</summary>
    public const int MinYear = 2000;

    public const int MaxYear = 2100;

    /// <summary>The longest range one report or agent figures may cover.</summary>
    public static readonly TimeSpan MaxRange = TimeSpan.FromDays(400);

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex Instant();
}

/// <summary>An agent's figures over a period [from, to): time in each state and status code, its work and its wrap-ups.</summary>
/// <param name="AgentId">The agent.</param>
/// <param name="From">The start of the period.</param>
/// <param name="To">Its end.</param>
/// <param name="AvailableSeconds">Time Available in the period.</param>
/// <param name="BusySeconds">Time Busy.</param>
/// <param name="WrapUpSeconds">Time in WrapUp.</param>
/// <param name="BreakSeconds">Time on Break, whatever the status code.</param>
/// <param name="OfflineSeconds">Time Offline, whatever the status code.</param>
/// <param name="Answered">Work the agent accepted, all media.</param>
/// <param name="Handled">Work the agent answered that ended in the period.</param>
/// <param name="AverageHandleSeconds">Talk (hold included) plus wrap-up, per handled interaction.</param>
/// <param name="AverageHoldSeconds">Hold per handled interaction.</param>
/// <param name="AverageWrapUpSeconds">Mean wrap-up.</param>
/// <param name="OccupancyPercent">Busy and wrap-up time as a share of available, busy and wrap-up time.</param>
/// <param name="Transfers">Transfers the agent made.</param>
/// <param name="Consults">Consults the agent started.</param>
/// <param name="MessagesSent">Chat messages the agent wrote.</param>
/// <param name="EmailReplies">Email replies the agent wrote, counted when stored to be sent (whatever the mail server then does).</param>
/// <param name="States">Time in each state with each status code (code null when none).</param>
/// <param name="AnsweredByMedia">Work accepted, per medium.</param>
/// <param name="TransactionCodes">Transaction codes saved in the agent's wrap-ups, with how often.</param>
[WireExample("""{"agentId":"a1","from":"2026-11-25T00:00:00+01:00","to":"2026-11-26T00:00:00+01:00","availableSeconds":9000,"busySeconds":14400,"wrapUpSeconds":1800,"breakSeconds":3600,"offlineSeconds":0,"answered":41,"handled":40,"averageHandleSeconds":405.2,"averageHoldSeconds":12.5,"averageWrapUpSeconds":45.0,"occupancyPercent":64.3,"transfers":3,"consults":1,"messagesSent":57,"emailReplies":4,"states":[{"state":"Available","code":null,"seconds":9000},{"state":"Break","code":"lunch","seconds":3600}],"answeredByMedia":[{"media":"voice","count":30},{"media":"chat","count":11}],"transactionCodes":[{"code":"sale","count":12}]}""")]
public sealed record AgentFiguresResponse(
    string AgentId,
    DateTimeOffset From,
    DateTimeOffset To,
    double AvailableSeconds,
    double BusySeconds,
    double WrapUpSeconds,
    double BreakSeconds,
    double OfflineSeconds,
    int Answered,
    int Handled,
    double? AverageHandleSeconds,
    double? AverageHoldSeconds,
    double? AverageWrapUpSeconds,
    double? OccupancyPercent,
    int Transfers,
    int Consults,
    int MessagesSent,
    int EmailReplies,
    IReadOnlyList<StateTimeResponse> States,
    IReadOnlyList<MediaCountResponse> AnsweredByMedia,
    IReadOnlyList<CodeCountResponse> TransactionCodes)
{
    public static AgentFiguresResponse Of(AgentFigures f)
    {
        ArgumentNullException.ThrowIfNull(f);
        double In(string state) => f.States.Where(s => s.State == state).Sum(s => s.Seconds);
        return new(
            f.AgentId, f.From, f.To, In("Available"), In("Busy"), In("WrapUp"), In("Break"), In("Offline"), f.Answered.Values.Sum(), f.Handled,
            f.AverageHandleSeconds, f.AverageHoldSeconds, f.AverageWrapUpSeconds, f.OccupancyPercent, f.Transfers, f.Consults, f.MessagesSent, f.EmailReplies,
            [.. f.States.Select(s => new StateTimeResponse(s.State, s.Code, s.Seconds))],
            [.. f.Answered.OrderBy(a => a.Key).Select(a => new MediaCountResponse(a.Key, a.Value))],
            [.. f.TransactionCodes.Select(c => new CodeCountResponse(c.Key, c.Value))]);
    }

    /// <summary>The CSV columns: the flat figures, named as the JSON properties (the lists are in the JSON only).</summary>
    public const string CsvHeader =
        "agentId,from,to,availableSeconds,busySeconds,wrapUpSeconds,breakSeconds,offlineSeconds,answered,handled," +
        "averageHandleSeconds,averageHoldSeconds,averageWrapUpSeconds,occupancyPercent,transfers,consults,messagesSent,emailReplies";

    public void AppendCsv(StringBuilder csv)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var i = CultureInfo.InvariantCulture;
        csv.Append(Csv.Field(AgentId)).Append(',')
            .Append(Csv.Time(From)).Append(',')
            .Append(Csv.Time(To)).Append(',')
            .Append(Csv.Number(AvailableSeconds)).Append(',')
            .Append(Csv.Number(BusySeconds)).Append(',')
            .Append(Csv.Number(WrapUpSeconds)).Append(',')
            .Append(Csv.Number(BreakSeconds)).Append(',')
            .Append(Csv.Number(OfflineSeconds)).Append(',')
            .Append(i, $"{Answered},{Handled},")
            .Append(Csv.Number(AverageHandleSeconds)).Append(',')
            .Append(Csv.Number(AverageHoldSeconds)).Append(',')
            .Append(Csv.Number(AverageWrapUpSeconds)).Append(',')
            .Append(Csv.Number(OccupancyPercent)).Append(',')
            .Append(i, $"{Transfers},{Consults},{MessagesSent},{EmailReplies}").Append("\r\n");
    }
}

/// <summary>Time in one state with one status code.</summary>
/// <param name="State">The state.</param>
/// <param name="Code">Its status code; null when none.</param>
/// <param name="Seconds">How long, within the period.</param>
public sealed record StateTimeResponse(string State, string? Code, double Seconds);

/// <summary>How much work of one medium.</summary>
/// <param name="Media">The medium.</param>
/// <param name="Count">How many.</param>
public sealed record MediaCountResponse(Switchboard.Domain.Queues.MediaType Media, int Count);

/// <summary>How often a transaction code was saved.</summary>
/// <param name="Code">The code.</param>
/// <param name="Count">How often.</param>
public sealed record CodeCountResponse(string Code, int Count);

/// <summary>A page of an agent report: one row per period and agent, periods in order, agents by id within a period.</summary>
/// <param name="TimeZone">The tenant's time zone the periods are counted in.</param>
/// <param name="Interval">The length of each period: 15m, 1h or 1d.</param>
/// <param name="From">The start of the first period.</param>
/// <param name="To">The end of the last period.</param>
/// <param name="TotalRows">Rows of the whole report.</param>
/// <param name="Items">This page's rows.</param>
/// <param name="NextCursor">Pass as cursor for the next page; null on the last.</param>
public sealed record AgentReportResponse(
    string TimeZone,
    string Interval,
    DateTimeOffset From,
    DateTimeOffset To,
    int TotalRows,
    IReadOnlyList<AgentFiguresResponse> Items,
    string? NextCursor);
