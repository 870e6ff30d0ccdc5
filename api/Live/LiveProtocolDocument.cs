namespace Switchboard.Api.Live;

/// <summary><c>GET /asyncapi.json</c>: the AsyncAPI 3.0 document of the <see cref="LiveApi.Path"/> protocol, no key needed.</summary>
public static class LiveProtocolDocument
{
    public const string Path = "/asyncapi.json";

    /// <summary>The checked-in <c>Live/asyncapi.json</c>, embedded so a published host serves the same bytes the tests check.</summary>
    private const string ResourceName = "Switchboard.Api.Live.asyncapi.json";

    private static readonly Lazy<byte[]> Document = new(Load);

    public static IEndpointRouteBuilder MapLiveProtocolDocument(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, () => TypedResults.Bytes(Document.Value, "application/json"))
            .AllowAnonymous()
            .WithName("GetAsyncApiDocument")
            .WithSummary("The live WebSocket protocol (AsyncAPI 3.0)")
            .WithDescription("The messages of GET /v1/stream: topics, snapshots, events, resume, heartbeats and close codes, with JSON Schemas of every message.")
            .WithTags("Live")
            .Produces(StatusCodes.Status200OK, typeof(Dictionary<string, System.Text.Json.JsonElement>), "application/json");
        return app;
    }

    private static byte[] Load()
    {
        using var stream = typeof(LiveProtocolDocument).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
