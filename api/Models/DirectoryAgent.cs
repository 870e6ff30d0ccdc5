using Switchboard.Contracts.Agents;
using Switchboard.Contracts.Live;
using Switchboard.Domain.Agents;

namespace Switchboard.Api.Models;

/// <summary>An agent in the status view, with its live state.</summary>
/// <param name="AgentId">The agent.</param>
/// <param name="DisplayName">Its name.</param>
/// <param name="Group">Its group; null when it has none.</param>
/// <param name="State">Its state now.</param>
/// <param name="Since">When that state began (the console timer).</param>
/// <param name="ReasonCode">The status code of the state, if any.</param>
/// <param name="Icon">The status-view icon: available, busy, working-offline, on-break, reading-email (busy on email), wrap-up, logged-out.</param>
/// <param name="Version">The state's version (its ETag); a higher one is a later state.</param>
public sealed record DirectoryAgent(
    string AgentId,
    string DisplayName,
    string? Group,
    AgentState State,
    DateTimeOffset Since,
    string? ReasonCode,
    PresenceIcon Icon,
    long Version)
{
    public static DirectoryAgent From(AgentPresence presence) => new(
        presence.Profile.Id,
        presence.Profile.DisplayName,
        presence.Profile.Group,
        presence.State.State,
        presence.State.Since,
        presence.State.ReasonCode,
        Presence.Icon(presence.State.State, presence.WorkMedia),
        presence.State.Version);

    /// <summary>The same shape from a live event, so a socket's snapshot and its updates read alike.</summary>
    public static DirectoryAgent From(AgentChanged change) => new(
        change.AgentId,
        change.DisplayName,
        change.Group,
        change.State.State,
        change.State.Since,
        change.State.ReasonCode,
        Presence.Icon(change.State.State, change.WorkMedia),
        change.State.Version);
}
