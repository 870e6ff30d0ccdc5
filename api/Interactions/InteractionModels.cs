using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.RegularExpressions;
using Switchboard.Api.OpenApi;
using Switchboard.Contracts.Interactions;
using Switchboard.Domain.Interactions;
using Switchboard.Domain.Queues;
using Switchboard.Domain.Routing;
using Switchboard.Domain.Tenancy;

namespace Switchboard.Api.Interactions;

/// <summary>
/// A new interaction: an inbound call or chat into a queue or straight to an agent, an agent's outbound call, or an
/// internal call or chat from one agent to another.
/// </summary>
/// <param name="Media">Required: voice or chat (email and voicemail are 422 "not supported yet").</param>
/// <param name="Direction">inbound, outbound (voice only) or internal (agent to agent: fromAgentId and toAgentId, nothing else but text).</param>
/// <param name="QueueId">Inbound: the queue the work waits in (it must carry the same media). Give this or agentId, not both; never outbound or internal.</param>
/// <param name="AgentId">Inbound: the agent the work goes to directly. Outbound: the agent who dials (an agent key: its own, the default). Never internal.</param>
/// <param name="From">Inbound, required: the caller's number in E.164 ('+' then 8-15 digits) for a call; the customer's address (an email address or handle, at most 254 characters) for a chat. Never internal.</param>
/// <param name="To">The number called in E.164; required outbound. For a chat, the address written to (optional, at most 254 characters). Never internal.</param>
/// <param name="Priority">0-9, higher is offered first; default 5. Never internal (no queue).</param>
/// <param name="FromAgentId">Internal: the agent who calls or writes (an agent key: its own, the default); it is in the interaction at once.</param>
/// <param name="ToAgentId">Internal, required: the colleague it is offered to (even Offline; not on a break or logged out).</param>
/// <param name="Text">Internal chat: the first message, plain text, 1-2,000 characters (optional).</param>
[WireExample("""{"media":"voice","direction":"inbound","queueId":"support","from":"+390212345678","to":"+390698765432","priority":5}""")]
public sealed record CreateInteractionRequest(
    [property: Required] MediaType? Media,
    [property: Required] InteractionDirection? Direction,
    string? QueueId,
    string? AgentId,
    string? From,
    string? To,
    int? Priority,
    string? FromAgentId = null,
    string? ToAgentId = null,
    string? Text = null)
{
    internal const int DefaultPriority = 5;
    private const int MaxPriority = 9;
    private const int MaxAddressLength = 254;

    /// <summary>
    /// The rules a new interaction must follow, short of the queue and agent existing. The handler calls it on the body
    /// with the agent the key acts as (an agent key dials for its own agent without naming it), so that its errors and
    /// those of the queue and agent lookups come in one 422.
    /// </summary>
    internal void Validate(ValidationErrors errors)
    {
        if (errors.Check(Media is not null, "media", "media is required: voice or chat."))
        {
            errors.Check(Media is MediaType.Voice or MediaType.Chat, "media",
                $"media '{WireNames.Of(Media!.Value)}' is not supported yet: voice and chat interactions can be created.");
        }

        var call = Media != MediaType.Chat;
        var what = call ? "call" : "chat";
        errors.Check(Direction is not null, "direction", "direction is required: inbound, outbound or internal.");
        if (Direction == InteractionDirection.Internal)
        {
            ValidateInternal(errors, call);
            return;
        }

        foreach (var (value, field) in new[] { (FromAgentId, "fromAgentId"), (ToAgentId, "toAgentId"), (Text, "text") })
        {
            errors.Check(value is null, field, $"{field} is for internal (agent to agent) interactions only.");
        }

        InteractionRules.CheckId(errors, QueueId, "queueId", "queue");
        InteractionRules.CheckId(errors, AgentId, "agentId", "agent");
        if (call)
        {
            InteractionRules.CheckNumber(errors, From, "from");
            InteractionRules.CheckNumber(errors, To, "to");
        }
        else
        {
            CheckAddress(errors, From, "from");
            CheckAddress(errors, To, "to");
        }

        if (Priority is { } priority)
        {
            errors.Check(priority is >= 0 and <= MaxPriority, "priority", $"priority must be 0-{MaxPriority} (higher is offered first).");
        }

        switch (Direction)
        {
            case InteractionDirection.Inbound:
                if ((QueueId is null) == (AgentId is null))
                {
                    var message = $"An inbound {what} needs exactly one of queueId (into a queue) or agentId (straight to an agent).";
                    errors.Add("queueId", message);
                    errors.Add("agentId", message);
                }

                errors.Check(From is not null, "from", call
                    ? $"from is required for an inbound call: the caller's number ({InteractionRules.NumberRule})."
                    : "from is required for an inbound chat: the customer's address (an email address or handle).");
                break;
            case InteractionDirection.Outbound when !call:
                errors.Add("direction", "A chat cannot be outbound: customers start chats (an agent chats a colleague with direction 'internal').");
                break;
            case InteractionDirection.Outbound:
                errors.Check(AgentId is not null, "agentId", "agentId is required for an outbound call: the agent who dials.");
                errors.Check(To is not null, "to", $"to is required for an outbound call: the number to dial ({InteractionRules.NumberRule}).");
                errors.Check(QueueId is null, "queueId", "An outbound call has no queue; leave queueId out.");
                break;
        }
    }

    /// <summary>Agent to agent: the two agents (different), an optional first message for a chat, and nothing of a customer's.</summary>
    private void ValidateInternal(ValidationErrors errors, bool call)
    {
        var what = call ? "call" : "chat";
        InteractionRules.CheckId(errors, FromAgentId, "fromAgentId", "agent");
        InteractionRules.CheckId(errors, ToAgentId, "toAgentId", "agent");
        errors.Check(FromAgentId is not null, "fromAgentId", $"fromAgentId is required for an internal {what}: the agent who starts it.");
        if (errors.Check(ToAgentId is not null, "toAgentId", $"toAgentId is required for an internal {what}: the colleague it is for.") && FromAgentId is not null)
        {
            errors.Check(!string.Equals(FromAgentId, ToAgentId, StringComparison.Ordinal), "toAgentId", $"An agent cannot {what} itself: toAgentId must be another agent.");
        }

        foreach (var (present, field) in new[] { (QueueId is not null, "queueId"), (AgentId is not null, "agentId"), (From is not null, "from"), (To is not null, "to"), (Priority is not null, "priority") })
        {
            errors.Check(!present, field, $"An internal {what} has no {field}: name the two agents with fromAgentId and toAgentId.");
        }

        if (Text is not null)
        {
            if (errors.Check(!call, "text", "text is the first message of an internal chat; a call has none."))
            {
                errors.Check(ChatRules.IsValidText(Text), "text",
                    $"text must be 1-{ChatRules.MaxMessageLength} characters of plain text; line breaks and tabs are the only control characters allowed.");
            }
        }
    }

    private static void CheckAddress(ValidationErrors errors, string? value, string field)
    {
        if (value is not null)
        {
            errors.Check(Identifiers.IsValidText(value, MaxAddressLength), field,
                $"{field} must be 1-{MaxAddressLength} characters, not blank, without control characters.");
        }
    }
}

