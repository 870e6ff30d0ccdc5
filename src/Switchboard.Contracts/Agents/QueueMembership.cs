namespace Switchboard.Contracts.Agents;

/// <summary>A queue an agent is a member of, with the agent's skill level there (1-10).</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.QueueMembership")]
public sealed record QueueMembership(
    [property: Id(0)] string QueueId,
    [property: Id(1)] int SkillLevel);
