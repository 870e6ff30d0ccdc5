using Switchboard.Contracts.Live;
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

    /// <summary>What the live events of the last change need besides the record, to be published again if it may not have been.</summary>
    [Id(3)]
    public InteractionChangeMark? LastChange { get; set; }

    /// <summary>Live events of earlier changes and messages whose publishing failed, oldest first (usually none).</summary>
    [Id(4)]
    public List<LiveEvent<InteractionLiveEvent>> Unpublished { get; set; } = [];

    /// <summary>The last change known to be published, as an activation that ended in order left it (not told again).</summary>
    [Id(5)]
    public long ToldThrough { get; set; }

    /// <summary>How many chat messages were known to be published when an activation ended in order.</summary>
    [Id(6)]
    public long ToldMessages { get; set; }

    /// <summary>How many timeline entries were known to be in the event history when this was written (the rest are appended again).</summary>
    [Id(7)]
    public int RecordedThrough { get; set; }

    /// <summary>How many chat messages were known to be in the event history when this was written.</summary>
    [Id(8)]
    public long MessagesRecorded { get; set; }
}

/// <summary>
/// One change of an interaction as its live events tell it, less the record after it (the one stored with it): its number
/// (which makes the events' ids), when, the agents it concerns, the agent it offered the work to, the state before, and
/// who joined or left a chat with it.
/// </summary>
[GenerateSerializer, Immutable, Alias("Switchboard.InteractionChangeMark")]
public sealed record InteractionChangeMark(
    [property: Id(0)] long Sequence,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] IReadOnlyList<string> AgentIds,
    [property: Id(3)] string? OfferedTo,
    [property: Id(4)] InteractionState? PreviousState,
    [property: Id(5)] ChatPresenceChange? Presence);
