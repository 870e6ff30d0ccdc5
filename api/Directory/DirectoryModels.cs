using Switchboard.Api.OpenApi;
using Switchboard.Api.Queues;
using Switchboard.Contracts.Agents;
using Switchboard.Contracts.Live;
using Switchboard.Contracts.Preferences;
using Switchboard.Domain.Agents;
using Switchboard.Domain.Queues;
using Switchboard.Grains.Agents;

namespace Switchboard.Api.StatusView;

/// <summary>An agent in the status view, with its live state.</summary>
/// <param name="AgentId">The agent.</param>
/// <param name="DisplayName">Its name.</param>
/// <param name="Group">Its group; null when it has none.</param>
/// <param name="State">Its state now.</param>
/// <param name="Since">When that state began (the console timer).</param>
/// <param name="ReasonCode">The status code of the state, if any.</param>
/// <param name="Icon">The status-view icon: available, busy, working-offline, on-break, reading-email (busy on email), wrap-up, logged-out.</param>
/// <param name="Version">The state's version (its ETag); a higher one is a later state.</param>
/// <param name="Work">What the agent has in hand of each medium against its capacity (e.g. chat 2 of 3).</param>
[WireExample("""{"agentId":"a2","displayName":"Grace","group":"sales","state":"Busy","since":"2026-11-25T12:28:10+00:00","reasonCode":null,"icon":"reading-email","version":12,"work":{"voice":{"active":0,"capacity":1},"chat":{"active":2,"capacity":3},"email":{"active":1,"capacity":2},"voicemail":{"active":0,"capacity":1}}}""")]
public sealed record DirectoryAgent(
    string AgentId,
    string DisplayName,
    string? Group,
    AgentState State,
    DateTimeOffset Since,
    string? ReasonCode,
    PresenceIcon Icon,
    long Version,
    AgentWorkload Work)
{
    public static DirectoryAgent From(AgentPresence presence) => new(
        presence.Profile.Id,
        presence.Profile.DisplayName,
        presence.Profile.Group,
        presence.State.State,
        presence.State.Since,
        presence.State.ReasonCode,
        Presence.Icon(presence.State.State, presence.WorkMedia),
        presence.State.Version,
        AgentWorkload.From(presence.ActiveMedia, presence.Profile.Capacity));

    /// <summary>The same shape from a live event, so a socket's snapshot and its updates read alike.</summary>
    public static DirectoryAgent From(AgentChanged change) => new(
        change.AgentId,
        change.DisplayName,
        change.Group,
        change.State.State,
        change.State.Since,
        change.State.ReasonCode,
        Presence.Icon(change.State.State, change.WorkMedia),
        change.State.Version,
        AgentWorkload.From(change.ActiveMedia, change.Capacity));
}

/// <summary>An agent's work in hand per medium, against its capacity.</summary>
[WireExample("""{"voice":{"active":0,"capacity":1},"chat":{"active":2,"capacity":3},"email":{"active":0,"capacity":2},"voicemail":{"active":0,"capacity":1}}""")]
public sealed record AgentWorkload(MediaLoad Voice, MediaLoad Chat, MediaLoad Email, MediaLoad Voicemail)
{
    public static AgentWorkload From(IReadOnlyList<MediaType>? activeMedia, AgentCapacity? capacity)
    {
        var active = activeMedia ?? [];
        var limits = capacity.ToDomain();
        MediaLoad Of(MediaType media) => new(active.Count(m => m == media), limits.For(media));
        return new(Of(MediaType.Voice), Of(MediaType.Chat), Of(MediaType.Email), Of(MediaType.Voicemail));
    }
}

/// <summary>Pieces of work of one medium in hand, and how many the agent takes at once.</summary>
/// <param name="Active">In hand now.</param>
/// <param name="Capacity">At most at once (0: never offered this medium).</param>
[WireExample("""{"active":2,"capacity":3}""")]
public sealed record MediaLoad(int Active, int Capacity);

/// <summary>A queue in the status view, with its live figures.</summary>
/// <param name="QueueId">The queue.</param>
/// <param name="Name">Its name.</param>
/// <param name="Media">The media it carries.</param>
/// <param name="Stats">Its real-time figures, as <c>GET /v1/queues/{queueId}/stats</c> gives them (waiting, available agents, …).</param>
[WireExample("""{"queueId":"support","name":"Support","media":"voice","stats":{"queueId":"support","waiting":3,"longestWaitSeconds":42.5,"agents":{"available":1,"busy":4,"wrapUp":1,"offline":0,"break":2,"loggedOut":3,"total":11},"today":{"day":"2026-11-25T00:00:00+00:00","offered":120,"answered":110,"abandoned":4,"averageSpeedOfAnswerSeconds":18.2,"serviceLevelSeconds":20,"serviceLevelPercent":85.3},"at":"2026-11-25T12:30:00+00:00"}}""")]
public sealed record DirectoryQueue(string QueueId, string Name, MediaType Media, QueueStatsResponse Stats);

