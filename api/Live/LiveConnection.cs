using System.Threading.Channels;

namespace Switchboard.Api.Live;

/// <summary>
/// The sending side of one socket: a bounded queue the socket's send loop drains. Adding never waits; a queue that
/// overflows closes the socket with <see cref="LiveCloseCodes.SlowConsumer"/>, so one slow client never holds up the
/// fan-out to the others.
/// </summary>
public sealed class LiveConnection(int sendQueueLimit)
{
    /// <summary>How long the close handshake and the last send may take after the server closes.</summary>
    public static readonly TimeSpan CloseGrace = TimeSpan.FromSeconds(5);

    /// <remarks>Not disposed: a late <see cref="Close"/> (a revocation racing the socket's end) must not throw.</remarks>
    private readonly CancellationTokenSource sending = new();
    private readonly Channel<LiveOutgoing> outbox = Channel.CreateBounded<LiveOutgoing>(new BoundedChannelOptions(sendQueueLimit)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait, // TryWrite then fails instead of dropping anything silently
    });

    private int closeCode;
    private int sentSinceHeartbeat;

    public ChannelReader<LiveOutgoing> Outbox => outbox.Reader;

    /// <summary>0 while open; otherwise the close code the server chose.</summary>
    public int CloseCode => Volatile.Read(ref closeCode);

    public string? CloseReason { get; private set; }

    /// <summary>Queues a message; <paramref name="activity"/> false for the heartbeat itself, so an idle socket gets one every period.</summary>
    public bool TrySend(byte[] message, bool activity = true) => TrySend(LiveOutgoing.Control(message), activity);

    public bool TrySend(LiveOutgoing message, bool activity = true)
    {
        if (outbox.Writer.TryWrite(message))
        {
            if (activity)
            {
                Volatile.Write(ref sentSinceHeartbeat, 1);
            }

            return true;
        }

        Close(LiveCloseCodes.SlowConsumer, "send queue full: the client reads too slowly (resume to catch up)");
        return false;
    }

    /// <summary>Whether anything was queued since the last call (a heartbeat is due only on an idle socket).</summary>
    public bool TakeActivity() => Interlocked.Exchange(ref sentSinceHeartbeat, 0) == 1;

    /// <summary>Closes with <paramref name="code"/>: messages still queued are dropped, the first code wins.</summary>
    public void Close(int code, string reason)
    {
        if (Interlocked.CompareExchange(ref closeCode, code, 0) == 0)
        {
            CloseReason = reason;
            outbox.Writer.TryComplete();

            // A send stuck on a peer that stopped reading would keep the socket (and its session) forever: give it up.
            sending.CancelAfter(CloseGrace);
        }
    }

    /// <summary>Cancelled a grace period after the server closes the socket, so a stuck send cannot hold it open.</summary>
    public CancellationToken SendAborted => sending.Token;

    /// <summary>The socket ended from the client's side: stop the send loop.</summary>
    public void Complete() => outbox.Writer.TryComplete();
}
