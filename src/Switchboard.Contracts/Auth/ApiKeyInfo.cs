namespace Switchboard.Contracts.Auth;

/// <summary>An API key as admins list it: never the key itself.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.ApiKeyInfo")]
public sealed record ApiKeyInfo(
    [property: Id(0)] string Id,
    [property: Id(1)] ApiKeyRole Role,
    [property: Id(2)] string? AgentId,
    [property: Id(3)] string? Label,
    [property: Id(4)] DateTimeOffset CreatedAt,
    [property: Id(5)] DateTimeOffset? RevokedAt);
