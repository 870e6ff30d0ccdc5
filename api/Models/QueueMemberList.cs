namespace Switchboard.Api.Models;

/// <summary>All members of a queue, ordered by agent id (a queue has at most 2,000).</summary>
public sealed record QueueMemberList(IReadOnlyList<QueueMemberResponse> Items);