/// <summary>Who acts. The body may be left out with an agent key, which always acts as its own agent.</summary>
/// <param name="AgentId">The acting agent: required with an admin, supervisor or integration key; with an agent key only its own.</param>
[WireExample("""{"agentId":"a1"}""")]
public sealed record InteractionActorRequest(string? AgentId);

/// <summary>A blind transfer or a consult.</summary>
/// <param name="AgentId">The acting agent: required with an admin, supervisor or integration key; with an agent key only its own.</param>
/// <param name="Target">Where the call goes.</param>
[WireExample("""{"agentId":"a1","target":{"type":"agent","id":"a2"}}""")]
public sealed record InteractionTransferRequest(string? AgentId, [property: Required] InteractionTargetRequest? Target)
{
    /// <summary>
    /// The target's shape; the agent or queue it names is looked up later. The handler calls it once it knows who acts,
    /// so that a missing acting agent and a bad target come in one 422.
    /// </summary>
    internal void Validate(ValidationErrors errors)
    {
        if (!errors.Check(Target is not null, "target", "target is required: {\"type\":\"agent|queue\",\"id\":\"...\"} or {\"type\":\"external\",\"number\":\"+...\"}."))
        {
            return;
        }

        switch (Target!.Type)
        {
            case null:
                errors.Add("target.type", "target.type is required: agent, queue or external.");
                break;
            case TargetKind.External:
                errors.Check(Target.Number is not null, "target.number", $"target.number is required for an external target ({InteractionRules.NumberRule}).");
                InteractionRules.CheckNumber(errors, Target.Number, "target.number");
                errors.Check(Target.Id is null, "target.id", "target.id is only for agent and queue targets; an external target has a number.");
                break;
            default:
                var what = Target.Type == TargetKind.Agent ? "agent" : "queue";
                errors.Check(Target.Id is not null, "target.id", $"target.id is required for a{(what == "agent" ? "n" : "")} {what} target.");
                InteractionRules.CheckId(errors, Target.Id, "target.id", what);
                errors.Check(Target.Number is null, "target.number", "target.number is only for external targets.");
                break;
        }
    }
}

