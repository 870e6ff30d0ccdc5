using Switchboard.Contracts.Interactions;

namespace Switchboard.Grains.Interactions;

[GenerateSerializer, Alias("Switchboard.InteractionIndexState")]
public sealed class InteractionIndexState
{
    [Id(0)]
    public List<IndexedInteraction> Entries { get; set; } = [];
}
