using Switchboard.Api.OpenApi;
using Switchboard.Contracts.Interactions;
using Switchboard.Domain.Interactions;
using Switchboard.Domain.Queues;

namespace Switchboard.Api.Interactions;

/// <summary>A new interaction: an inbound call into a queue or straight to an agent, or an agent's outbound call.</summary>
/// <param name="Media">Required; only voice for now (chat, email and voicemail are 422 "not supported yet").</param>
/// <param name="Direction">inbound or outbound.</param>
/// <param name="QueueId">Inbound: the queue the call waits in. Give this or agentId, not both; never outbound.</param>
/// <param name="AgentId">Inbound: the agent the call goes to directly. Outbound: the agent who dials (an agent key: its own, the default).</param>
/// <param name="From">The caller's number in E.164 ('+' then 8-15 digits); required inbound.</param>
/// <param name="To">The number called in E.164; required outbound.</param>
/// <param name="Priority">0-9, higher is offered first; default 5.</param>
[WireExample("""{"media":"voice","direction":"inbound","queueId":"support","from":"+390212345678","to":"+390698765432","priority":5}""")]
public sealed record CreateInteractionRequest(
    MediaType? Media,
    InteractionDirection? Direction,
    string? QueueId,
    string? AgentId,
    string? From,
    string? To,
    int? Priority);

/// <summary>Who acts. The body may be left out with an agent key, which always acts as its own agent.</summary>
/// <param name="AgentId">The acting agent: required with an admin, supervisor or integration key; with an agent key only its own.</param>
[WireExample("""{"agentId":"a1"}""")]
public sealed record InteractionActorRequest(string? AgentId);

/// <summary>A blind transfer or a consult.</summary>
/// <param name="AgentId">The acting agent: required with an admin, supervisor or integration key; with an agent key only its own.</param>
/// <param name="Target">Where the call goes.</param>
[WireExample("""{"agentId":"a1","target":{"type":"agent","id":"a2"}}""")]
public sealed record InteractionTransferRequest(string? AgentId, InteractionTargetRequest? Target);

/// <summary>Where a transfer or consult goes.</summary>
/// <param name="Type">agent, queue or external.</param>
/// <param name="Id">The agent or queue id (agent and queue targets).</param>
/// <param name="Number">The number in E.164 (external targets).</param>
[WireExample("""{"type":"external","number":"+390611122233"}""")]
public sealed record InteractionTargetRequest(TargetKind? Type, string? Id, string? Number);

/// <summary>An agent's wrap-up of an interaction.</summary>
/// <param name="AgentId">The acting agent: required with an admin, supervisor or integration key; with an agent key only its own.</param>
/// <param name="TransactionCodes">Codes of the interaction's queue: at most 20. Required when the queue requires one.</param>
/// <param name="Notes">Free text: at most 2,000 characters; may span lines.</param>
[WireExample("""{"agentId":"a1","transactionCodes":["sale"],"notes":"Upgraded to the family plan."}""")]
public sealed record InteractionWrapUpRequest(string? AgentId, IReadOnlyList<string?>? TransactionCodes, string? Notes);

