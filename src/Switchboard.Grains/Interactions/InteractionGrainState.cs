using Switchboard.Domain.Interactions;

namespace Switchboard.Grains.Interactions;

/// <summary>
/// The interaction record (a domain record: persisted as JSON, and through Orleans' System.Text.Json codec in memory)
/// and the effects of its last change not yet carried out (an outbox: run again after a failure or on activation).
/// </summary>
[GenerateSerializer, Alias("Switchboard.InteractionGrainState")]
public sealed class InteractionGrainState
{
    /// <summary>
    /// Immutable (init-only members and read-only lists), so a copy of this state shares it: copied, it would make a
    /// round trip through the JSON codec on every change.
    /// </summary>
    [Id(0), Immutable]
    public InteractionRecord? Record { get; set; }

    [Id(1)]
    public List<InteractionEffect> PendingEffects { get; set; } = [];

    /// <summary>Whether the interaction is in its hour's list index (added right after creation; retried until it is).</summary>
    [Id(2)]
    public bool Indexed { get; set; }
}
