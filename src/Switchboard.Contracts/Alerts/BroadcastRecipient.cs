namespace Switchboard.Contracts.Alerts;

/// <summary>One recipient of a broadcast: whether its inbox has it yet, and when the agent read it.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.BroadcastRecipient")]
public sealed record BroadcastRecipient(
    [property: Id(0)] string AgentId,
    [property: Id(1)] bool Delivered,
    [property: Id(2)] DateTimeOffset? ReadAt);
