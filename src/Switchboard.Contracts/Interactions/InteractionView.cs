using Switchboard.Domain.Interactions;
using Switchboard.Domain.Queues;

namespace Switchboard.Contracts.Interactions;

/// <summary>An interaction as callers see it: state, parties, offer, consult, wrap-ups and the whole timeline.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.InteractionView")]
public sealed record InteractionView(
    [property: Id(0)] string Id,
    [property: Id(1)] MediaType Media,
    [property: Id(2)] InteractionDirection Direction,
    [property: Id(3)] InteractionState State,
    [property: Id(4)] string? QueueId,
    [property: Id(5)] int Priority,
    [property: Id(6)] string? From,
    [property: Id(7)] string? To,
    [property: Id(8)] DateTimeOffset CreatedAt,
    [property: Id(9)] DateTimeOffset? EndedAt,
    [property: Id(10)] string? Handler,
    [property: Id(11)] IReadOnlyList<string> Participants,
    [property: Id(12)] bool Conference,
    [property: Id(13)] IReadOnlyList<LegView> Legs,
    [property: Id(14)] OfferView? Offer,
    [property: Id(15)] ConsultView? Consult,
    [property: Id(16)] IReadOnlyList<WrapUpView> WrapUps,
    [property: Id(17)] IReadOnlyList<string> TransactionCodes,
    [property: Id(18)] IReadOnlyList<TimelineEntry> Timeline,
    [property: Id(19)] string? CustomerName = null,
    [property: Id(20)] InteractionCustomerView? Customer = null,
    [property: Id(21)] IReadOnlyList<CobrowseView>? Cobrowse = null,
    [property: Id(22)] string? RelatedInteractionId = null);
