namespace Switchboard.Domain.Queues;

/// <summary>Where work goes when it has waited too long in a queue.</summary>
/// <param name="QueueId">Another queue of the same tenant.</param>
/// <param name="AfterSeconds">How long work waits before it overflows.</param>
public sealed record QueueOverflow(string QueueId, int AfterSeconds);
