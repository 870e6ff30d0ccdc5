using Switchboard.Domain.Agents;

namespace Switchboard.Grains.Agents;

/// <summary>Persisted form of <see cref="RequestedState"/>.</summary>
[GenerateSerializer, Alias("Switchboard.Grains.RequestedStateRecord")]
public sealed class RequestedStateRecord
{
    [Id(0)] public AgentState State { get; set; }
    [Id(1)] public string? ReasonCode { get; set; }
    [Id(2)] public StateActor Actor { get; set; }
    [Id(3)] public string? ActorId { get; set; }
    [Id(4)] public string? Reason { get; set; }
}
