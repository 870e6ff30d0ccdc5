using System.Net;
using System.Net.Http.Headers;

namespace Switchboard.Api.Tests.Support;

/// <summary>A JSON body that does not declare its length, as a chunked upload would.</summary>
public sealed class UnknownLengthContent : HttpContent
{
    private readonly byte[] bytes;

    public UnknownLengthContent(byte[] bytes)
    {
        this.bytes = bytes;
        Headers.ContentType = new MediaTypeHeaderValue("application/json");
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        stream.WriteAsync(bytes).AsTask();

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
