using Switchboard.Contracts.Agents;

namespace Switchboard.Grains.Agents;

[GenerateSerializer, Alias("Switchboard.Grains.AgentRosterState")]
public sealed class AgentRosterState
{
    [Id(0)] public Dictionary<string, AgentProfile> Agents { get; set; } = new(StringComparer.Ordinal);
}