/// <summary>An interaction with its parties, legs, offer, consult, wrap-ups and whole timeline.</summary>
/// <param name="Id">The interaction id, made by the server.</param>
/// <param name="State">Queued, Offered, Dialing, Connected, OnHold, Ended, WrappedUp, Abandoned or Failed.</param>
/// <param name="Media">voice (chat, email and voicemail later).</param>
/// <param name="Direction">inbound or outbound.</param>
/// <param name="QueueId">The queue it waits or waited in, if any.</param>
/// <param name="Priority">0-9, higher is offered first.</param>
/// <param name="From">The caller's number.</param>
/// <param name="To">The number called.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="EndedAt">When the call ended, abandoned or failed.</param>
/// <param name="Handler">The agent handling the call now, if any.</param>
/// <param name="Participants">The agents on the call now.</param>
/// <param name="Conference">Whether the lines are merged.</param>
/// <param name="Legs">Every call leg, ended ones too.</param>
/// <param name="Offer">The open offer, if any.</param>
/// <param name="Consult">The consult call on line 2, if any.</param>
/// <param name="WrapUps">One per agent whose part of the call ended.</param>
/// <param name="TransactionCodes">Every code saved at wrap-up.</param>
/// <param name="Notes">The notes saved at wrap-up, per agent.</param>
/// <param name="Timeline">Every event, oldest first.</param>
[WireExample("""
    {"id":"i_4f9c2d7e0b1a4c3d8e5f6a7b8c9d0e1f","state":"OnHold","media":"voice","direction":"inbound","queueId":"support","priority":5,
     "from":"+390212345678","to":"+390698765432","createdAt":"2026-11-25T09:00:00+00:00","endedAt":null,"handler":"a1","participants":["a1"],
     "conference":false,
     "legs":[{"id":"L1","line":1,"party":"customer","address":"+390212345678","state":"on-hold","startedAt":"2026-11-25T09:00:00+00:00","endedAt":null},
             {"id":"L2","line":1,"party":"agent","address":"a1","state":"connected","startedAt":"2026-11-25T09:00:04+00:00","endedAt":null}],
     "offer":null,"consult":null,"wrapUps":[],"transactionCodes":[],"notes":[],
     "timeline":[{"sequence":1,"at":"2026-11-25T09:00:00+00:00","type":"created","actor":"api:key_3q2-7wAbCdEf","details":{"direction":"Inbound","media":"Voice","from":"+390212345678","to":"+390698765432"}},
                 {"sequence":2,"at":"2026-11-25T09:00:00+00:00","type":"queued","actor":"api:key_3q2-7wAbCdEf","details":{"queue":"support"}},
                 {"sequence":3,"at":"2026-11-25T09:00:00+00:00","type":"offered","actor":"system","details":{"agent":"a1","queue":"support"}},
                 {"sequence":4,"at":"2026-11-25T09:00:04+00:00","type":"accepted","actor":"agent:a1","details":{"agent":"a1"}},
                 {"sequence":5,"at":"2026-11-25T09:01:30+00:00","type":"held","actor":"agent:a1","details":{"agent":"a1"}}]}
    """)]
public sealed record InteractionResponse(
    string Id,
    InteractionState State,
    MediaType Media,
    InteractionDirection Direction,
    string? QueueId,
    int Priority,
    string? From,
    string? To,
    DateTimeOffset CreatedAt,
    DateTimeOffset? EndedAt,
    string? Handler,
    IReadOnlyList<string> Participants,
    bool Conference,
    IReadOnlyList<InteractionLegResponse> Legs,
    InteractionOfferResponse? Offer,
    InteractionConsultResponse? Consult,
    IReadOnlyList<InteractionWrapUpResponse> WrapUps,
    IReadOnlyList<string> TransactionCodes,
    IReadOnlyList<InteractionNoteResponse> Notes,
    IReadOnlyList<InteractionTimelineItem> Timeline)
{
    public static InteractionResponse FromView(InteractionView view) => new(
        view.Id,
        view.State,
        view.Media,
        view.Direction,
        view.QueueId,
        view.Priority,
        view.From,
        view.To,
        view.CreatedAt,
        view.EndedAt,
        view.Handler,
        view.Participants,
        view.Conference,
        [.. view.Legs.Select(InteractionLegResponse.From)],
        view.Offer is { } offer ? InteractionOfferResponse.From(offer) : null,
        view.Consult is { } consult ? InteractionConsultResponse.From(consult) : null,
        [.. view.WrapUps.Select(InteractionWrapUpResponse.From)],
        view.TransactionCodes,
        [.. view.WrapUps.Where(w => w.Notes is not null).Select(w => new InteractionNoteResponse(w.AgentId, w.Notes!, w.CompletedAt))],
        [.. view.Timeline.Select(InteractionTimelineItem.From)]);
}

/// <summary>An interaction in a list: what it is and where it stands (GET the interaction for legs and timeline).</summary>
/// <param name="Id">The interaction id.</param>
/// <param name="State">Its state.</param>
/// <param name="Media">voice (chat, email and voicemail later).</param>
/// <param name="Direction">inbound or outbound.</param>
/// <param name="QueueId">The queue it waits or waited in, if any.</param>
/// <param name="Priority">0-9.</param>
/// <param name="From">The caller's number.</param>
/// <param name="To">The number called.</param>
/// <param name="Handler">The agent handling it now, if any.</param>
/// <param name="OfferedTo">The agent it is offered to now, if any.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="EndedAt">When it ended, if it has.</param>
/// <param name="TransactionCodes">Codes saved at wrap-up.</param>
public sealed record InteractionSummary(
    string Id,
    InteractionState State,
    MediaType Media,
    InteractionDirection Direction,
    string? QueueId,
    int Priority,
    string? From,
    string? To,
    string? Handler,
    string? OfferedTo,
    DateTimeOffset CreatedAt,
    DateTimeOffset? EndedAt,
    IReadOnlyList<string> TransactionCodes)
{
    public static InteractionSummary Of(InteractionView v) =>
        new(v.Id, v.State, v.Media, v.Direction, v.QueueId, v.Priority, v.From, v.To, v.Handler, v.Offer?.AgentId, v.CreatedAt, v.EndedAt, v.TransactionCodes);
}

