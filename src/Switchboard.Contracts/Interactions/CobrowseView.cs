using Switchboard.Domain.Interactions;

namespace Switchboard.Contracts.Interactions;

/// <summary>A co-browse session of an interaction as callers see it (never its join code or customer token).</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.CobrowseView")]
public sealed record CobrowseView(
    [property: Id(0)] string SessionId,
    [property: Id(1)] string AgentId,
    [property: Id(2)] CobrowseState State,
    [property: Id(3)] DateTimeOffset StartedAt,
    [property: Id(4)] DateTimeOffset ExpiresAt,
    [property: Id(5)] DateTimeOffset? JoinedAt,
    [property: Id(6)] DateTimeOffset? EndedAt,
    [property: Id(7)] string? EndReason);
