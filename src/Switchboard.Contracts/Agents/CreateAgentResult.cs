namespace Switchboard.Contracts.Agents;

[GenerateSerializer, Immutable, Alias("Switchboard.CreateAgentResult")]
public sealed record CreateAgentResult(
    [property: Id(0)] CreateAgentOutcome Outcome,
    [property: Id(1)] AgentRecord Agent);
