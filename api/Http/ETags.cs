using System.Globalization;

namespace Switchboard.Api.Http;

/// <summary>Agent state ETags are the state version: <c>"7"</c>. If-Match uses strong comparison (RFC 9110 §13.1.1).</summary>
public static class ETags
{
    /// <summary>No If-Match header: no precondition. <c>*</c> also matches any existing agent.</summary>
    public static readonly IReadOnlyList<long>? Any = null;

    public static string For(long version) => $"\"{version}\"";

    /// <summary>
    /// The versions If-Match accepts: null for none or <c>*</c>; otherwise the strong numeric tags listed. Weak or
    /// malformed tags can never match, so a header made only of them yields an empty list (a 412).
    /// </summary>
    public static IReadOnlyList<long>? AcceptedVersions(string? ifMatch)
    {
        if (ifMatch is null)
        {
            return Any;
        }

        var versions = new List<long>();
        foreach (var raw in ifMatch.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (raw == "*")
            {
                return Any;
            }

            // Strong comparison is of the text: "07" is not "7".
            if (raw.Length > 2 && raw[0] == '"' && raw[^1] == '"'
                && long.TryParse(raw.AsSpan(1, raw.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var version)
                && raw == For(version))
            {
                versions.Add(version);
            }
        }

        return versions;
    }
}
