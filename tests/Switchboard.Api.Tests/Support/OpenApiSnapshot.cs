using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Switchboard.TestSupport;

namespace Switchboard.Api.Tests.Support;

/// <summary>
/// The committed OpenAPI document, <c>api/OpenApi/switchboard.v1.json</c>: the contract that generated clients are built
/// from and that every response in the tests is checked against.
/// </summary>
public static class OpenApiSnapshot
{
    /// <summary>Set to 1 to have the snapshot test rewrite the committed document from the served one.</summary>
    public const string UpdateVariable = "SWITCHBOARD_UPDATE_OPENAPI";

    private static readonly JsonSerializerOptions Pretty = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",

        // Descriptions keep their quotes, apostrophes and ellipses readable in the file and its diffs.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string FilePath { get; } = RepositoryPaths.Combine("api", "OpenApi", "switchboard.v1.json");

    public static bool UpdateRequested => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    public static JsonNode Read() => JsonNode.Parse(File.ReadAllText(FilePath)) ?? throw new InvalidOperationException($"{FilePath} is JSON null.");

    /// <summary>Writes <paramref name="document"/> pretty-printed, in the order it was served.</summary>
    public static void Write(JsonNode document) => File.WriteAllText(FilePath, document.ToJsonString(Pretty) + "\n");
}
