namespace Switchboard.Domain.Routing;

/// <summary>The next offerable work of one queue, as an agent in several queues compares them.</summary>
public sealed record QueueHead(string QueueId, string InteractionId, int Priority, DateTimeOffset EnqueuedAt);
