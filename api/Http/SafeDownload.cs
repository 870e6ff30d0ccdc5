namespace Switchboard.Api.Http;

/// <summary>
/// Files customers sent, served so that a browser never runs them: always a download, never sniffed, sandboxed, and
/// typed as themselves only when the type is inert.
/// </summary>
public static class SafeDownload
{
    /// <summary>Types a browser shows or plays but never runs, served as themselves.</summary>
    public static readonly string[] InertTypes =
    [
        "image/png", "image/jpeg", "image/gif", "image/webp", "application/pdf", "text/plain", "text/csv", "audio/wav", "audio/mpeg", "audio/ogg",
    ];

    public const string OtherType = "application/octet-stream";

    /// <summary>The type to serve a file as: its own when inert, application/octet-stream otherwise.</summary>
    public static string ContentType(string declared) =>
        InertTypes.FirstOrDefault(t => string.Equals(t, declared, StringComparison.OrdinalIgnoreCase)) ?? OtherType;

    /// <summary>Documents a download's 200 and 206 answers with every type it may have.</summary>
    public static RouteHandlerBuilder ProducesDownload(this RouteHandlerBuilder builder) => builder
        .Produces<Stream>(StatusCodes.Status200OK, OtherType, InertTypes)
        .Produces<Stream>(StatusCodes.Status206PartialContent, OtherType, InertTypes)
        .Produces(StatusCodes.Status416RangeNotSatisfiable);

    /// <summary>Adds the headers that keep a browser from sniffing or running the response.</summary>
    public static void Mark(HttpResponse response)
    {
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'";
    }
}
