using Switchboard.Domain.Agents;

namespace Switchboard.Contracts.Tenancy;

/// <summary>A status (reason) code and the agent states it can be used with.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.StatusCodeItem")]
public sealed record StatusCodeItem(
    [property: Id(0)] string Code,
    [property: Id(1)] string Label,
    [property: Id(2)] IReadOnlyList<AgentState> States);
