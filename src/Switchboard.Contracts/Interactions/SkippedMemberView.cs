using Switchboard.Domain.Routing;

namespace Switchboard.Contracts.Interactions;

/// <summary>A queue member passed over for an offer, and why.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.SkippedMemberView")]
public sealed record SkippedMemberView(
    [property: Id(0)] string AgentId,
    [property: Id(1)] SkipReason Reason);
