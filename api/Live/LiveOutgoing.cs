namespace Switchboard.Api.Live;

/// <summary>
/// A message waiting to be sent: a control message as is (<see cref="Seq"/> 0), or a shared body that the send loop
/// writes with its session's <c>"seq"</c> in front. Sessions keep only this pair, so an event fanned out to 10,000
/// sessions is one body in memory, not 10,000 copies.
/// </summary>
public readonly record struct LiveOutgoing(long Seq, byte[] Body)
{
    public static LiveOutgoing Control(byte[] message) => new(0, message);

    /// <summary>The bytes as they go on the wire.</summary>
    public int Length => Seq == 0 ? Body.Length : LiveMessages.SequencedLength(Seq, Body);

    /// <summary>Writes the wire bytes into <paramref name="destination"/> (at least <see cref="Length"/> long); returns their count.</summary>
    public int CopyTo(Span<byte> destination)
    {
        if (Seq == 0)
        {
            Body.CopyTo(destination);
            return Body.Length;
        }

        return LiveMessages.WriteSequenced(Seq, Body, destination);
    }

    public byte[] ToArray()
    {
        var bytes = new byte[Length];
        CopyTo(bytes);
        return bytes;
    }
}
