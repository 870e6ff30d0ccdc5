using Switchboard.Contracts.Queues;

namespace Switchboard.Grains.Queues;

[GenerateSerializer, Alias("Switchboard.Grains.QueueRosterState")]
public sealed class QueueRosterState
{
    [Id(0)] public Dictionary<string, QueueRosterEntry> Queues { get; set; } = new(StringComparer.Ordinal);
}