/// <summary>All of an agent's favorites, newest first (at most 100, so not paged).</summary>
public sealed record FavoriteList(IReadOnlyList<FavoriteResponse> Items);

/// <summary>A favorite with the live status of what it points at.</summary>
/// <param name="Kind"><c>agent</c> or <c>queue</c>.</param>
/// <param name="Id">The agent's or queue's id.</param>
/// <param name="AddedAt">When it was pinned.</param>
/// <param name="Agent">For an agent: its state, since and icon; null for a queue, or an agent deleted since.</param>
/// <param name="Queue">For a queue: its figures (waiting, available agents, …); null for an agent, or a queue deleted since.</param>
[WireExample("""{"kind":"agent","id":"a2","addedAt":"2026-11-25T09:10:00+00:00","agent":{"agentId":"a2","displayName":"Grace","group":"sales","state":"Busy","since":"2026-11-25T12:28:10+00:00","reasonCode":null,"icon":"reading-email","version":12},"queue":null}""")]
public sealed record FavoriteResponse(DirectoryKind Kind, string Id, DateTimeOffset AddedAt, DirectoryAgent? Agent, DirectoryQueue? Queue);

/// <summary>An agent's recents, each list newest first, each id once, at most 20 each.</summary>
[WireExample("""{"queues":[{"id":"support","at":"2026-11-25T12:25:00+00:00","queue":{"queueId":"support","name":"Support","media":"voice","stats":{"queueId":"support","waiting":3,"longestWaitSeconds":42.5,"agents":{"available":1,"busy":4,"wrapUp":1,"offline":0,"break":2,"loggedOut":3,"total":11},"today":{"day":"2026-11-25T00:00:00+00:00","offered":120,"answered":110,"abandoned":4,"averageSpeedOfAnswerSeconds":18.2,"serviceLevelSeconds":20,"serviceLevelPercent":85.3},"at":"2026-11-25T12:30:00+00:00"}}}],"agents":[{"id":"a2","at":"2026-11-25T12:20:00+00:00","agent":{"agentId":"a2","displayName":"Grace","group":"sales","state":"Busy","since":"2026-11-25T12:28:10+00:00","reasonCode":null,"icon":"reading-email","version":12}}]}""")]
public sealed record RecentsResponse(IReadOnlyList<RecentQueue> Queues, IReadOnlyList<RecentAgent> Agents);

/// <summary>An agent recently transferred or consulted to, or that transferred or consulted to this agent.</summary>
/// <param name="Id">The agent.</param>
/// <param name="At">When, last.</param>
/// <param name="Agent">Its live state; null when it has been deleted since.</param>
[WireExample("""{"id":"a2","at":"2026-11-25T12:20:00+00:00","agent":{"agentId":"a2","displayName":"Grace","group":"sales","state":"Busy","since":"2026-11-25T12:28:10+00:00","reasonCode":null,"icon":"reading-email","version":12}}""")]
public sealed record RecentAgent(string Id, DateTimeOffset At, DirectoryAgent? Agent);

/// <summary>A queue recently transferred or consulted to.</summary>
/// <param name="Id">The queue.</param>
/// <param name="At">When, last.</param>
/// <param name="Queue">Its live figures; null when it has been deleted since.</param>
[WireExample("""{"id":"support","at":"2026-11-25T12:25:00+00:00","queue":{"queueId":"support","name":"Support","media":"voice","stats":{"queueId":"support","waiting":3,"longestWaitSeconds":42.5,"agents":{"available":1,"busy":4,"wrapUp":1,"offline":0,"break":2,"loggedOut":3,"total":11},"today":{"day":"2026-11-25T00:00:00+00:00","offered":120,"answered":110,"abandoned":4,"averageSpeedOfAnswerSeconds":18.2,"serviceLevelSeconds":20,"serviceLevelPercent":85.3},"at":"2026-11-25T12:30:00+00:00"}}}""")]
public sealed record RecentQueue(string Id, DateTimeOffset At, DirectoryQueue? Queue);
