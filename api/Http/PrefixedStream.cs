namespace Switchboard.Api.Http;

/// <summary>The bytes already read to judge a body's type, then the rest of the body: the whole upload, read once.</summary>
internal sealed class PrefixedStream(ReadOnlyMemory<byte> prefix, Stream rest) : Stream
{
    private int used;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (used < prefix.Length)
        {
            var count = Math.Min(buffer.Length, prefix.Length - used);
            prefix.Slice(used, count).CopyTo(buffer);
            used += count;
            return ValueTask.FromResult(count);
        }

        return ReadRest(buffer, cancellationToken);
    }

    /// <summary>The rest of an upload; a body that ends early or breaks its framing is the client's 400.</summary>
    private async ValueTask<int> ReadRest(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        try
        {
            return await rest.ReadAsync(buffer, cancellationToken);
        }
        catch (IOException failure)
        {
            throw MultipartUploads.Malformed(failure);
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
