namespace Switchboard.Contracts.Live;

/// <summary>
/// Who an alert is for: every agent of the tenant, one group, or one queue's members (a broadcast), one agent (a
/// personal alert, such as a task falling due), or the keys that manage the tenant's webhooks (<see cref="Admins"/>: admin
/// and integration keys, e.g. an endpoint disabled). Exactly one is set.
/// </summary>
[GenerateSerializer, Immutable, Alias("Switchboard.AlertAudience")]
public sealed record AlertAudience(
    [property: Id(0)] bool All,
    [property: Id(1)] string? Group,
    [property: Id(2)] string? QueueId,
    [property: Id(3)] string? AgentId = null,
    [property: Id(4)] bool Admins = false);
