namespace Switchboard.Contracts.Live;

/// <summary>A supervisor's broadcast message as agents receive it.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.AlertView")]
public sealed record AlertView(
    [property: Id(0)] string Id,
    [property: Id(1)] string Text,
    [property: Id(2)] AlertAudience Audience,
    [property: Id(3)] string SentBy,
    [property: Id(4)] DateTimeOffset SentAt,
    [property: Id(5)] DateTimeOffset? ExpiresAt);
