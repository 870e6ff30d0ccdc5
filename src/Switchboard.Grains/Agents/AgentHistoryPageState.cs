using Switchboard.Contracts.Agents;

namespace Switchboard.Grains.Agents;

[GenerateSerializer, Alias("Switchboard.Grains.AgentHistoryPageState")]
public sealed class AgentHistoryPageState
{
    [Id(0)] public List<StateHistoryEntry> Entries { get; set; } = [];
}
