using Switchboard.Domain.Interactions;

namespace Switchboard.Grains.Interactions;

/// <summary>
/// The interaction record (a domain record: persisted as JSON, and through Orleans' System.Text.Json codec in memory)
/// and the effects of its last change not yet carried out (an outbox: run again after a failure or on activation).
/// </summary>
/// <remarks>
/// Both are immutable (records with init-only members, and a list replaced whole, never changed in place), so copies of
/// this state share them: a copy through the JSON codec on every change would cost a round trip.
/// </remarks>
[GenerateSerializer, Alias("Switchboard.InteractionGrainState")]
public sealed class InteractionGrainState
{
    [Id(0), Immutable]
    public InteractionRecord? Record { get; set; }

    [Id(1), Immutable]
    public List<InteractionEffect> PendingEffects { get; set; } = [];

    /// <summary>Whether the interaction is in its hour's list index (added right after creation; retried until it is).</summary>
    [Id(2)]
    public bool Indexed { get; set; }
}
