namespace Switchboard.Domain.Interactions;

/// <summary>Take it out of a queue it waits in (the caller hung up, the consult was cancelled).</summary>
public sealed record LeaveQueue(string QueueId) : InteractionEffect;
