namespace Switchboard.Contracts.Queues;

/// <summary>An agent in a queue, with its skill level for this queue's work (1-10).</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.QueueMember")]
public sealed record QueueMember(
    [property: Id(0)] string AgentId,
    [property: Id(1)] int SkillLevel);
