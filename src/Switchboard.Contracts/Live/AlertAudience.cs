namespace Switchboard.Contracts.Live;

/// <summary>
/// Who an alert is for: every agent of the tenant, one group, or one queue's members (a broadcast), or one agent (a
/// personal alert, such as a task falling due). Exactly one is set.
/// </summary>
[GenerateSerializer, Immutable, Alias("Switchboard.AlertAudience")]
public sealed record AlertAudience(
    [property: Id(0)] bool All,
    [property: Id(1)] string? Group,
    [property: Id(2)] string? QueueId,
    [property: Id(3)] string? AgentId = null);
