namespace Switchboard.Domain.Interactions;

/// <summary>
/// Put the interaction in a queue: a new arrival there, or (<c>Requeue</c>) back at its old place after an offer
/// nobody took, keeping its original <c>EnqueuedAt</c> and, when known, its arrival number <c>Sequence</c>.
/// </summary>
public sealed record EnqueueWork(string QueueId, int Priority, DateTimeOffset EnqueuedAt, bool Requeue = false, long? Sequence = null) : InteractionEffect;
