using Switchboard.Domain.Queues;

namespace Switchboard.Contracts.Agents;

/// <summary>
/// What an agent tells its queues: the media of which it may be offered routed work now (a queue offers its own medium
/// only), since when it has been ready with nothing offered, and how much work it has in hand (the less loaded first).
/// </summary>
[GenerateSerializer, Immutable, Alias("Switchboard.RoutingReadiness")]
public sealed record RoutingReadiness(
    [property: Id(0)] DateTimeOffset IdleSince,
    [property: Id(1)] int Load,
    [property: Id(2)] IReadOnlyList<MediaType> Media,
    [property: Id(3)] NoticeVersion? Version = null);
