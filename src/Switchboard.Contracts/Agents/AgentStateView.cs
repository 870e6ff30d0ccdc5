using Switchboard.Domain.Agents;

namespace Switchboard.Contracts.Agents;

/// <summary>An agent's current state as consoles and CRMs read it; <see cref="Version"/> is the ETag.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.AgentStateView")]
public sealed record AgentStateView(
    [property: Id(0)] AgentState State,
    [property: Id(1)] string? ReasonCode,
    [property: Id(2)] DateTimeOffset Since,
    [property: Id(3)] AgentState? NextState,
    [property: Id(4)] string? NextReasonCode,
    [property: Id(5)] long Version);
