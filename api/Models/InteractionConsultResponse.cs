using Switchboard.Contracts.Interactions;

namespace Switchboard.Api.Models;

/// <summary>The consult call on line 2: its target, its leg once dialled, the agent once one answered.</summary>
public sealed record InteractionConsultResponse(
    InteractionTargetResponse Target,
    string? LegId,
    string? AgentId,
    DateTimeOffset StartedAt)
{
    public static InteractionConsultResponse From(ConsultView consult) =>
        new(InteractionTargetResponse.From(consult.TargetKind, consult.Target), consult.LegId, consult.AgentId, consult.StartedAt);
}
