namespace Switchboard.Domain.Interactions;

/// <summary>The queue moves waiting work to its overflow queue.</summary>
public sealed record MoveToQueue(string QueueId, string Actor = "system") : InteractionCommand(Actor);
