namespace Switchboard.Api.Http;

/// <summary>
/// Query parameters that name an enum value: its wire name exactly, as written in responses (bodies are read in any
/// case; a filter in a URL has one spelling).
/// </summary>
internal static class QueryEnums
{
    /// <summary>The value <paramref name="text"/> names; null when it is absent, or unknown (then with an error naming the choices).</summary>
    public static T? Parse<T>(ValidationErrors errors, string? text, string field)
        where T : struct, Enum
    {
        if (text is null)
        {
            return null;
        }

        var names = WireJson.Names(typeof(T));
        var values = Enum.GetValues<T>();
        for (var i = 0; i < values.Length; i++)
        {
            if (string.Equals(names[i], text, StringComparison.Ordinal))
            {
                return values[i];
            }
        }

        errors.Add(field, $"{field} must be one of: {string.Join(", ", names)}.");
        return null;
    }
}
