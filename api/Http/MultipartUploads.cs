using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Switchboard.Api.Http;

/// <summary>
/// Reading multipart/form-data uploads as a stream, a part at a time: a body that ends early or is not well formed is
/// the client's 400, never a server error.
/// </summary>
public static class MultipartUploads
{
    private const int MaxBoundaryLength = 200;

    /// <summary>The boundary of a multipart/form-data request, or null when it is not one.</summary>
    public static string? BoundaryOf(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
        && string.Equals(type.MediaType.Value, "multipart/form-data", StringComparison.OrdinalIgnoreCase)
        && HeaderUtilities.RemoveQuotes(type.Boundary).Value is { Length: > 0 and <= MaxBoundaryLength } boundary
            ? boundary
            : null;

    /// <summary>The next part, or null after the last.</summary>
    public static async Task<MultipartSection?> NextAsync(this MultipartReader reader, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadNextSectionAsync(cancellationToken);
        }
        catch (IOException failure)
        {
            throw Malformed(failure);
        }
    }

    /// <summary>The form field a part is (form-data with a name), or null when it is none.</summary>
    public static string? FieldOf(MultipartSection section) =>
        ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
        && disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase)
            ? HeaderUtilities.RemoveQuotes(disposition.Name).Value
            : null;

    /// <summary>The file name a part gives (filename* first, then filename), or null.</summary>
    public static string? FileNameOf(MultipartSection section) =>
        ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
            ? HeaderUtilities.RemoveQuotes(disposition.FileNameStar).Value ?? HeaderUtilities.RemoveQuotes(disposition.FileName).Value
            : null;

    /// <summary>A text part's first <paramref name="max"/> + 1 characters (so that a longer one can be refused).</summary>
    public static async Task<string> ReadTextAsync(MultipartSection section, int max, CancellationToken cancellationToken)
    {
        using var text = new StreamReader(new PrefixedStream(ReadOnlyMemory<byte>.Empty, section.Body), Encoding.UTF8);
        var buffer = new char[max + 1];
        return new string(buffer, 0, await text.ReadBlockAsync(buffer, cancellationToken));
    }

    /// <summary>The 400 of an upload that ended early or is not well formed.</summary>
    public static BadHttpRequestException Malformed(Exception cause) =>
        new("The upload ended before it was complete, or is not well-formed multipart/form-data.", StatusCodes.Status400BadRequest, cause);
}
