using Switchboard.Domain.Agents;

namespace Switchboard.Contracts.Agents;

/// <summary>A request to change an agent's state, with the version the caller saw (If-Match), if any.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.StateChangeRequest")]
public sealed record StateChangeRequest(
    [property: Id(0)] AgentState Target,
    [property: Id(1)] string? ReasonCode,
    [property: Id(2)] StateActor Actor,
    [property: Id(3)] string? ActorId,
    [property: Id(4)] string? Reason,
    [property: Id(5)] long? ExpectedVersion);
