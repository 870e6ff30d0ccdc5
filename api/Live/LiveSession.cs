using Switchboard.Api.Auth;

namespace Switchboard.Api.Live;

/// <summary>
/// A client's live session: its topics, a sequence number per message, and the last messages in a bounded buffer. It
/// outlives its socket for the resume window, still buffering, so a client that reconnects with <c>resumeFrom</c> gets
/// exactly what it missed. All state changes under one lock; nothing here waits on a socket.
/// </summary>
public sealed class LiveSession(string id, Caller caller, int bufferSize, long bufferBytes = long.MaxValue)
{
    /// <summary>How long after a snapshot late events are checked against it (stream delivery takes milliseconds).</summary>
    private const long FloorMilliseconds = 10_000;

    private readonly Lock gate = new();
    private readonly Queue<LiveOutgoing> buffer = new();
    private readonly Dictionary<string, SessionTopic> topics = new(StringComparer.Ordinal);
    private long lastSeq;
    private LiveConnection? connection;
    private LiveConnection? lastDetached;
    private bool ended;
    private long bufferedBytes;

    public string Id { get; } = id;

    public Caller Caller { get; } = caller;

    /// <summary>The web chat a customer's session was opened for (its only topic); null for an API key's session.</summary>
    public string? CustomerChatId { get; init; }

    /// <summary>The agent's group for the <c>directory</c> topic of an agent key (read when the topic is subscribed).</summary>
    public string? AgentGroup { get; set; }

    /// <summary>When the session lost its socket; null while one is attached.</summary>
    public DateTimeOffset? DetachedAt { get; private set; }

    public ITimer? Expiry { get; set; }

    public long LastSeq
    {
        get
        {
            lock (gate)
            {
                return lastSeq;
            }
        }
    }

    public IReadOnlyList<string> TopicNames
    {
        get
        {
            lock (gate)
            {
                return [.. topics.Keys];
            }
        }
    }

    public int TopicCount
    {
        get
        {
            lock (gate)
            {
                return topics.Count;
            }
        }
    }

    /// <summary>
    /// Attaches a socket; with <paramref name="resumeFrom"/>, queues <paramref name="onReplay"/>'s message (given the
    /// last sequence) and then every buffered message after it.
    /// </summary>
    public ResumeOutcome Attach(LiveConnection socket, long? resumeFrom, Func<long, byte[]>? onReplay, out LiveConnection? replaced)
    {
        lock (gate)
        {
            replaced = null;
            if (ended)
            {
                return ResumeOutcome.Ended;
            }

            replaced = connection;
            connection = socket;
            DetachedAt = null;
            if (resumeFrom is not { } from)
            {
                return ResumeOutcome.Fresh;
            }

            // A topic still waiting for its snapshot (one cut short) cannot be replayed exactly either.
            var oldest = buffer.Count > 0 ? buffer.Peek().Seq : lastSeq + 1;
            if (from > lastSeq || from < oldest - 1 || topics.Values.Any(t => !t.Primed))
            {
                return ResumeOutcome.Gap;
            }

            if (onReplay is not null)
            {
                socket.TrySend(onReplay(lastSeq));
            }

            foreach (var message in buffer)
            {
                if (message.Seq > from && !socket.TrySend(message))
                {
                    break;
                }
            }

            return ResumeOutcome.Replayed;
        }
    }

    /// <summary>The socket ended; the session keeps buffering until it expires. False if another socket took over.</summary>
    public bool Detach(LiveConnection socket, DateTimeOffset now)
    {
        lock (gate)
        {
            if (connection != socket)
            {
                return false;
            }

            connection = null;
            lastDetached = socket;
            DetachedAt = now;
            return true;
        }
    }

    /// <summary>Ends the session if it still has no socket since it lost <paramref name="socket"/> (the resume window is over).</summary>
    public bool TryEndDetached(LiveConnection socket)
    {
        lock (gate)
        {
            if (ended || connection is not null || DetachedAt is null || lastDetached != socket)
            {
                return false;
            }

            ended = true;
            return true;
        }
    }

    /// <summary>No socket may attach any more.</summary>
    public void MarkEnded()
    {
        lock (gate)
        {
            ended = true;
        }
    }

