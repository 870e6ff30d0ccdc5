using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Switchboard.Api.Tests.Support;

/// <summary>What differs between two OpenAPI documents, in terms a reviewer reads first: operations, schemas, then JSON paths.</summary>
public static class OpenApiDiff
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A short description of how <paramref name="actual"/> differs from <paramref name="expected"/>, at most <paramref name="maxLines"/> changed paths.</summary>
    public static string Describe(JsonNode expected, JsonNode actual, int maxLines = 40)
    {
        var text = new StringBuilder();
        var expectedOperations = Operations(expected);
        var actualOperations = Operations(actual);
        Section(text, "Operations added", actualOperations.Except(expectedOperations));
        Section(text, "Operations removed", expectedOperations.Except(actualOperations));
        var expectedSchemas = Schemas(expected);
        var actualSchemas = Schemas(actual);
        Section(text, "Schemas added", actualSchemas.Except(expectedSchemas));
        Section(text, "Schemas removed", expectedSchemas.Except(actualSchemas));

        var changes = new List<string>();
        Compare(expected, actual, "", changes);
        text.AppendLine($"Changed JSON paths ({changes.Count}):");
        foreach (var change in changes.Take(maxLines))
        {
            text.Append("  ").AppendLine(change);
        }

        if (changes.Count > maxLines)
        {
            text.AppendLine($"  ... and {changes.Count - maxLines} more");
        }

        return text.ToString();
    }

    private static void Section(StringBuilder text, string title, IEnumerable<string> items)
    {
        var list = items.Order(StringComparer.Ordinal).ToList();
        if (list.Count > 0)
        {
            text.AppendLine($"{title}: {string.Join(", ", list)}");
        }
    }

    private static HashSet<string> Operations(JsonNode document) =>
    [
        .. (document["paths"]?.AsObject() ?? []).SelectMany(path => (path.Value?.AsObject() ?? [])
            .Where(operation => Methods.Contains(operation.Key))
            .Select(operation => $"{operation.Key.ToUpperInvariant()} {path.Key} ({operation.Value?["operationId"]})")),
    ];

    private static HashSet<string> Schemas(JsonNode document) => [.. (document["components"]?["schemas"]?.AsObject() ?? []).Select(s => s.Key)];

    private static void Compare(JsonNode? expected, JsonNode? actual, string pointer, List<string> changes)
    {
        if (expected is JsonObject expectedObject && actual is JsonObject actualObject)
        {
            foreach (var (key, value) in expectedObject)
            {
                var path = $"{pointer}/{Escape(key)}";
                if (actualObject.TryGetPropertyValue(key, out var other))
                {
                    Compare(value, other, path, changes);
                }
                else
                {
                    changes.Add($"{path}: removed (was {Short(value)})");
                }
            }

            foreach (var (key, value) in actualObject.Where(p => !expectedObject.ContainsKey(p.Key)))
            {
                changes.Add($"{pointer}/{Escape(key)}: added {Short(value)}");
            }
        }
        else if (expected is JsonArray expectedArray && actual is JsonArray actualArray && expectedArray.Count == actualArray.Count)
        {
            for (var i = 0; i < expectedArray.Count; i++)
            {
                Compare(expectedArray[i], actualArray[i], $"{pointer}/{i}", changes);
            }
        }
        else if (!JsonNode.DeepEquals(expected, actual))
        {
            changes.Add($"{(pointer.Length == 0 ? "/" : pointer)}: {Short(expected)} -> {Short(actual)}");
        }
    }

    private static string Escape(string key) => key.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    private static string Short(JsonNode? node)
    {
        var json = node?.ToJsonString(Readable) ?? "null";
        return json.Length <= 80 ? json : json[..77] + "...";
    }
}
