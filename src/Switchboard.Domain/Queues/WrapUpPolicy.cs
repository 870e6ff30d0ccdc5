namespace Switchboard.Domain.Queues;

/// <summary>What wrap-up after a queue's work asks of the agent.</summary>
/// <param name="CodeRequired">Whether the agent must save one of the queue's transaction codes.</param>
/// <param name="MaxSeconds">How long wrap-up may last; null for no limit.</param>
public sealed record WrapUpPolicy(bool CodeRequired, int? MaxSeconds)
{
    /// <summary>No code required, no time limit.</summary>
    public static WrapUpPolicy Default { get; } = new(false, null);
}
