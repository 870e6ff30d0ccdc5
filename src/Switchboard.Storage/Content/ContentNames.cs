using System.Globalization;

namespace Switchboard.Storage.Content;

/// <summary>
/// Where content lives in an <see cref="IContentStore"/>. An interaction's files sit under the day it was created, so
/// retention deletes whole days without reading any grain; agents' own recordings are kept until deleted.
/// </summary>
public static class ContentNames
{
    /// <summary>The folder of every interaction's content, one subfolder a day (yyyy-MM-dd, UTC).</summary>
    public const string InteractionsRoot = "interactions/";

    /// <summary>The folder of agents' own recordings.</summary>
    public const string AgentsRoot = "agents/";

    private const string DayFormat = "yyyy-MM-dd";

    /// <summary>The name of one file of an interaction created at <paramref name="createdAt"/>.</summary>
    public static string OfInteraction(DateTimeOffset createdAt, string tenantId, string interactionId, string file) =>
        $"{InteractionsRoot}{Day(createdAt)}/{Segment(tenantId)}/{Segment(interactionId)}/{Segment(file)}";

    /// <summary>The name of one recording of an agent.</summary>
    public static string OfAgent(string tenantId, string agentId, string file) =>
        $"{AgentsRoot}{Segment(tenantId)}/{Segment(agentId)}/{Segment(file)}";

    /// <summary>The day folder (under <see cref="InteractionsRoot"/>) a time falls in.</summary>
    public static string Day(DateTimeOffset at) => at.UtcDateTime.ToString(DayFormat, CultureInfo.InvariantCulture);

    /// <summary>The day a day folder's name stands for, if it is one.</summary>
    public static DateOnly? ParseDay(string folder) =>
        DateOnly.TryParseExact(folder, DayFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    /// <summary>Whether a name is one this class makes: non-empty segments of safe characters, none "." or "..".</summary>
    public static bool IsValid(string name) =>
        !string.IsNullOrEmpty(name) && name.Split('/').All(s => s.Length > 0 && s != "." && s != ".." && s.All(IsSafe));

    private static string Segment(string value) => value.Length > 0 && value != "." && value != ".." && value.All(IsSafe)
        ? value
        : throw new ArgumentException($"'{value}' cannot be part of a content name.", nameof(value));

    private static bool IsSafe(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.';
}
