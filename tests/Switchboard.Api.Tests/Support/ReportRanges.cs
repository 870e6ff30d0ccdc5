using System.Globalization;

namespace Switchboard.Api.Tests.Support;

/// <summary>Report ranges as the API reads them: instants to the tick with their offset, escaped for a query string.</summary>
public static class ReportRanges
{
    public static string Instant(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffffzzz", CultureInfo.InvariantCulture);

    /// <summary><c>from=…&amp;to=…</c> for the hour either side of <paramref name="at"/>.</summary>
    public static string AroundHour(DateTimeOffset at) =>
        $"from={Uri.EscapeDataString(Instant(at.AddHours(-1)))}&to={Uri.EscapeDataString(Instant(at.AddHours(1)))}";
}
