using System.Text.Json.Serialization;
using Switchboard.Domain.Queues;

namespace Switchboard.Domain.Interactions;

/// <summary>
/// Everything known about one interaction: persisted as is (System.Text.Json) and changed only by
/// <see cref="InteractionMachine"/>.
/// </summary>
public sealed record InteractionRecord
{
    public required string Id { get; init; }

    public required MediaType Media { get; init; }

    public required InteractionDirection Direction { get; init; }

    public required InteractionState State { get; init; }

    /// <summary>The queue it waits in or was last routed through; null for work that never passed through a queue.</summary>
    public string? QueueId { get; init; }

    /// <summary>0 (lowest) to 9 (highest).</summary>
    public int Priority { get; init; }

    /// <summary>When it started waiting in <see cref="QueueId"/> (kept when it is put back at the head).</summary>
    public DateTimeOffset? QueuedAt { get; init; }

    /// <summary>Its arrival number in <see cref="QueueId"/>, once routing has offered it: a requeue takes exactly that place.</summary>
    public long? QueueSequence { get; init; }

    public string? From { get; init; }

    public string? To { get; init; }

    /// <summary>The customer's name, when the customer gave it (a web chat).</summary>
    public string? CustomerName { get; init; }

    /// <summary>The CRM customer it is about: matched by phone or email when it was created, or linked by hand.</summary>
    public CustomerLink? Customer { get; init; }

    /// <summary>
    /// The agent its queue offers it to first when that agent can take it (the one who answered the customer last);
    /// dropped once that agent has been offered it, or anyone has accepted it.
    /// </summary>
    public string? PreferredAgentId { get; init; }

    /// <summary>The interaction this one follows up (a call-back of a voicemail), if any.</summary>
    public string? RelatedInteractionId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? EndedAt { get; init; }

    public IReadOnlyList<CallLeg> Legs { get; init; } = [];

    public InteractionOffer? Offer { get; init; }

    /// <summary>The agent in charge: the one who holds, transfers and consults.</summary>
    public string? Handler { get; init; }

    /// <summary>Agents on the call now (the handler, and a conferenced or consulted agent).</summary>
    public IReadOnlyList<string> Participants { get; init; } = [];

    /// <summary>Every agent who has been the handler: each owes the queue's wrap-up.</summary>
    public IReadOnlyList<string> HandledBy { get; init; } = [];

    public ConsultCall? Consult { get; init; }

    public bool Conference { get; init; }

    public RoutingPolicy Policy { get; init; } = RoutingPolicy.Direct;

    public IReadOnlyList<WrapUpItem> WrapUps { get; init; } = [];

    public IReadOnlyList<TimelineEvent> Timeline { get; init; } = [];

    /// <summary>Its co-browse sessions, oldest first; at most one open.</summary>
    public IReadOnlyList<CobrowseSession> Cobrowse { get; init; } = [];

    /// <summary>Every transaction code saved by any agent's wrap-up, agents in the order their wrap-up began.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> TransactionCodes => [.. WrapUps.SelectMany(w => w.Codes).Distinct(StringComparer.Ordinal)];

    /// <summary>True once nothing more can happen to it but wrap-up.</summary>
    [JsonIgnore]
    public bool IsOver => State is InteractionState.Ended or InteractionState.WrappedUp or InteractionState.Abandoned or InteractionState.Failed;

    /// <summary>The earliest time at which <see cref="InteractionMachine.Tick"/> has something to do (an offer, a wrap-up or a co-browse code running out), if any.</summary>
    [JsonIgnore]
    public DateTimeOffset? NextDeadline
    {
        get
        {
            DateTimeOffset? next = Offer?.ExpiresAt;
            foreach (var wrapUp in WrapUps)
            {
                if (wrapUp.IsOpen && wrapUp.Deadline is { } deadline && (next is null || deadline < next))
                {
                    next = deadline;
                }
            }

            foreach (var session in Cobrowse)
            {
                if (session.State == CobrowseState.Waiting && (next is null || session.ExpiresAt < next))
                {
                    next = session.ExpiresAt;
                }
            }

            return next;
        }
    }

    public CallLeg? Leg(string legId) => Legs.FirstOrDefault(l => l.Id == legId);

    /// <summary>The customer's leg (or the callee's, outbound).</summary>
    [JsonIgnore]
    public CallLeg? CustomerLeg => Legs.FirstOrDefault(l => l.Party == PartyKind.Customer);

    /// <summary>The active leg of this agent, if it is on the call.</summary>
    public CallLeg? AgentLeg(string agentId) => Legs.FirstOrDefault(l => l.Party == PartyKind.Agent && l.Address == agentId && l.IsActive);
}
