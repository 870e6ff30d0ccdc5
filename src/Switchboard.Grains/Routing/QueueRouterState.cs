using Switchboard.Contracts.Queues;

namespace Switchboard.Grains.Routing;

/// <summary>What must survive a silo failure: the waiting work in order, and the round-robin position.</summary>
[GenerateSerializer, Alias("Switchboard.QueueRouterState")]
public sealed class QueueRouterState
{
    [Id(0)]
    public List<WaitingItem> Waiting { get; set; } = [];

    [Id(1)]
    public long NextSequence { get; set; } = 1;

    [Id(2)]
    public string? LastOffered { get; set; }

    // Ids 3 to 8 held today's counts before the event history took them over: retired, never to be reused.
}
