namespace Switchboard.Api.Models;

/// <summary>An agent's recents, each list newest first, each id once, at most 20 each.</summary>
public sealed record RecentsResponse(IReadOnlyList<RecentQueue> Queues, IReadOnlyList<RecentAgent> Agents);
