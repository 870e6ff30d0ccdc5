using Switchboard.Domain.Queues;

namespace Switchboard.Contracts.Queues;

/// <summary>A queue as the tenant's queue list shows it.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.QueueRosterEntry")]
public sealed record QueueRosterEntry(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] MediaType Media,
    [property: Id(3)] RoutingStrategy Strategy);
