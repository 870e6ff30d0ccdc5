using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Switchboard.Api.Auth;
using Switchboard.Grains;

namespace Switchboard.Api.Live;

/// <summary>
/// The live sessions of this API host: opening, resuming and expiring them, and subscribing their topics to the
/// host's shared feeds with a snapshot first.
/// </summary>
public sealed class LiveHub(
    LiveFeeds feeds,
    LiveTopics topics,
    LiveEventMapping mapping,
    IOptions<LiveOptions> options,
    [FromKeyedServices(SwitchboardClock.ServiceKey)] TimeProvider time,
    ILogger<LiveHub> logger)
{
    /// <summary>The longest a topic's snapshot may take to read.</summary>
    private static readonly TimeSpan SnapshotTimeout = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, LiveSession> sessions = new(StringComparer.Ordinal);

    public LiveOptions Options => options.Value;

    public TimeProvider Time => time;

    public int SessionCount => sessions.Count;

    /// <summary>
    /// A new session for a socket of <paramref name="caller"/>'s key (or of the customer of <paramref name="customerChatId"/>);
    /// null when it holds <paramref name="maxSessions"/> (default <see cref="LiveOptions.MaxSessionsPerKey"/>) sessions
    /// with sockets (one waiting for a resume is let go instead).
    /// </summary>
    public async Task<LiveSession?> TryOpen(Caller caller, string? customerChatId = null, int? maxSessions = null)
    {
        var mine = sessions.Values.Where(s => SameOwner(s, caller, customerChatId)).ToList();
        if (mine.Count >= (maxSessions ?? options.Value.MaxSessionsPerKey))
        {
            if (mine.Where(s => s.DetachedAt is not null).MinBy(s => s.DetachedAt) is not { } oldest)
            {
                return null;
            }

            await End(oldest);
        }

        var session = new LiveSession(
            "s_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), caller, options.Value.ResumeBufferSize, options.Value.ResumeBufferBytes)
        {
            CustomerChatId = customerChatId,
        };
        sessions[session.Id] = session;
        return session;
    }

    /// <summary>A session to resume: only one opened with the same key (or by the customer of the same chat).</summary>
    public LiveSession? Find(string sessionId, Caller caller, string? customerChatId = null) =>
        sessions.TryGetValue(sessionId, out var session) && SameOwner(session, caller, customerChatId) ? session : null;

    private static bool SameOwner(LiveSession session, Caller caller, string? customerChatId) =>
        session.Caller.TenantId == caller.TenantId && session.Caller.KeyId == caller.KeyId && session.CustomerChatId == customerChatId;

    /// <summary>Subscribes topics (snapshot first, then events); answers with <c>subscribed</c> listing any denied.</summary>
    public async Task Subscribe(LiveSession session, IReadOnlyList<string> requested, CancellationToken cancellationToken)
    {
        var accepted = new List<string>();
        var denied = new List<(string, string, string)>();
        foreach (var name in requested.Distinct(StringComparer.Ordinal))
        {
            if (!LiveTopic.TryParse(name, out var topic))
            {
                denied.Add((name, "invalid-topic", "Topics are agent:{id}, interactions:{agentId}, queue:{id}, directory, alerts or platform (chat:{interactionId} for a customer)."));
                continue;
            }

            if (session.HasTopic(topic.Name))
            {
                accepted.Add(topic.Name);
                continue;
            }

            if (session.TopicCount >= options.Value.MaxTopicsPerSession)
            {
                denied.Add((topic.Name, "too-many-topics", $"A session may hold at most {options.Value.MaxTopicsPerSession} topics."));
                continue;
            }

            var denial = await Add(session, topic, cancellationToken);
            if (denial is { } d)
            {
                denied.Add((topic.Name, d.Code!, d.Detail!));
            }
            else
            {
                accepted.Add(topic.Name);
            }
        }

        session.SendControl(LiveMessages.Subscribed(accepted, denied));
    }

    public async Task Unsubscribe(LiveSession session, IReadOnlyList<string> names)
    {
        var removed = new List<string>();
        foreach (var name in names.Distinct(StringComparer.Ordinal))
        {
            if (session.RemoveTopic(name) is { } topic)
            {
                removed.Add(name);
                if (topic.Leave is { } leave)
                {
                    await leave();
                }
            }
        }

        session.SendControl(LiveMessages.Unsubscribed(removed));
    }

    /// <summary>A <c>resync</c> marker, then a fresh snapshot of every topic: the client can never miss state silently.</summary>
    public async Task Resync(LiveSession session, string reason, CancellationToken cancellationToken)
    {
        var dropped = new List<(string, string, string)>();
        foreach (var topic in session.BeginResync(LiveMessages.Resync(reason, time.GetUtcNow())))
        {
            if (!await Prime(session, topic, cancellationToken))
            {
                await Drop(session, topic);
                dropped.Add((topic.Topic.Name, "unavailable", "The topic could not be read again after the resync; subscribe again."));
            }
        }

        if (dropped.Count > 0)
        {
            // The client waits for a snapshot of each of its topics after a resync: say which will not come.
            session.SendControl(LiveMessages.Subscribed([], dropped));
        }
    }

    /// <summary>
    /// Changes on their way to a topic of the session were lost: a resync, begun at once (its marker, and the topics hold
    /// their events until their snapshots), so the change that showed the loss waits for the snapshot.
    /// </summary>
    private async Task ResyncAfterLoss(LiveSession session)
    {
        try
        {
            await Resync(session, "events-lost", CancellationToken.None);
        }
        catch (Exception exception)
        {
            LiveLog.ResyncFailed(logger, exception, session.Id);
        }
    }

    /// <summary>Set once the host began to stop: no socket is taken any more, and those open are being closed.</summary>
    public bool IsGoingAway => Volatile.Read(ref goingAway);

    private bool goingAway;

    /// <summary>
    /// The host is stopping: every socket is closed with 1001 so its console goes on through another host, and none is
    /// taken any more; the requests the sockets held then end, and the server's drain does not wait for them.
    /// </summary>
    public void GoAway()
    {
        Volatile.Write(ref goingAway, true);
        LiveLog.GoingAway(logger, sessions.Count);
        foreach (var session in sessions.Values)
        {
            session.CloseSocket(LiveCloseCodes.GoingAway, "the server is shutting down: connect again to go on");
        }
    }

    /// <summary>The socket ended: the session stays for the resume window, then goes with its subscriptions.</summary>
    public void Detached(LiveSession session, LiveConnection connection)
    {
        if (!session.Detach(connection, time.GetUtcNow()))
        {
            return;
        }

        session.Expiry?.Dispose();
        session.Expiry = time.CreateTimer(_ => _ = Expire(session, connection), null, TimeSpan.FromSeconds(options.Value.ResumeWindowSeconds), Timeout.InfiniteTimeSpan);
    }

    /// <summary>Closes every socket opened with a key that was just revoked, and ends their sessions.</summary>
    public async Task CloseKey(string tenantId, string keyId)
    {
        foreach (var session in sessions.Values.Where(s => s.Caller.TenantId == tenantId && s.Caller.KeyId == keyId).ToList())
        {
            session.CloseSocket(LiveCloseCodes.KeyRevoked, "the API key was revoked");
            await End(session);
        }
    }

    /// <summary>After the cluster connection came back: subscriptions again, and every session resyncs (events may be lost).</summary>
    public async Task Recover(CancellationToken cancellationToken)
    {
        LiveLog.Renewing(logger, feeds.SubscriptionCount, sessions.Count);
        try
        {
            await feeds.RenewAll(cancellationToken);
        }
        finally
        {
            // Whatever could be renewed: every session is told to resync, so none waits silently for lost events.
            foreach (var session in sessions.Values.ToList())
            {
                await Resync(session, "cluster-reconnected", cancellationToken);
            }
        }
    }

    /// <summary>Ends a session now: out of the registry and all its feeds.</summary>
    public async Task End(LiveSession session)
    {
        session.MarkEnded();
        sessions.TryRemove(session.Id, out _);
        session.Expiry?.Dispose();
        foreach (var topic in session.RemoveAllTopics())
        {
            if (topic.Leave is { } leave)
            {
                await leave();
            }
        }
    }

    private async Task Expire(LiveSession session, LiveConnection detachedFrom)
    {
        // Checked and marked ended in one step: a resume that comes at the same moment either wins or is refused.
        if (session.TryEndDetached(detachedFrom))
        {
            await End(session);
        }
    }

    /// <summary>Joins the topic's feed, then sends its snapshot; null when done, else why not.</summary>
    private async Task<TopicGrant?> Add(LiveSession session, LiveTopic topic, CancellationToken cancellationToken)
    {
        TopicGrant grant;
        try
        {
            grant = await topics.Grant(session, topic, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LiveLog.SnapshotFailed(logger, exception, topic.Name, session.Id);
            return TopicGrant.Deny("unavailable", "The topic could not be read now; subscribe again.");
        }

        if (!grant.Allowed)
        {
            return grant;
        }

        var entry = new SessionTopic(topic);
        if (!session.TryAddTopic(entry))
        {
            return null;
        }

        // Joined before the snapshot is read: events from then on wait in the topic, so none falls between the two.
        // Leave is set first (leaving twice is harmless) so that a session ended meanwhile leaves the feed too.
        var feed = feeds.For(grant.StreamKind!, session.Caller.TenantId);
        entry.Leave = () => feed.Leave(grant.Route!, entry);
        entry.OnMissed = () => _ = ResyncAfterLoss(session);
        try
        {
            // Not the socket's token: the session outlives its socket, and a half-added topic must not stay behind.
            await feed.Join(grant.Route!, entry, CancellationToken.None);
            if (!session.Owns(entry))
            {
                await entry.Leave();
                return null;
            }
        }
        catch (Exception exception)
        {
            session.RemoveTopic(topic.Name);
            LiveLog.SnapshotFailed(logger, exception, topic.Name, session.Id);
            return TopicGrant.Deny("unavailable", "Live events for this topic are not available now; subscribe again.");
        }

        if (!await Prime(session, entry, cancellationToken))
        {
            await Drop(session, entry);
            return TopicGrant.Deny("unavailable", "The topic's snapshot could not be read now; subscribe again.");
        }

        return null;
    }

    private async Task<bool> Prime(LiveSession session, SessionTopic topic, CancellationToken cancellationToken)
    {
        try
        {
            // Bounded, but not by the socket: a snapshot cut short by a dropped socket would leave the topic unprimed.
            using var timeout = new CancellationTokenSource(SnapshotTimeout);
            var snapshot = await topics.Snapshot(session, topic.Topic, timeout.Token);
            if (snapshot is null)
            {
                return false;
            }

            var body = LiveMessages.Body(topic.Topic.Name, LiveEventTypes.Snapshot, time.GetUtcNow(), snapshot.Data, mapping.Json);
            session.Prime(topic, body, snapshot.Versions);
            return true;
        }
        catch (Exception exception)
        {
            LiveLog.SnapshotFailed(logger, exception, topic.Topic.Name, session.Id);
            return false;
        }
    }

    private static async Task Drop(LiveSession session, SessionTopic topic)
    {
        session.RemoveTopic(topic.Topic.Name);
        if (topic.Leave is { } leave)
        {
            await leave();
        }
    }
}
