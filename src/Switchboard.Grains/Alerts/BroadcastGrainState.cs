using Switchboard.Contracts.Live;

namespace Switchboard.Grains.Alerts;

/// <summary>A broadcast as stored; compact lists so that 10,000 recipients with their receipts stay small.</summary>
[GenerateSerializer, Alias("Switchboard.Grains.BroadcastGrainState")]
public sealed class BroadcastGrainState
{
    [Id(0)] public AlertView? Alert { get; set; }

    /// <summary>Every recipient, ordered by agent id, as resolved when it was sent.</summary>
    [Id(1)] public List<string> Recipients { get; set; } = [];

    /// <summary>Recipients whose inbox has not confirmed it yet.</summary>
    [Id(2)] public HashSet<string> Undelivered { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Read receipts by agent id.</summary>
    [Id(3)] public Dictionary<string, DateTimeOffset> ReadAt { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Whether the tenant's broadcast list has it.</summary>
    [Id(4)] public bool Indexed { get; set; }

    /// <summary>Whether <c>AlertSent</c> went out (once every inbox had it).</summary>
    [Id(5)] public bool Published { get; set; }
}
