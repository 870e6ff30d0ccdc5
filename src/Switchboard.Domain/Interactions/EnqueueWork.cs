namespace Switchboard.Domain.Interactions;

/// <summary>Put the interaction in a queue (again, at its old place when <c>EnqueuedAt</c> is the original time).</summary>
public sealed record EnqueueWork(string QueueId, int Priority, DateTimeOffset EnqueuedAt) : InteractionEffect;
