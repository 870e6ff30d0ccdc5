namespace Switchboard.Contracts.Auth;

/// <summary>Who a presented key belongs to.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.ApiKeyIdentity")]
public sealed record ApiKeyIdentity(
    [property: Id(0)] string TenantId,
    [property: Id(1)] string KeyId,
    [property: Id(2)] ApiKeyRole Role,
    [property: Id(3)] string? AgentId);
