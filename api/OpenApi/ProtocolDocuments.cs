namespace Switchboard.Api.OpenApi;

/// <summary>
/// The AsyncAPI 3.0 documents, no key needed: <c>GET /asyncapi.json</c> (the live WebSocket, <c>Live/asyncapi.json</c>) and
/// <c>GET /asyncapi/webhooks.json</c> (what webhook endpoints receive, <c>Webhooks/asyncapi.json</c>). The checked-in files
/// are embedded, so a published host serves the same bytes the tests check.
/// </summary>
public static class ProtocolDocuments
{
    public const string LivePath = "/asyncapi.json";

    public const string WebhooksPath = "/asyncapi/webhooks.json";

    public static IEndpointRouteBuilder MapProtocolDocuments(this IEndpointRouteBuilder app)
    {
        Map(app, LivePath, "Switchboard.Api.Live.asyncapi.json", "GetAsyncApiDocument", "The live WebSocket protocol (AsyncAPI 3.0)",
            "The messages of GET /v1/stream: topics, snapshots, events, resume, heartbeats and close codes, with JSON Schemas of every message.", "Live");
        Map(app, WebhooksPath, "Switchboard.Api.Webhooks.asyncapi.json", "GetWebhooksAsyncApiDocument", "What webhook endpoints receive (AsyncAPI 3.0)",
            "Every webhook event type with the JSON Schema of its body and headers, how deliveries are signed (Standard Webhooks), retried and deduplicated, and carrier mode.",
            "Webhooks");
        return app;
    }

    private static void Map(IEndpointRouteBuilder app, string path, string resource, string name, string summary, string description, string tag)
    {
        var document = new Lazy<byte[]>(() => Load(resource));
        app.MapGet(path, () => TypedResults.Bytes(document.Value, "application/json"))
            .AllowAnonymous()
            .WithName(name)
            .WithSummary(summary)
            .WithDescription(description)
            .WithTags(tag)
            .Produces(StatusCodes.Status200OK, typeof(Dictionary<string, System.Text.Json.JsonElement>), "application/json");
    }

    private static byte[] Load(string resource)
    {
        using var stream = typeof(ProtocolDocuments).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The embedded resource {resource} is missing.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
