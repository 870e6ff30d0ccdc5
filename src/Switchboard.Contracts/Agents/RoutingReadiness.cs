using Switchboard.Domain.Queues;
using Switchboard.Domain.Routing;

namespace Switchboard.Contracts.Agents;

/// <summary>
/// What an agent tells its queues: the media of which it may be offered routed work now (a queue offers its own medium
/// only; none, when it may be offered nothing), since when it has been ready with nothing offered, how much work it has in
/// hand (the less loaded first), and why it may not be offered the other media (a queue explains its offers with it).
/// </summary>
[GenerateSerializer, Immutable, Alias("Switchboard.RoutingReadiness")]
public sealed record RoutingReadiness(
    [property: Id(0)] DateTimeOffset IdleSince,
    [property: Id(1)] int Load,
    [property: Id(2)] IReadOnlyList<MediaType> Media,
    [property: Id(3)] NoticeVersion? Version = null,
    [property: Id(4)] IReadOnlyDictionary<MediaType, SkipReason>? Unroutable = null);
