using Switchboard.Contracts.Queues;

namespace Switchboard.Contracts.Live;

/// <summary>A queue's figures after one or more changes, coalesced: at most one per queue per second.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.QueueStatsChanged")]
public sealed record QueueStatsChanged(
    [property: Id(0)] QueueStats Stats);
