namespace Switchboard.Contracts.Agents;

/// <summary>What a state change did; <see cref="State"/> is the state after it (or the current one when refused).</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.StateChangeResult")]
public sealed record StateChangeResult(
    [property: Id(0)] StateChangeOutcome Outcome,
    [property: Id(1)] AgentStateView? State,
    [property: Id(2)] string? Detail);
