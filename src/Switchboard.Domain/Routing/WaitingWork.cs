namespace Switchboard.Domain.Routing;

/// <summary>
/// Work waiting in a queue. Order: higher <see cref="Priority"/> first, then earlier <see cref="EnqueuedAt"/>, then
/// lower <see cref="Sequence"/> (the queue's own arrival counter, which breaks ties between equal times).
/// </summary>
/// <param name="InteractionId">The interaction waiting.</param>
/// <param name="Priority">0 (lowest) to 9 (highest).</param>
/// <param name="EnqueuedAt">When it started waiting; kept when it is put back after an unanswered or rejected offer.</param>
/// <param name="Sequence">Assigned by the waiting list on arrival.</param>
/// <param name="PreferredAgentId">A member to offer it to before the others when that member can take it, if any.</param>
public sealed record WaitingWork(string InteractionId, int Priority, DateTimeOffset EnqueuedAt, long Sequence, string? PreferredAgentId = null)
{
    public const int LowestPriority = 0;
    public const int HighestPriority = 9;
    public const int DefaultPriority = 5;
}
