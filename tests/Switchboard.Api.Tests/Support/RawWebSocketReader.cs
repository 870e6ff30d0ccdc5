using System.Text;

namespace Switchboard.Api.Tests.Support;

/// <summary>
/// The client side of a WebSocket done by hand, reading only: the HTTP response, then server frames. Never writes, so
/// it is a peer that never answers a ping (what a hung or vanished client looks like to the server).
/// </summary>
public sealed class RawWebSocketReader(Stream stream)
{
    private const byte TextOpcode = 0x1;
    private const byte CloseOpcode = 0x8;
    private const byte PingOpcode = 0x9;

    private readonly byte[] buffer = new byte[64 * 1024];
    private int start;
    private int end;

    /// <summary>Pings read so far.</summary>
    public int Pings { get; private set; }

    /// <summary>Whether the server sent a close frame (rather than just ending the connection).</summary>
    public bool CloseFrameReceived { get; private set; }

    /// <summary>The HTTP response head, up to the blank line.</summary>
    public async Task<string> ReadHeadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var length = buffer.AsSpan(start, end - start).IndexOf("\r\n\r\n"u8);
            if (length >= 0)
            {
                var head = Encoding.ASCII.GetString(buffer, start, length);
                start += length + 4;
                return head;
            }

            if (!await FillAsync(cancellationToken))
            {
                throw new EndOfStreamException("The connection ended before the HTTP response head.");
            }
        }
    }

    /// <summary>The payload of the next text frame (control frames before it are counted and skipped).</summary>
    public async Task<string> ReadTextFrameAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var (opcode, payload) = await ReadFrameAsync(cancellationToken) ?? throw new EndOfStreamException("The connection ended before a text frame.");
            if (opcode == TextOpcode)
            {
                return Encoding.UTF8.GetString(payload);
            }
        }
    }

    /// <summary>Reads frames until the server ends the connection: end of stream, or a reset.</summary>
    public async Task ReadUntilClosedAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (await ReadFrameAsync(cancellationToken) is not null)
            {
            }
        }
        catch (IOException)
        {
            // Reset by the server: as closed as an end of stream.
        }
    }

    /// <summary>The next frame (server frames are not masked); null at the end of the stream.</summary>
    private async Task<(byte Opcode, byte[] Payload)?> ReadFrameAsync(CancellationToken cancellationToken)
    {
        if (!await EnsureAsync(2, cancellationToken))
        {
            return null;
        }

        var opcode = (byte)(buffer[start] & 0x0F);
        var length = (long)(buffer[start + 1] & 0x7F);
        var headerLength = length switch { 126 => 4, 127 => 10, _ => 2 };
        if (!await EnsureAsync(headerLength, cancellationToken))
        {
            return null;
        }

        length = length switch
        {
            126 => System.Buffers.Binary.BinaryPrimitives.ReadUInt16BigEndian(buffer.AsSpan(start + 2)),
            127 => System.Buffers.Binary.BinaryPrimitives.ReadInt64BigEndian(buffer.AsSpan(start + 2)),
            _ => length,
        };
        if (length > buffer.Length - headerLength)
        {
            throw new InvalidDataException($"A frame of {length} bytes: larger than this reader takes.");
        }

        if (!await EnsureAsync(headerLength + (int)length, cancellationToken))
        {
            return null;
        }

        var payload = buffer.AsSpan(start + headerLength, (int)length).ToArray();
        start += headerLength + (int)length;
        Pings += opcode == PingOpcode ? 1 : 0;
        CloseFrameReceived |= opcode == CloseOpcode;
        return (opcode, payload);
    }

    /// <summary>At least <paramref name="count"/> unread bytes buffered; false if the stream ended first.</summary>
    private async Task<bool> EnsureAsync(int count, CancellationToken cancellationToken)
    {
        while (end - start < count)
        {
            if (!await FillAsync(cancellationToken))
            {
                return false;
            }
        }

        return true;
    }

    private async Task<bool> FillAsync(CancellationToken cancellationToken)
    {
        if (start > 0)
        {
            buffer.AsSpan(start, end - start).CopyTo(buffer);
            end -= start;
            start = 0;
        }

        var read = await stream.ReadAsync(buffer.AsMemory(end), cancellationToken);
        end += read;
        return read > 0;
    }
}
