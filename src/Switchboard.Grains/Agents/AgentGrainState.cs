using Switchboard.Contracts.Agents;
using Switchboard.Contracts.Live;
using Switchboard.Domain.Agents;
using Switchboard.Domain.Queues;

namespace Switchboard.Grains.Agents;

/// <summary>What an agent grain persists. A deleted agent keeps its version and history so its audit trail continues if re-created.</summary>
[GenerateSerializer, Alias("Switchboard.Grains.AgentGrainState")]
public sealed class AgentGrainState
{
    [Id(0)] public bool Exists { get; set; }
    [Id(1)] public AgentProfile? Profile { get; set; }
    [Id(2)] public DateTimeOffset CreatedAt { get; set; }
    [Id(3)] public DateTimeOffset UpdatedAt { get; set; }
    [Id(4)] public AgentState State { get; set; }
    [Id(5)] public string? ReasonCode { get; set; }
    [Id(6)] public DateTimeOffset Since { get; set; }
    [Id(7)] public long Version { get; set; }
    [Id(8)] public RequestedStateRecord? Next { get; set; }
    [Id(9)] public AgentState? ResumeState { get; set; }
    [Id(10)] public string? ResumeReasonCode { get; set; }
    [Id(11)] public List<string> ActiveWork { get; set; } = [];

    /// <summary>Audit entries not yet copied to history pages; written with the state, so a change and its entry commit together.</summary>
    [Id(12)] public List<StateHistoryEntry> RecentHistory { get; set; } = [];

    /// <summary>Entries with a sequence up to this one are in history pages.</summary>
    [Id(13)] public long ArchivedThrough { get; set; }

    /// <summary>The queues the agent is a member of (queue id to skill level); kept in step by the queue grains.</summary>
    [Id(14)] public Dictionary<string, int> Queues { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The one offer the agent holds, if any (routed or direct): persisted, so a failure never lets a second one in.</summary>
    [Id(15)] public HeldOfferRecord? HeldOffer { get; set; }

    /// <summary>Written before <see cref="OwedWrapUps"/> existed: the one work whose wrap-up was owed. Read as owed, then cleared.</summary>
    [Id(16)] public string? WrapUpFor { get; set; }

    /// <summary>When the last offer ended unanswered or withdrawn: idle time for routing counts from then.</summary>
    [Id(17)] public DateTimeOffset? LastOfferEndedAt { get; set; }

    /// <summary>
    /// The media of each item of <see cref="ActiveWork"/>, for the status view (reading email). Work without an entry
    /// (started before the media was kept) counts as voice.
    /// </summary>
    [Id(18)] public Dictionary<string, MediaType> WorkMedia { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Work that ended and whose wrap-up is not complete (see <see cref="OwedWrapUps"/>): only those complete a wrap-up.</summary>
    [Id(19)] public List<string> OwedWrapUps { get; set; } = [];

    /// <summary>Counts stored changes: the first part of the version of every notice to the agent's queues.</summary>
    [Id(20)] public long NoticeSequence { get; set; }

    /// <summary>
    /// Live events of stored changes not known to be published, oldest first: each change's event is stored with it and
    /// let go by a later write once published, so one lost with a failed silo is published by the next activation.
    /// </summary>
    [Id(21)] public List<LiveEvent<AgentChanged>> Unpublished { get; set; } = [];

    /// <summary>Whether the agent has a verified phone of its own (which a carrier rings for its calls).</summary>
    [Id(22)] public bool HasVerifiedPhone { get; set; }

    /// <summary>The agent's calls on hold (of <see cref="ActiveWork"/>): with one call on hold, line 2 is free for another.</summary>
    [Id(23)] public List<string> CallsOnHold { get; set; } = [];

    /// <summary>Audit entries through this sequence are in the event history (as far as the last write knew).</summary>
    [Id(24)] public long RecordedThrough { get; set; }

    /// <summary>The wrap-ups owed, the one kept by the previous version included.</summary>
    public IReadOnlyList<string> Owed() =>
        WrapUpFor is { } legacy && !OwedWrapUps.Contains(legacy, StringComparer.Ordinal) ? [.. OwedWrapUps, legacy] : OwedWrapUps;
}
