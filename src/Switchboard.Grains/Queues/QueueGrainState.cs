using Switchboard.Contracts.Queues;

namespace Switchboard.Grains.Queues;

/// <summary>What a queue grain persists. A deleted queue has no config and no members.</summary>
[GenerateSerializer, Alias("Switchboard.Grains.QueueGrainState")]
public sealed class QueueGrainState
{
    [Id(0)] public bool Exists { get; set; }
    [Id(1)] public QueueConfig? Config { get; set; }
    [Id(2)] public DateTimeOffset CreatedAt { get; set; }
    [Id(3)] public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Agent id to skill level.</summary>
    [Id(4)] public Dictionary<string, int> Members { get; set; } = new(StringComparer.Ordinal);
}