/// <summary>One call leg: a phone or agent connected on line 1 (the call) or line 2 (a consult).</summary>
[WireExample("""{"id":"L1","line":1,"party":"customer","address":"+390212345678","state":"connected","startedAt":"2026-11-25T09:00:00+00:00","endedAt":null}""")]
public sealed record InteractionLegResponse(
    string Id,
    int Line,
    PartyKind Party,
    string Address,
    LegState State,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt)
{
    public static InteractionLegResponse From(LegView leg) =>
        new(leg.Id, leg.Line, leg.Party, leg.Address, leg.State, leg.StartedAt, leg.EndedAt);
}

/// <summary>The open offer: to whom, from which queue (none for a direct call), for the call itself or a consult, until when.</summary>
[WireExample("""{"agentId":"a1","queueId":"support","purpose":"main","offeredAt":"2026-11-25T09:00:00+00:00","expiresAt":"2026-11-25T09:00:15+00:00"}""")]
public sealed record InteractionOfferResponse(
    string AgentId,
    string? QueueId,
    OfferPurpose Purpose,
    DateTimeOffset OfferedAt,
    DateTimeOffset ExpiresAt)
{
    public static InteractionOfferResponse From(OfferView offer) =>
        new(offer.AgentId, offer.QueueId, offer.Purpose, offer.OfferedAt, offer.ExpiresAt);
}

/// <summary>The consult call on line 2: its target, its leg once dialled, the agent once one answered.</summary>
[WireExample("""{"target":{"type":"agent","id":"a2","number":null},"legId":"L3","agentId":"a2","startedAt":"2026-11-25T09:02:00+00:00"}""")]
public sealed record InteractionConsultResponse(
    InteractionTargetResponse Target,
    string? LegId,
    string? AgentId,
    DateTimeOffset StartedAt)
{
    public static InteractionConsultResponse From(ConsultView consult) =>
        new(InteractionTargetResponse.From(consult.TargetKind, consult.Target), consult.LegId, consult.AgentId, consult.StartedAt);
}

/// <summary>A transfer or consult target, in the shape a request names it: an id for agents and queues, a number otherwise.</summary>
public sealed record InteractionTargetResponse(TargetKind Type, string? Id, string? Number)
{
    public static InteractionTargetResponse From(TargetKind type, string target) =>
        type == TargetKind.External ? new(type, null, target) : new(type, target, null);
}

/// <summary>One agent's wrap-up: open until <c>completedAt</c>; <c>timedOut</c> when the queue's limit closed it.</summary>
[WireExample("""{"agentId":"a1","codeRequired":true,"startedAt":"2026-11-25T09:05:00+00:00","deadline":"2026-11-25T09:07:00+00:00","transactionCodes":["sale"],"notes":"Upgraded to the family plan.","completedAt":"2026-11-25T09:05:40+00:00","timedOut":false}""")]
public sealed record InteractionWrapUpResponse(
    string AgentId,
    bool CodeRequired,
    DateTimeOffset StartedAt,
    DateTimeOffset? Deadline,
    IReadOnlyList<string> TransactionCodes,
    string? Notes,
    DateTimeOffset? CompletedAt,
    bool TimedOut)
{
    public static InteractionWrapUpResponse From(WrapUpView wrapUp) =>
        new(wrapUp.AgentId, wrapUp.CodeRequired, wrapUp.StartedAt, wrapUp.Deadline, wrapUp.Codes, wrapUp.Notes, wrapUp.CompletedAt, wrapUp.TimedOut);
}

/// <summary>Notes an agent saved at wrap-up.</summary>
public sealed record InteractionNoteResponse(string AgentId, string Text, DateTimeOffset? At);

/// <summary>One event of an interaction's timeline; <c>actor</c> is e.g. <c>agent:a1</c>, <c>system</c> or <c>telephony</c>.</summary>
[WireExample("""{"sequence":4,"at":"2026-11-25T09:00:04+00:00","type":"accepted","actor":"agent:a1","details":{"agent":"a1"}}""")]
public sealed record InteractionTimelineItem(
    int Sequence,
    DateTimeOffset At,
    string Type,
    string Actor,
    IReadOnlyDictionary<string, string> Details)
{
    public static InteractionTimelineItem From(TimelineEntry entry) => new(entry.Sequence, entry.At, entry.Type, entry.Actor, entry.Details);
}