/// <summary>Merge lines: the agent's other call joins this one.</summary>
/// <param name="AgentId">The acting agent: required with an admin, supervisor or integration key; with an agent key only its own.</param>
/// <param name="InteractionId">The agent's other call, whose party joins this call in conference; that call ends.</param>
[WireExample("""{"agentId":"a1","interactionId":"i_0b5e"}""")]
public sealed record InteractionMergeRequest(string? AgentId, [property: Required] string? InteractionId)
{
    internal void Validate(ValidationErrors errors, string interactionId)
    {
        if (errors.Check(InteractionId is not null, "interactionId", "interactionId is required: the agent's other call.")
            && InteractionRules.CheckId(errors, InteractionId, "interactionId", "interaction"))
        {
            errors.Check(InteractionId != interactionId, "interactionId", "interactionId must be the agent's other call, not this one.");
        }
    }
}

/// <summary>Where a transfer or consult goes.</summary>
/// <param name="Type">agent, queue or external.</param>
/// <param name="Id">The agent or queue id (agent and queue targets).</param>
/// <param name="Number">The number in E.164 (external targets).</param>
[WireExample("""{"type":"external","number":"+390611122233"}""")]
public sealed record InteractionTargetRequest([property: Required] TargetKind? Type, string? Id, string? Number);

/// <summary>An agent's wrap-up of an interaction.</summary>
/// <param name="AgentId">The acting agent: required with an admin, supervisor or integration key; with an agent key only its own.</param>
/// <param name="TransactionCodes">Codes of the interaction's queue: at most 20. Required when the queue requires one.</param>
/// <param name="Notes">Free text: at most 2,000 characters; may span lines.</param>
[WireExample("""{"agentId":"a1","transactionCodes":["sale"],"notes":"Upgraded to the family plan."}""")]
public sealed record InteractionWrapUpRequest(string? AgentId, IReadOnlyList<string?>? TransactionCodes, string? Notes)
{
    private const int MaxCodes = 20;
    private const int MaxNotesLength = 2000;

