using System.Net;
using System.Text.Json.Nodes;
using Json.Pointer;
using Json.Schema;

namespace Switchboard.Api.Tests.Support;

/// <summary>
/// The served <c>/asyncapi.json</c>, with a JSON Schema validator per message: the whole document is registered as a
/// base document, so each payload's <c>$ref</c>s into <c>components/schemas</c> resolve as they are written.
/// </summary>
public sealed class AsyncApiDocument
{
    /// <summary>Any absolute URI: only this document's own registry knows it.</summary>
    private static readonly Uri BaseUri = new("https://switchboard.test/asyncapi.json");

    private readonly Dictionary<string, JsonSchema> payloads;
    private readonly EvaluationOptions options;

    private AsyncApiDocument(JsonNode root)
    {
        Root = root;

        // AsyncAPI schemas are a superset of draft 7; formats are asserted so "at" must really be a date-time.
        options = new EvaluationOptions { EvaluateAs = SpecVersion.Draft7, RequireFormatValidation = true, OutputFormat = OutputFormat.List };
        options.SchemaRegistry.Register(BaseUri, new JsonNodeBaseDocument(root, BaseUri));
        payloads = root["components"]!["messages"]!.AsObject().ToDictionary(
            m => m.Key,
            m => JsonSchema.FromText(new JsonObject { ["$ref"] = $"{BaseUri}#/components/messages/{m.Key}/payload" }.ToJsonString()),
            StringComparer.Ordinal);
        ServerMessages = MessagesOf("send");
        ClientMessages = MessagesOf("receive");
    }

    public JsonNode Root { get; }

    /// <summary>Messages of the operations the server sends (it is the application the document describes).</summary>
    public IReadOnlyList<string> ServerMessages { get; }

    /// <summary>Messages of the operations the server receives: what clients send.</summary>
    public IReadOnlyList<string> ClientMessages { get; }

    public IEnumerable<string> AllMessages => payloads.Keys;

    /// <summary>GETs /asyncapi.json without a key, checks 200 and <c>application/json</c>, and parses it.</summary>
    public static async Task<AsyncApiDocument> ReadAsync(SwitchboardApiFactory factory)
    {
        using var client = factory.ClientWith(null);
        using var response = await client.GetResponseAsync("/asyncapi.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return new AsyncApiDocument(await response.ReadJsonAsync());
    }

    /// <summary>The node a local <c>$ref</c> (<c>#/...</c>) points at, or null.</summary>
    public JsonNode? Resolve(string reference) =>
        reference.StartsWith('#') && JsonPointer.TryParse(reference[1..], out var pointer) && pointer.TryEvaluate(Root, out var target) ? target : null;

    /// <summary>The documented messages among <paramref name="candidates"/> whose payload schema accepts <paramref name="message"/>.</summary>
    public List<string> Matching(JsonNode? message, IEnumerable<string> candidates) =>
        [.. candidates.Where(name => payloads[name].Evaluate(message, options).IsValid)];

    /// <summary>Why <paramref name="message"/> fails the payload schema of <paramref name="name"/>, for assertion messages.</summary>
    public string Errors(JsonNode? message, string name)
    {
        var results = payloads[name].Evaluate(message, options);
        var errors = (results.Details.Count > 0 ? results.Details : [results])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}) {e.Key}: {e.Value}"));
        return $"{name}: {string.Join("; ", errors)}";
    }

    /// <summary>
    /// The single documented message among <paramref name="candidates"/> that accepts <paramref name="message"/>; fails
    /// with the schema errors of those with the same <c>type</c> (or <c>op</c>) otherwise.
    /// </summary>
    public string Classify(JsonNode message, IReadOnlyList<string> candidates)
    {
        var matches = Matching(message, candidates);
        if (matches.Count == 1)
        {
            return matches[0];
        }

        var discriminator = message["type"] is not null ? "type" : "op";
        var sameKind = candidates.Where(name => Payload(name)["properties"]?[discriminator]?["const"]?.GetValue<string>() == message[discriminator]?.GetValue<string>());
        Assert.Fail($"{message.ToJsonString()} matches {matches.Count} documented messages ({string.Join(", ", matches)}), not one. "
            + string.Join(" | ", sameKind.Select(name => Errors(message, name))));
        return null!;
    }

    /// <summary>A message's payload schema as written (its <c>$ref</c> followed if it has one).</summary>
    public JsonNode Payload(string name)
    {
        var payload = Root["components"]!["messages"]![name]!["payload"]!;
        return payload["$ref"] is { } reference ? Resolve(reference.GetValue<string>())! : payload;
    }

    private List<string> MessagesOf(string action) =>
    [
        .. Root["operations"]!.AsObject()
            .Where(o => o.Value!["action"]!.GetValue<string>() == action)
            .SelectMany(o => o.Value!["messages"]!.AsArray())
            .Select(m => MessageName(m!["$ref"]!.GetValue<string>()))
            .Distinct(StringComparer.Ordinal),
    ];

    /// <summary><c>#/channels/stream/messages/x</c> → the component message it refers to.</summary>
    private string MessageName(string channelMessageRef)
    {
        var target = Resolve(channelMessageRef) ?? throw new InvalidOperationException($"{channelMessageRef} does not resolve.");
        var component = target["$ref"]!.GetValue<string>();
        const string prefix = "#/components/messages/";
        Assert.StartsWith(prefix, component, StringComparison.Ordinal);
        return component[prefix.Length..];
    }
}
