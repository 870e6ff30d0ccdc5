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

    /// <summary>The UTC day today's figures are for; they start again from zero on the next day.</summary>
    [Id(3)]
    public DateTimeOffset Day { get; set; }

    [Id(4)]
    public int Offered { get; set; }

    [Id(5)]
    public int Answered { get; set; }

    [Id(6)]
    public int Abandoned { get; set; }

    [Id(7)]
    public double AnswerWaitSeconds { get; set; }

    [Id(8)]
    public int AnsweredWithinServiceLevel { get; set; }
}
