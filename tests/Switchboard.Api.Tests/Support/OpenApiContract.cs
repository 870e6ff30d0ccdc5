using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Switchboard.Api.Tests.Support;

/// <summary>
/// The committed OpenAPI document (<see cref="OpenApiSnapshot"/>) as a checker of real responses: finds the operation
/// of a request, and tells whether a response's status, content type and body are what the document says.
/// Parsed and compiled once per process; schemas are compiled on first use.
/// </summary>
/// <remarks>
/// OpenAPI 3.0 schemas are not JSON Schema: <c>nullable</c> becomes a null type (or an <c>anyOf</c> with null beside an
/// <c>allOf</c> or <c>$ref</c>), keywords beside a <c>$ref</c> are dropped as OpenAPI 3.0 ignores them, <c>example</c>
/// and other annotations are dropped, boolean <c>exclusiveMinimum</c>/<c>exclusiveMaximum</c> become numbers.
/// </remarks>
public sealed class OpenApiContract
{
    /// <summary>Any absolute URI: only this contract's own registry knows it.</summary>
    private static readonly Uri BaseUri = new("https://switchboard.test/openapi.json");

    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

    private static readonly HashSet<string> Annotations =
        ["nullable", "example", "examples", "description", "title", "xml", "externalDocs", "deprecated", "readOnly", "writeOnly", "discriminator"];

    private static readonly Lazy<OpenApiContract> Committed = new(() => new OpenApiContract(OpenApiSnapshot.Read()));

    private readonly List<Operation> operations;
    private readonly JsonObject translated = new();
    private readonly JsonArray translatedResponses = [];
    private readonly ConcurrentDictionary<int, JsonSchema> compiled = new();
    private readonly EvaluationOptions quick;
    private readonly EvaluationOptions detailed;

    public OpenApiContract(JsonNode document)
    {
        translated["components"] = new JsonObject
        {
            ["schemas"] = new JsonObject([.. (document["components"]?["schemas"]?.AsObject() ?? [])
                .Select(s => KeyValuePair.Create(s.Key, Translate(s.Value)))]),
        };
        translated["responses"] = translatedResponses;
        operations = [.. ReadOperations(document)];

        // Formats are asserted so a "date-time" must really be one; OpenAPI's own formats (int32, double) are not known and pass.
        quick = Options(OutputFormat.Flag);
        detailed = Options(OutputFormat.List);
    }

    /// <summary>The contract of <c>api/OpenApi/switchboard.v1.json</c>.</summary>
    public static OpenApiContract Instance => Committed.Value;

    /// <summary>The documented operation that answers <paramref name="method"/> on <paramref name="path"/>, or null when the document does not describe it.</summary>
    public Operation? Find(string method, string path)
    {
        var segments = path.Trim('/').Split('/');
        return operations
            .Where(o => string.Equals(o.Method, method, StringComparison.OrdinalIgnoreCase) && o.Matches(segments))
            .MaxBy(o => o.Literals);
    }

