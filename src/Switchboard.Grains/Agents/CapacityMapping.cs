using Switchboard.Contracts.Agents;
using Switchboard.Domain.Agents;

namespace Switchboard.Grains.Agents;

/// <summary>An agent's capacity between the wire and the domain.</summary>
public static class CapacityMapping
{
    /// <summary>The agent's capacity per medium; a profile without one has the default.</summary>
    public static WorkCapacity ToDomain(this AgentCapacity? capacity) =>
        capacity is null ? WorkCapacity.Default : new WorkCapacity(capacity.Voice, capacity.Chat, capacity.Email, capacity.Voicemail);

    public static AgentCapacity ToWire(this WorkCapacity capacity) => new(capacity.Voice, capacity.Chat, capacity.Email, capacity.Voicemail);
}