    /// <summary>
    /// Codes: at most 20, each a well-formed code (whether the queue has them is the grain's rule); notes: one free text.
    /// The handler calls it once it knows who acts, so that a missing acting agent and these come in one 422.
    /// </summary>
    internal void Validate(ValidationErrors errors)
    {
        if (TransactionCodes is { } codes)
        {
            errors.Check(codes.Count <= MaxCodes, "transactionCodes", $"transactionCodes may list at most {MaxCodes} codes.");
            for (var i = 0; i < codes.Count; i++)
            {
                errors.Check(Identifiers.IsValidCode(codes[i]), $"transactionCodes[{i}]",
                    $"Each transaction code is 1-{Identifiers.MaxCodeLength} of lower-case letters, digits, '.', '_' or '-'.");
            }
        }

        if (Notes is not null)
        {
            // Notes are the one free text that may span lines; everything else that hides or reorders text is refused.
            var oneLine = Notes.Replace('\r', ' ').Replace('\n', ' ').Replace('\t', ' ');
            errors.Check(Identifiers.IsValidText(oneLine, MaxNotesLength), "notes",
                $"notes must be 1-{MaxNotesLength} characters, not blank, without control characters other than line breaks and tabs.");
        }
    }
}

/// <summary>An interaction with its parties, legs, offer, consult, wrap-ups and whole timeline.</summary>
/// <param name="Id">The interaction id, made by the server.</param>
/// <param name="State">Queued, Offered, Dialing, Connected, OnHold, Ended, WrappedUp, Abandoned or Failed.</param>
/// <param name="Media">voice (chat, email and voicemail later).</param>
/// <param name="Direction">inbound or outbound.</param>
/// <param name="QueueId">The queue it waits or waited in, if any.</param>
/// <param name="Priority">0-9, higher is offered first.</param>
/// <param name="From">The caller's number.</param>
/// <param name="To">The number called.</param>
/// <param name="CustomerName">The customer's name when the customer gave it (a web chat); null otherwise.</param>
/// <param name="Customer">
/// The CRM customer it is about (the screen pop): matched by the caller's number (voice) or the sender's address (chat)
/// when it was created, or linked by hand (POST …/link); null when none.
/// </param>
/// <param name="CaseId">The CRM case it was linked to by hand, if any.</param>
/// <param name="OpenCases">The customer's newest open cases (at most 5) as they were when matched or linked; empty without a customer.</param>
/// <param name="RelatedInteractionId">The interaction this one follows up (the voicemail a call-back answers), if any.</param>
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
/// <param name="Cobrowse">Its co-browse sessions, oldest first (at most one waiting or active); never their join codes.</param>
/// <param name="Timeline">Every event, oldest first.</param>
[WireExample("""
    {"id":"i_4f9c2d7e0b1a4c3d8e5f6a7b8c9d0e1f","state":"OnHold","media":"voice","direction":"inbound","queueId":"support","priority":5,
     "from":"+390212345678","to":"+390698765432","customerName":null,
     "customer":{"id":"maria-rossi","name":"Maria Rossi","byHand":false},"caseId":null,"openCases":[{"id":"17","subject":"Ordine 12345 non consegnato","status":"open"}],
     "relatedInteractionId":null,"createdAt":"2026-11-25T09:00:00+00:00","endedAt":null,"handler":"a1","participants":["a1"],
     "conference":false,
     "legs":[{"id":"L1","line":1,"party":"customer","address":"+390212345678","state":"on-hold","startedAt":"2026-11-25T09:00:00+00:00","endedAt":null},
             {"id":"L2","line":1,"party":"agent","address":"a1","state":"connected","startedAt":"2026-11-25T09:00:04+00:00","endedAt":null}],
     "offer":null,"consult":null,"wrapUps":[],"transactionCodes":[],"notes":[],"cobrowse":[],
     "timeline":[{"sequence":1,"at":"2026-11-25T09:00:00+00:00","type":"created","actor":"api:key_3q2-7wAbCdEf","details":{"direction":"Inbound","media":"Voice","from":"+390212345678","to":"+390698765432"}},
                 {"sequence":2,"at":"2026-11-25T09:00:00+00:00","type":"customer-matched","actor":"api:key_3q2-7wAbCdEf","details":{"customerId":"maria-rossi"}},
                 {"sequence":3,"at":"2026-11-25T09:00:00+00:00","type":"queued","actor":"api:key_3q2-7wAbCdEf","details":{"queue":"support"}},
                 {"sequence":4,"at":"2026-11-25T09:00:00+00:00","type":"offered","actor":"system",
                  "details":{"agent":"a1","queue":"support","strategy":"longest-idle","eligible":"1","idleSeconds":"95","skillLevel":"5","load":"0","skipped":"a2:break"}},
                 {"sequence":5,"at":"2026-11-25T09:00:04+00:00","type":"accepted","actor":"agent:a1","details":{"agent":"a1"}},
                 {"sequence":6,"at":"2026-11-25T09:01:30+00:00","type":"held","actor":"agent:a1","details":{"agent":"a1"}}]}
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
    string? CustomerName,
    InteractionCustomerResponse? Customer,
    string? CaseId,
    IReadOnlyList<OpenCaseResponse> OpenCases,
    string? RelatedInteractionId,
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
    IReadOnlyList<CobrowseSessionResponse> Cobrowse,
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
        view.CustomerName,
        view.Customer is { } customer ? new InteractionCustomerResponse(customer.CustomerId, customer.Name, customer.ByHand) : null,
        view.Customer?.CaseNumber?.ToString(CultureInfo.InvariantCulture),
        [.. (view.Customer?.OpenCases ?? []).Select(OpenCaseResponse.From)],
        view.RelatedInteractionId,
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
        [.. (view.Cobrowse ?? []).Select(CobrowseSessionResponse.From)],
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

/// <summary>
/// The open offer: to whom, from which queue (none for a direct call), for the call itself or a consult, until when.
/// <c>phoneLegId</c>: once the agent accepted a call and its own phone is being rung, that phone's leg; the call connects
/// when it answers, and goes back unanswered if it does not by <c>expiresAt</c>. <c>routing</c>: why the queue chose
/// this agent; null for a direct offer (a call, transfer or consult to a named agent), which no queue chose.
/// </summary>
[WireExample("""
    {"agentId":"a1","queueId":"support","purpose":"main","offeredAt":"2026-11-25T09:00:00+00:00","expiresAt":"2026-11-25T09:00:15+00:00","phoneLegId":null,
     "routing":{"strategy":"longest-idle","eligible":2,"idleSeconds":95,"skillLevel":5,"load":0,"position":null,"preferred":false,
                "skipped":[{"agentId":"a2","reason":"better-work-elsewhere"},{"agentId":"a3","reason":"break"},{"agentId":"a4","reason":"at-capacity"}],"skippedMore":0}}
    """)]
public sealed record InteractionOfferResponse(
    string AgentId,
    string? QueueId,
    OfferPurpose Purpose,
    DateTimeOffset OfferedAt,
    DateTimeOffset ExpiresAt,
    string? PhoneLegId,
    OfferRoutingResponse? Routing)
{
    public static InteractionOfferResponse From(OfferView offer) =>
        new(offer.AgentId, offer.QueueId, offer.Purpose, offer.OfferedAt, offer.ExpiresAt, offer.PhoneLegId, offer.Routing is { } routing ? OfferRoutingResponse.From(routing) : null);
}

/// <summary>
/// Why the queue offered the work to this agent: its strategy, how many members it could offer it to, the agent's facts
/// the strategy weighs, and the members it passed over and why. The offer's <c>offered</c> (or <c>consult-offered</c>)
/// timeline event carries the same as text details.
/// </summary>
/// <param name="Strategy">The queue's strategy: longest-idle, round-robin or skill-level.</param>
/// <param name="Eligible">How many members the queue could offer the work to when it chose, this agent included: free for the queue's medium as they last told it (those who then turned it down too).</param>
/// <param name="IdleSeconds">How long the agent had been ready with nothing offered, in whole seconds.</param>
/// <param name="SkillLevel">The agent's skill level in the queue, 1-10.</param>
/// <param name="Load">How much work the agent had in hand (of any medium): longest-idle and skill-level offer the less loaded first.</param>
/// <param name="Position">round-robin only: the agent's place in the queue's rotation (members in id order, from 1); null otherwise.</param>
/// <param name="Preferred">Offered first as the agent who answered the customer last.</param>
/// <param name="Skipped">
/// Members passed over, at most 10: first those ranked before this agent who turned the offer down, in that order, then
/// those who could not be offered it, in id order.
/// </param>
/// <param name="SkippedMore">How many more members were passed over than are listed.</param>
[WireExample("""
    {"strategy":"round-robin","eligible":3,"idleSeconds":12,"skillLevel":7,"load":1,"position":4,"preferred":false,
     "skipped":[{"agentId":"a2","reason":"has-offer"},{"agentId":"a5","reason":"offline"}],"skippedMore":0}
    """)]
public sealed record OfferRoutingResponse(
    RoutingStrategy Strategy,
    int Eligible,
    int IdleSeconds,
    int SkillLevel,
    int Load,
    int? Position,
    bool Preferred,
    IReadOnlyList<SkippedAgentResponse> Skipped,
    int SkippedMore)
{
    public static OfferRoutingResponse From(RoutingExplanationView routing) =>
        new(routing.Strategy, routing.Eligible, routing.IdleSeconds, routing.SkillLevel, routing.Load, routing.Position, routing.Preferred,
            [.. routing.Skipped.Select(s => new SkippedAgentResponse(s.AgentId, s.Reason))], routing.SkippedMore);
}

/// <summary>
/// A queue member passed over for an offer, and why (<c>reason</c>): has-offer (it holds another offer), no-capacity (it
/// takes none of this medium; with a carrier, calls need a verified phone), logged-out, offline, break, wrap-up, busy,
/// away-next (once its work is done it goes to a state that takes no routed work, such as a break it asked for),
/// at-capacity (as much of this medium as its capacity allows), blocked-medium (its work in hand keeps this medium away:
/// by default a call keeps all else away), better-work-elsewhere (it turned the offer down for older or more urgent work
/// of another of its queues), or unknown (the queue has not heard why yet).
/// </summary>
[WireExample("""{"agentId":"a3","reason":"at-capacity"}""")]
public sealed record SkippedAgentResponse(string AgentId, SkipReason Reason);

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

/// <summary>
/// One agent's wrap-up: open until <c>completedAt</c>; <c>timedOut</c> when the queue's limit closed it;
/// <c>allowedCodes</c>: the transaction codes it takes (the queue's when the agent's part began), for a console to offer.
/// </summary>
[WireExample("""{"agentId":"a1","codeRequired":true,"startedAt":"2026-11-25T09:05:00+00:00","deadline":"2026-11-25T09:07:00+00:00","transactionCodes":["sale"],"notes":"Upgraded to the family plan.","completedAt":"2026-11-25T09:05:40+00:00","timedOut":false,"allowedCodes":["sale","no-sale"]}""")]
public sealed record InteractionWrapUpResponse(
    string AgentId,
    bool CodeRequired,
    DateTimeOffset StartedAt,
    DateTimeOffset? Deadline,
    IReadOnlyList<string> TransactionCodes,
    string? Notes,
    DateTimeOffset? CompletedAt,
    bool TimedOut,
    IReadOnlyList<string> AllowedCodes)
{
    public static InteractionWrapUpResponse From(WrapUpView wrapUp) =>
        new(wrapUp.AgentId, wrapUp.CodeRequired, wrapUp.StartedAt, wrapUp.Deadline, wrapUp.Codes, wrapUp.Notes, wrapUp.CompletedAt, wrapUp.TimedOut, wrapUp.AllowedCodes ?? []);
}

/// <summary>Notes an agent saved at wrap-up.</summary>
public sealed record InteractionNoteResponse(string AgentId, string Text, DateTimeOffset? At);

/// <summary>
/// One event of an interaction's timeline; <c>actor</c> is e.g. <c>agent:a1</c>, <c>system</c> or <c>telephony</c>. An
/// <c>offered</c> or <c>consult-offered</c> event a queue made says why that agent in its details, as the offer's
/// <c>routing</c> does: <c>strategy</c>, <c>eligible</c>, <c>idleSeconds</c>, <c>skillLevel</c>, <c>load</c>,
/// <c>position</c> (round-robin), <c>preferred</c> (when true), <c>skipped</c> (<c>agent:reason</c> pairs joined by commas,
/// when any) and <c>skippedMore</c> (when more were passed over than listed).
/// </summary>
[WireExample("""{"sequence":5,"at":"2026-11-25T09:00:04+00:00","type":"accepted","actor":"agent:a1","details":{"agent":"a1"}}""")]
public sealed record InteractionTimelineItem(
    int Sequence,
    DateTimeOffset At,
    string Type,
    string Actor,
    IReadOnlyDictionary<string, string> Details)
{
    public static InteractionTimelineItem From(TimelineEntry entry) => new(entry.Sequence, entry.At, entry.Type, entry.Actor, entry.Details);
}

/// <summary>The field rules several interaction bodies share: ids and phone numbers.</summary>
internal static partial class InteractionRules
{
    public const string NumberRule = "E.164: '+' then 8-15 digits";

    /// <summary>Adds an error when <paramref name="value"/> is given and is not a well-formed id.</summary>
    public static bool CheckId(ValidationErrors errors, string? value, string field, string what) =>
        value is null || errors.Check(Identifiers.IsValidId(value), field,
            $"{field} must be a valid {what} id: 1-{Identifiers.MaxIdLength} letters, digits, '.', '_' or '-', starting with a letter or digit.");

    /// <summary>Adds an error when <paramref name="value"/> is given and is not a phone number in E.164: '+' and 8-15 digits, nothing else.</summary>
    public static bool CheckNumber(ValidationErrors errors, string? value, string field) =>
        value is null || errors.Check(NumberPattern().IsMatch(value), field, $"{field} must be a phone number in {NumberRule}.");

    [GeneratedRegex(@"\A\+[0-9]{8,15}\z", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();
}

/// <summary>The CRM customer an interaction is about.</summary>
/// <param name="Id">The customer's id (GET /v1/crm/customers/{id}).</param>
/// <param name="Name">The customer's name when it was matched or linked.</param>
/// <param name="ByHand">Linked by hand (POST /v1/interactions/{id}/link) rather than matched by number or address.</param>
[WireExample("""{"id":"maria-rossi","name":"Maria Rossi","byHand":false}""")]
public sealed record InteractionCustomerResponse(string Id, string Name, bool ByHand);

/// <summary>An open case of the customer, as the screen pop shows it.</summary>
/// <param name="Id">The case's id (its number, as text).</param>
/// <param name="Subject">What it is about.</param>
/// <param name="Status">open or pending.</param>
[WireExample("""{"id":"17","subject":"Ordine 12345 non consegnato","status":"open"}""")]
public sealed record OpenCaseResponse(string Id, string Subject, Switchboard.Domain.Crm.CaseStatus Status)
{
    public static OpenCaseResponse From(Switchboard.Contracts.Crm.CaseSummary c) => new(c.Number.ToString(CultureInfo.InvariantCulture), c.Subject, c.Status);
}

/// <summary>Links an interaction to a CRM customer, and perhaps one of its cases, by hand (or corrects the link).</summary>
/// <param name="CustomerId">Required: the customer (it must exist).</param>
/// <param name="CaseId">Optional: a case about that customer (it must exist); the case then lists the interaction.</param>
[WireExample("""{"customerId":"maria-rossi","caseId":"17"}""")]
public sealed record InteractionLinkRequest([property: Required] string? CustomerId, string? CaseId) : IValidatedRequest
{
    public void Validate(ValidationErrors errors)
    {
        errors.Check(Identifiers.IsValidId(CustomerId), "customerId", $"customerId is required: a customer's id (1-{Identifiers.MaxIdLength} letters, digits, '.', '_' or '-').");
        if (CaseId is not null)
        {
            errors.Check(Crm.CasesApi.TryNumber(CaseId, out _), "caseId", "caseId must be a case's id (its number, as text).");
        }
    }
}
