using System.Collections.Concurrent;
using Switchboard.TestSupport;

namespace Switchboard.Api.Tests.Support;

/// <summary>
/// The committed list of contract violations the API is known to have (<c>Contract/known-contract-violations.txt</c>):
/// responses that break the OpenAPI document while the endpoints are being fixed. A listed violation is tolerated,
/// any other fails its test; the goal is an empty list, then no file.
/// </summary>
/// <remarks>
/// One violation a line, <c>key -- reason</c>, where the key is <c>operationId status</c> for an undocumented status,
/// or <c>operationId status Schema /json/path</c> (array indexes as <c>*</c>) for a body that breaks its schema.
/// A line starting with <c>sometimes</c> names a violation that only some runs meet (timing), which
/// <see cref="Unseen"/> then does not require. <c>#</c> starts a comment.
/// </remarks>
public static class KnownContractViolations
{
    public static string FilePath { get; } = RepositoryPaths.Combine("tests", "Switchboard.Api.Tests", "Contract", "known-contract-violations.txt");

    private static readonly Lazy<IReadOnlyDictionary<string, Entry>> Entries = new(Read);

    /// <summary>Every violation met in this process, listed or not, with the first message.</summary>
    private static readonly ConcurrentDictionary<string, string> Seen = new(StringComparer.Ordinal);

    public static bool IsKnown(string key) => Entries.Value.ContainsKey(key);

    public static void RecordSeen(ContractViolation violation)
    {
        if (Seen.TryAdd(violation.Key, violation.Message) && Environment.GetEnvironmentVariable("SWITCHBOARD_CONTRACT_REPORT") is { Length: > 0 } report)
        {
            // For whoever maintains the list: every distinct violation of the run, with an example, in one file.
            lock (Seen)
            {
                File.AppendAllText(report, $"{violation.Key}\n    {violation.Message.ReplaceLineEndings("\n    ")}\n    (in {TestContext.Current.Test?.TestDisplayName})\n");
            }
        }
    }

    /// <summary>Listed violations (not marked <c>sometimes</c>) that no response of this process has shown.</summary>
    public static IReadOnlyList<string> Unseen() =>
        [.. Entries.Value.Values.Where(e => !e.Sometimes && !Seen.ContainsKey(e.Key)).Select(e => $"{e.Key} -- {e.Reason}")];

    private static Dictionary<string, Entry> Read()
    {
        var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        if (!File.Exists(FilePath))
        {
            return entries;
        }

        foreach (var raw in File.ReadLines(FilePath))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var separator = line.IndexOf(" -- ", StringComparison.Ordinal);
            if (separator < 0)
            {
                throw new InvalidOperationException($"{FilePath}: '{line}' has no ' -- reason'.");
            }

            var key = line[..separator].Trim();
            var sometimes = key.StartsWith("sometimes ", StringComparison.Ordinal);
            key = string.Join(' ', (sometimes ? key["sometimes ".Length..] : key).Split(' ', StringSplitOptions.RemoveEmptyEntries));
            entries[key] = new Entry(key, line[(separator + 4)..].Trim(), sometimes);
        }

        return entries;
    }

    private sealed record Entry(string Key, string Reason, bool Sometimes);
}
