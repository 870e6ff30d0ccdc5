namespace Switchboard.Contracts.Auth;

/// <summary>A revoked key; the hash lets API hosts drop it from their caches at once.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.RevokedApiKey")]
public sealed record RevokedApiKey(
    [property: Id(0)] ApiKeyInfo Info,
    [property: Id(1)] string Hash);
