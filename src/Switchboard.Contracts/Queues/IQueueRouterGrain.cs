using Switchboard.Contracts.Interactions;

namespace Switchboard.Contracts.Queues;

/// <summary>
/// The live side of one queue: its waiting work, which members can take work now, and the offers. Keyed like the queue
/// (<see cref="GrainKeys.Queue"/>); its settings and members come from <see cref="IQueueGrain"/>.
/// </summary>
/// <remarks>
/// Call directions, so that no two grains ever wait on each other: the router calls interactions (to offer, to move on
/// overflow) and reads its queue's settings; interactions and agents only send it one-way messages, and read its
/// policy and head through methods that interleave.
/// </remarks>
[Alias("Switchboard.IQueueRouterGrain")]
public interface IQueueRouterGrain : IGrainWithStringKey
{
    /// <summary>
    /// Adds the interaction (idempotent): a new arrival, or a <paramref name="requeue"/> after an offer nobody took, back
    /// at its old place (<paramref name="sequence"/>, its arrival number here, when known); offered to
    /// <paramref name="preferredAgentId"/> first when that member can take it.
    /// One way, so that an interaction never waits on a router that may be waiting on it; the interaction sends it again
    /// (from its reminder) for as long as it is queued, so a lost message loses no work.
    /// </summary>
    [Alias("Enqueue"), OneWay]
    Task Enqueue(string interactionId, int priority, DateTimeOffset enqueuedAt, bool requeue, long? sequence, string? preferredAgentId = null);

    /// <summary>Takes the interaction out if it waits here (the caller hung up, a consult was cancelled).</summary>
    [Alias("Withdraw"), OneWay]
    Task Withdraw(string interactionId);

    /// <summary>The queue's offer and wrap-up rules; null when the queue does not exist.</summary>
    [Alias("GetPolicy"), AlwaysInterleave]
    Task<QueuePolicy?> GetPolicy(CancellationToken cancellationToken = default);

    /// <summary>The next work this queue would offer (also while it is being offered); null when none.</summary>
    [Alias("PeekHead"), AlwaysInterleave]
    Task<WaitingHead?> PeekHead(CancellationToken cancellationToken = default);

    /// <summary>All waiting work in offer order.</summary>
    [Alias("GetWaiting"), AlwaysInterleave]
    Task<IReadOnlyList<WaitingItem>> GetWaiting(CancellationToken cancellationToken = default);

    /// <summary>
    /// What a member may be offered now changed (see <see cref="Agents.RoutingReadiness"/>): it is offered this queue's
    /// work if its medium is among them. Ignored when a newer notice of the member arrived first.
    /// </summary>
    [Alias("MemberReady"), OneWay]
    Task MemberReady(string agentId, Agents.RoutingReadiness readiness);

    /// <summary>
    /// A member can no longer take routed work of any medium, or why not changed (<paramref name="unroutable"/>, per
    /// medium); ignored when a newer notice arrived first.
    /// </summary>
    [Alias("MemberNotReady"), OneWay]
    Task MemberNotReady(string agentId, Agents.NoticeVersion version, IReadOnlyDictionary<Domain.Queues.MediaType, Domain.Routing.SkipReason>? unroutable = null);

    /// <summary>A member's state changed without changing whether it can take routed work (for the figures).</summary>
    [Alias("MemberStateChanged"), OneWay]
    Task MemberStateChanged(string agentId);

    /// <summary>Publishes the queue's figures to consoles if they changed since last published (the coalescing deadline).</summary>
    [Alias("PublishStats"), OneWay, AlwaysInterleave]
    Task PublishStats();

    /// <summary>The queue's settings or members changed: read them again.</summary>
    [Alias("SettingsChanged"), OneWay]
    Task SettingsChanged();

    /// <summary>Offers waiting work to available members (sent to itself after every change, so callers never wait on it).</summary>
    [Alias("Dispatch"), OneWay]
    Task Dispatch();

    /// <summary>Moves work past the overflow wait to the overflow queue; called by the deadline scheduler.</summary>
    [Alias("CheckDeadlines")]
    Task CheckDeadlines(CancellationToken cancellationToken = default);

    /// <summary>The queue's counted figures changed (the history has new events of it): consoles are told within a second.</summary>
    [Alias("FiguresChanged"), OneWay]
    Task FiguresChanged();

    /// <summary>The queue's figures now; null when the queue does not exist.</summary>
    [Alias("GetStats"), AlwaysInterleave]
    Task<QueueStats?> GetStats(CancellationToken cancellationToken = default);
}
