using Switchboard.Domain.Interactions;

namespace Switchboard.Api.Models;

/// <summary>A transfer or consult target, in the shape a request names it: an id for agents and queues, a number otherwise.</summary>
public sealed record InteractionTargetResponse(TargetKind Type, string? Id, string? Number)
{
    public static InteractionTargetResponse From(TargetKind type, string target) =>
        type == TargetKind.External ? new(type, null, target) : new(type, target, null);
}
