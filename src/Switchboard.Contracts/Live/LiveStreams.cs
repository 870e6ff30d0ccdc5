namespace Switchboard.Contracts.Live;

/// <summary>
/// The Orleans streams live events travel on (provider <see cref="StreamNames.Provider"/>): one stream per tenant and
/// kind: namespace the kind, key the tenant id. An API host subscribes once per stream it needs and routes each event to the socket
/// topics it concerns (<c>agent:{id}</c> and <c>directory</c> from <see cref="Agents"/>, and so on), so the number of
/// Orleans subscriptions grows with tenants, never with sockets.
/// </summary>
public static class LiveStreams
{
    /// <summary><see cref="AgentChanged"/>: an agent's state or profile changed.</summary>
    public const string Agents = "live-agents";

    /// <summary>
    /// <see cref="InteractionLiveEvent"/>: an interaction an agent is part of changed (<see cref="InteractionChanged"/>),
    /// or a chat message was stored or someone is typing (<see cref="ChatActivity"/>).
    /// </summary>
    public const string Interactions = "live-interactions";

    /// <summary><see cref="QueueStatsChanged"/>: a queue's figures, at most one per queue per second.</summary>
    public const string Queues = "live-queues";

    /// <summary><see cref="AlertSent"/>: a supervisor broadcast reached its agents, a task fell due, admins were alerted.</summary>
    public const string Alerts = "live-alerts";

    /// <summary><see cref="PlatformNoticeSent"/>: a platform-change notice went out.</summary>
    public const string Platform = "live-platform";

    /// <summary><see cref="CaseChanged"/>: the local CRM changed (webhooks read it; no socket topic does yet).</summary>
    public const string Crm = "live-crm";
}
