namespace Switchboard.Domain.Interactions;

/// <summary>For the queue's figures: the caller hung up while waiting or being offered.</summary>
public sealed record CountAbandoned(string QueueId) : InteractionEffect;
