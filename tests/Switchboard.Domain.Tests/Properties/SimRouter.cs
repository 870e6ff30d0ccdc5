using Switchboard.Domain.Interactions;
using Switchboard.Domain.Queues;
using Switchboard.Domain.Routing;

namespace Switchboard.Domain.Tests.Properties;

/// <summary>The state of one queue router grain (<c>QueueRouterGrain</c>: config, waiting list, members, round-robin position).</summary>
internal sealed class SimRouter(string id, MediaType media, RoutingStrategy strategy, RoutingPolicy policy)
{
    public string Id { get; } = id;

    /// <summary>The one medium the queue carries.</summary>
    public MediaType Media { get; } = media;

    public RoutingStrategy Strategy { get; } = strategy;

    /// <summary>The queue's offer and wrap-up rules, as <c>QueuePolicy.ToDomain()</c> gives them to the interaction.</summary>
    public RoutingPolicy Policy { get; } = policy;

    public WaitingList Waiting { get; } = new();

    public SortedDictionary<string, RouterMember> Members { get; } = new(StringComparer.Ordinal);

    public string? LastOffered { get; set; }
}