    /// <summary>Whether <paramref name="topic"/> is (still) one of this session's topics.</summary>
    internal bool Owns(SessionTopic topic)
    {
        lock (gate)
        {
            return topic.Session == this;
        }
    }

    /// <summary>Closes the attached socket, if any, with <paramref name="code"/>.</summary>
    public void CloseSocket(int code, string reason)
    {
        lock (gate)
        {
            connection?.Close(code, reason);
        }
    }

    /// <summary>A control message (no sequence, not buffered) to the socket, if one is attached.</summary>
    public void SendControl(byte[] message)
    {
        lock (gate)
        {
            connection?.TrySend(message);
        }
    }

    internal bool TryAddTopic(SessionTopic topic)
    {
        lock (gate)
        {
            if (!topics.TryAdd(topic.Topic.Name, topic))
            {
                return false;
            }

            topic.Session = this;
            return true;
        }
    }

    internal SessionTopic? RemoveTopic(string name)
    {
        lock (gate)
        {
            if (topics.Remove(name, out var topic))
            {
                topic.Session = null;
                return topic;
            }

            return null;
        }
    }

    internal IReadOnlyList<SessionTopic> RemoveAllTopics()
    {
        lock (gate)
        {
            var all = topics.Values.ToList();
            foreach (var topic in all)
            {
                topic.Session = null;
            }

            topics.Clear();
            return all;
        }
    }

    internal bool HasTopic(string name)
    {
        lock (gate)
        {
            return topics.ContainsKey(name);
        }
    }

    /// <summary>An event from a feed: sent at once if the topic's snapshot went out, else held until it does.</summary>
    internal void Deliver(SessionTopic topic, LiveDelivery delivery)
    {
        lock (gate)
        {
            if (topic.Session != this)
            {
                return;
            }

            if (topic.Primed)
            {
                if (!IsStale(topic, delivery))
                {
                    Emit(delivery.Body);
                }
            }
            else
            {
                topic.Pending.Add(delivery);
            }
        }
    }

    /// <summary>
    /// Sends the topic's snapshot, then the events that arrived while it was read, less those it already reflects (an
    /// versioned event whose version the snapshot has): no gap between snapshot and events, and no step back.
    /// </summary>
    internal void Prime(SessionTopic topic, byte[] snapshotBody, IReadOnlyDictionary<string, long>? versions)
    {
        lock (gate)
        {
            if (topic.Session != this)
            {
                return;
            }

            Emit(snapshotBody);
            topic.Floor = versions is null ? null : new Dictionary<string, long>(versions, StringComparer.Ordinal);
            topic.FloorUntil = Environment.TickCount64 + FloorMilliseconds;
            foreach (var pending in topic.Pending)
            {
                if (!IsStale(topic, pending))
                {
                    Emit(pending.Body);
                }
            }

            topic.Pending.Clear();
            topic.Primed = true;
        }
    }

    /// <summary>Starts a resync: a sequenced <c>resync</c> marker, and every topic holds its events until its new snapshot.</summary>
    internal IReadOnlyList<SessionTopic> BeginResync(byte[] resyncBody)
    {
        lock (gate)
        {
            Emit(resyncBody);
            foreach (var topic in topics.Values)
            {
                topic.Primed = false;
            }

            return [.. topics.Values];
        }
    }

    /// <summary>A versioned event older than what the topic already sent (within the floor's short life); records it otherwise.</summary>
    private static bool IsStale(SessionTopic topic, LiveDelivery delivery)
    {
        if (topic.Floor is not { } floor || delivery.Key is not { } key || delivery.Version is not { } version)
        {
            return false;
        }

        if (Environment.TickCount64 > topic.FloorUntil)
        {
            topic.Floor = null;
            return false;
        }

        if (floor.TryGetValue(key, out var sent) && version <= sent)
        {
            return true;
        }

        floor[key] = version;
        return false;
    }

    private void Emit(byte[] body)
    {
        var message = new LiveOutgoing(++lastSeq, body);
        buffer.Enqueue(message);
        bufferedBytes += body.Length;
        while (buffer.Count > bufferSize || (bufferedBytes > bufferBytes && buffer.Count > 1))
        {
            bufferedBytes -= buffer.Dequeue().Body.Length;
        }

        connection?.TrySend(message);
    }
}
