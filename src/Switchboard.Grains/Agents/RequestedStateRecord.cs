using Switchboard.Domain.Agents;

namespace Switchboard.Grains.Agents;

/// <summary>
/// Persisted form of <see cref="RequestedState"/> (the domain has no serializer attributes). A class rather than a record
/// because rows already stored hold it; immutable, so copies of the agent's state share it.
/// </summary>
[GenerateSerializer, Immutable, Alias("Switchboard.Grains.RequestedStateRecord")]
public sealed class RequestedStateRecord
{
    [Id(0)] public AgentState State { get; init; }
    [Id(1)] public string? ReasonCode { get; init; }
    [Id(2)] public StateActor Actor { get; init; }
    [Id(3)] public string? ActorId { get; init; }
    [Id(4)] public string? Reason { get; init; }
}
