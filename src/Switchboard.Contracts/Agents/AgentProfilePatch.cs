namespace Switchboard.Contracts.Agents;

/// <summary>A partial update of an agent's profile; null fields stay as they are, an empty group clears it.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.AgentProfilePatch")]
public sealed record AgentProfilePatch(
    [property: Id(0)] string? DisplayName,
    [property: Id(1)] string? Group,
    [property: Id(2)] AgentCapacityPatch? Capacity = null);
