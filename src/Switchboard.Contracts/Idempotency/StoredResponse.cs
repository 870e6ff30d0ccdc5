namespace Switchboard.Contracts.Idempotency;

/// <summary>
/// The response a POST gave, kept so a retry with the same Idempotency-Key gets it again. <see cref="Body"/> is empty
/// when the response carried a secret (<see cref="Redacted"/>): secrets are shown once and never stored.
/// </summary>
[GenerateSerializer, Immutable, Alias("Switchboard.StoredResponse")]
public sealed record StoredResponse(
    [property: Id(0)] int Status,
    [property: Id(1)] string? ContentType,
    [property: Id(2)] string? Location,
    [property: Id(3)] byte[] Body,
    [property: Id(4)] bool Redacted = false);