    /// <summary>What in a response with <paramref name="status"/>, <paramref name="mediaType"/> and <paramref name="body"/> breaks the contract of <paramref name="operation"/>.</summary>
    public List<ContractViolation> Check(Operation operation, int status, string? mediaType, string body)
    {
        var where = $"{operation.Method} {operation.Template} ({operation.Id}) answered {status}";
        if (operation.Response(status) is not { } response)
        {
            return [new($"{operation.Id} {status}", $"{where}, a status the document does not list (documented: {string.Join(", ", operation.Statuses)}).")];
        }

        if (body.Length == 0)
        {
            return response.Content.Count == 0 || status == 204
                ? []
                : [new($"{operation.Id} {status} empty", $"{where} with no body; the document describes {string.Join(", ", response.Content.Keys)}.")];
        }

        if (response.Content.Count == 0)
        {
            return [new($"{operation.Id} {status} body", $"{where} with a {mediaType} body the document does not describe.")];
        }

        if (mediaType is null || !response.Content.TryGetValue(mediaType, out var schemaIndex))
        {
            return [new($"{operation.Id} {status} {mediaType}", $"{where} with {mediaType}; the document describes {string.Join(", ", response.Content.Keys)}.")];
        }

        if (schemaIndex is not { } index || !IsJson(mediaType))
        {
            return [];
        }

        JsonNode? instance;
        try
        {
            instance = JsonNode.Parse(body);
        }
        catch (JsonException e)
        {
            return [new($"{operation.Id} {status} json", $"{where} with a {mediaType} body that is not JSON: {e.Message}")];
        }

        var schema = compiled.GetOrAdd(index, i => JsonSchema.FromText(new JsonObject { ["$ref"] = $"{BaseUri}#/responses/{i}" }.ToJsonString()));
        if (schema.Evaluate(instance, quick).IsValid)
        {
            return [];
        }

        var results = schema.Evaluate(instance, detailed);
        var schemaName = response.SchemaNames[mediaType];
        return
        [
            .. (results.Details.Count > 0 ? results.Details : [results])
                .Where(d => d.Errors is { Count: > 0 })
                .GroupBy(d => NormalizedLocation(d.InstanceLocation.ToString()))
                .Select(g => new ContractViolation(
                    $"{operation.Id} {status} {schemaName} {g.Key}",
                    $"{where}: {mediaType} body breaks {schemaName} at {g.Key}: "
                    + string.Join("; ", g.SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}) {e.Key}: {e.Value}")))
                    + $"\nBody: {Shorten(body)}")),
        ];
    }

    private static bool IsJson(string mediaType) =>
        mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);

    /// <summary>Array indexes become <c>*</c>, so one known violation covers every item of a list.</summary>
    private static string NormalizedLocation(string pointer)
    {
        var normalized = string.Join('/', pointer.Split('/').Select(s => s.Length > 0 && s.All(char.IsAsciiDigit) ? "*" : s));
        return normalized.Length == 0 ? "/" : normalized;
    }

    private static string Shorten(string body) => body.Length <= 600 ? body : body[..600] + "...";

    /// <summary>An OpenAPI 3.0 schema as the JSON Schema (2020-12) that accepts the same values.</summary>
    private static JsonNode? Translate(JsonNode? node)
    {
        if (node is not JsonObject schema)
        {
            return node?.DeepClone();
        }

        if (schema["$ref"] is { } reference)
        {
            return new JsonObject { ["$ref"] = reference.DeepClone() };
        }

        var result = new JsonObject();
        foreach (var (key, value) in schema)
        {
            switch (key)
            {
                case var _ when Annotations.Contains(key):
                    break;
                case "properties":
                    result[key] = new JsonObject([.. value!.AsObject().Select(p => KeyValuePair.Create(p.Key, Translate(p.Value)))]);
                    break;
                case "items" or "additionalProperties" or "not":
                    result[key] = Translate(value);
                    break;
                case "allOf" or "anyOf" or "oneOf":
                    result[key] = new JsonArray([.. value!.AsArray().Select(Translate)]);
                    break;
                case "exclusiveMinimum" or "exclusiveMaximum" when value!.GetValueKind() is JsonValueKind.True or JsonValueKind.False:
                    var bound = key == "exclusiveMinimum" ? "minimum" : "maximum";
                    if (value.GetValue<bool>() && schema[bound] is { } limit)
                    {
                        result[key] = limit.DeepClone();
                    }

                    break;
                case "minimum" when schema["exclusiveMinimum"]?.GetValueKind() is JsonValueKind.True:
                case "maximum" when schema["exclusiveMaximum"]?.GetValueKind() is JsonValueKind.True:
                    break;
                default:
                    result[key] = value?.DeepClone();
                    break;
            }
        }

        if (schema["nullable"]?.GetValueKind() is not JsonValueKind.True)
        {
            return result;
        }

        if (result["type"] is JsonValue type && !result.ContainsKey("allOf") && !result.ContainsKey("anyOf") && !result.ContainsKey("oneOf"))
        {
            result["type"] = new JsonArray(type.DeepClone(), "null");
            if (result["enum"] is JsonArray values)
            {
                values.Add(null);
            }

            return result;
        }

        return new JsonObject { ["anyOf"] = new JsonArray(new JsonObject { ["type"] = "null" }, result) };
    }

    private IEnumerable<Operation> ReadOperations(JsonNode document)
    {
        foreach (var (template, item) in document["paths"]?.AsObject() ?? [])
        {
            foreach (var (method, operation) in (item?.AsObject() ?? []).Where(o => Methods.Contains(o.Key)))
            {
                var responses = new Dictionary<string, DocumentedResponse>(StringComparer.OrdinalIgnoreCase);
                foreach (var (status, response) in operation?["responses"]?.AsObject() ?? [])
                {
                    var content = new Dictionary<string, int?>(StringComparer.OrdinalIgnoreCase);
                    var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                    foreach (var (mediaType, media) in response?["content"]?.AsObject() ?? [])
                    {
                        if (media?["schema"] is { } schema)
                        {
                            translatedResponses.Add(Translate(schema));
                            content[mediaType] = translatedResponses.Count - 1;
                            names[mediaType] = SchemaName(schema);
                        }
                        else
                        {
                            content[mediaType] = null;
                        }
                    }

                    responses[status] = new DocumentedResponse(content, names);
                }

                yield return new Operation(method.ToUpperInvariant(), template, operation?["operationId"]?.GetValue<string>() ?? $"{method} {template}", responses);
            }
        }
    }

    /// <summary>How a known violation names the schema: the component, <c>X[]</c> for a list of them, else <c>inline</c>.</summary>
    private static string SchemaName(JsonNode schema)
    {
        static string? Component(JsonNode? node) => node?["$ref"]?.GetValue<string>().Split('/')[^1];
        return Component(schema) ?? (Component(schema["items"]) is { } item ? item + "[]" : "inline");
    }

    private EvaluationOptions Options(OutputFormat format)
    {
        var options = new EvaluationOptions { EvaluateAs = SpecVersion.Draft202012, RequireFormatValidation = true, OutputFormat = format };
        options.SchemaRegistry.Register(BaseUri, new JsonNodeBaseDocument(translated, BaseUri));
        return options;
    }

    /// <summary>A documented response: a schema index (or null when none is given) per content type.</summary>
    public sealed record DocumentedResponse(IReadOnlyDictionary<string, int?> Content, IReadOnlyDictionary<string, string> SchemaNames);

    /// <summary>One method of one path template.</summary>
    public sealed class Operation(string method, string template, string id, IReadOnlyDictionary<string, DocumentedResponse> responses)
    {
        private readonly string[] segments = template.Trim('/').Split('/');

        public string Method { get; } = method;

        public string Template { get; } = template;

        public string Id { get; } = id;

        public IEnumerable<string> Statuses => responses.Keys;

        /// <summary>Literal segments: the most specific template wins, as in routing.</summary>
        public int Literals => segments.Count(s => !s.StartsWith('{'));

        public bool Matches(string[] path) =>
            path.Length == segments.Length
            && segments.Zip(path).All(p => p.First.StartsWith('{') ? p.Second.Length > 0 : string.Equals(p.First, p.Second, StringComparison.OrdinalIgnoreCase));

        /// <summary>The response for <paramref name="status"/>: its own entry, its range (<c>4XX</c>), or <c>default</c>.</summary>
        public DocumentedResponse? Response(int status) =>
            responses.GetValueOrDefault(status.ToString(System.Globalization.CultureInfo.InvariantCulture))
            ?? responses.GetValueOrDefault($"{status / 100}XX")
            ?? responses.GetValueOrDefault("default");
    }
}

/// <summary>A response that breaks the contract: <see cref="Key"/> is how the known-violations list names it.</summary>
public sealed record ContractViolation(string Key, string Message);
