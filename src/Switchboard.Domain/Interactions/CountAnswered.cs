namespace Switchboard.Domain.Interactions;

/// <summary>For the queue's figures: routed work was answered after waiting <c>Wait</c> (since it arrived in the queue).</summary>
public sealed record CountAnswered(string QueueId, TimeSpan Wait) : InteractionEffect;
