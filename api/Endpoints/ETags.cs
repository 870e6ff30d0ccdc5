namespace Switchboard.Api.Endpoints;

/// <summary>Agent state ETags are the state version: <c>"7"</c>.</summary>
public static class ETags
{
    public static string For(long version) => $"\"{version}\"";

    /// <summary>
    /// Reads If-Match: absent or <c>*</c> → no expectation; one ETag → its version. Anything else can never
    /// match a current version, so it yields -1 (a 412, as RFC 9110 asks for a non-matching If-Match).
    /// </summary>
    public static long? ExpectedVersion(HttpRequest request)
    {
        var values = request.Headers.IfMatch;
        if (values.Count == 0)
        {
            return null;
        }

        var value = values.ToString().Trim();
        if (value == "*")
        {
            return null;
        }

        if (value.StartsWith("W/", StringComparison.Ordinal))
        {
            value = value[2..];
        }

        return value.Length > 2 && value[0] == '"' && value[^1] == '"' && long.TryParse(value.AsSpan(1, value.Length - 2), out var version) && version >= 0
            ? version
            : -1;
    }
}
