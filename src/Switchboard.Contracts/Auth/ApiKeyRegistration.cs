namespace Switchboard.Contracts.Auth;

/// <summary>A key to store: its id, the SHA-256 hash of the key string, and what it may do.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.ApiKeyRegistration")]
public sealed record ApiKeyRegistration(
    [property: Id(0)] string Id,
    [property: Id(1)] string Hash,
    [property: Id(2)] ApiKeyRole Role,
    [property: Id(3)] string? AgentId,
    [property: Id(4)] string? Label);
