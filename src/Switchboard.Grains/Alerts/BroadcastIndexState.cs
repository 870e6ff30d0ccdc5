using Switchboard.Contracts.Alerts;

namespace Switchboard.Grains.Alerts;

[GenerateSerializer, Alias("Switchboard.Grains.BroadcastIndexState")]
public sealed class BroadcastIndexState
{
    [Id(0)] public List<IndexedBroadcast> Entries { get; set; } = [];

    [Id(1)] public long NextSequence { get; set; } = 1;
}
