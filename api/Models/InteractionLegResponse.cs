using Switchboard.Contracts.Interactions;
using Switchboard.Domain.Interactions;

namespace Switchboard.Api.Models;

/// <summary>One call leg: a phone or agent connected on line 1 (the call) or line 2 (a consult).</summary>
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
