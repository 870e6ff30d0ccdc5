namespace Switchboard.Contracts.Agents;

/// <summary>Who an agent is: the admin-managed part of an agent. A null capacity is the default one.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.AgentProfile")]
public sealed record AgentProfile(
    [property: Id(0)] string Id,
    [property: Id(1)] string DisplayName,
    [property: Id(2)] string? Group,
    [property: Id(3)] AgentCapacity? Capacity = null);
