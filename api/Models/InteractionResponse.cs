using Switchboard.Contracts.Interactions;
using Switchboard.Domain.Interactions;
using Switchboard.Domain.Queues;

namespace Switchboard.Api.Models;

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
