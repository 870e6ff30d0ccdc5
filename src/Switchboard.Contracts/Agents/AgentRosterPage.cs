namespace Switchboard.Contracts.Agents;

/// <summary>Agents ordered by id; pass <see cref="NextAfter"/> to read the next page.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.AgentRosterPage")]
public sealed record AgentRosterPage(
    [property: Id(0)] IReadOnlyList<AgentProfile> Items,
    [property: Id(1)] string? NextAfter);
