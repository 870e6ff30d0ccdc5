namespace Switchboard.Contracts.Agents;

/// <summary>An agent as the API shows it.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.AgentRecord")]
public sealed record AgentRecord(
    [property: Id(0)] AgentProfile Profile,
    [property: Id(1)] DateTimeOffset CreatedAt,
    [property: Id(2)] DateTimeOffset UpdatedAt);
