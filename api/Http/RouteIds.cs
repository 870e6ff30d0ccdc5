using Switchboard.Domain.Tenancy;

namespace Switchboard.Api.Http;

/// <summary>
/// Ids in paths: every route value named <c>…Id</c> must be a well-formed id (checked once for all endpoints by
/// <see cref="RequestChecks"/>), and what a message echoes back is made safe to print.
/// </summary>
public static class RouteIds
{
    /// <summary>What each id in a path names, for messages; a name not listed reads as its own prefix.</summary>
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["agentId"] = "agent",
        ["queueId"] = "queue",
        ["interactionId"] = "interaction",
        ["alertId"] = "alert",
        ["broadcastId"] = "broadcast",
        ["changeId"] = "platform change",
        ["keyId"] = "key",
        ["tenantId"] = "tenant",
        ["faqId"] = "FAQ article",
        ["entryPointId"] = "chat entry point",
        ["mailboxId"] = "mailbox",
        ["attachmentId"] = "attachment",
        ["recordingId"] = "recording",
    };

    /// <summary>Whether <paramref name="routeValue"/> names an id this check covers.</summary>
    public static bool IsIdParameter(string routeValue) => routeValue.Length > 2 && routeValue.EndsWith("Id", StringComparison.Ordinal);

    /// <summary>The 400 for an id in the path that is not well-formed.</summary>
    public static ProblemHttpResult Malformed(string parameter, string value) => parameter == "tenantId"
        ? ApiProblems.BadRequest($"'{Printable(value)}' is not a valid tenant id: use 1-{Identifiers.MaxTenantIdLength} of lower-case letters, digits and '-'.")
        : MalformedId(Names.GetValueOrDefault(parameter) ?? parameter[..^2], value);

    /// <summary>The 400 for a path segment that should be a <paramref name="what"/> id and is not.</summary>
    public static ProblemHttpResult MalformedId(string what, string value) =>
        ApiProblems.BadRequest($"'{Printable(value)}' is not a valid {what} id: use 1-{Identifiers.MaxIdLength} letters, digits, '.', '_' or '-'.");

    /// <summary>Whether <paramref name="value"/> is a well-formed id of its kind (tenant ids have rules of their own).</summary>
    public static bool IsValid(string parameter, string value) =>
        parameter == "tenantId" ? Identifiers.IsValidTenantId(value) : Identifiers.IsValidId(value);

    /// <summary>A value made safe to echo back in a message: cut to an id's length, control characters replaced.</summary>
    public static string Printable(string value)
    {
        var cut = value.Length > Identifiers.MaxIdLength ? value[..Identifiers.MaxIdLength] + "…" : value;
        return string.Concat(cut.Select(c => char.IsControl(c) ? '?' : c));
    }
}
