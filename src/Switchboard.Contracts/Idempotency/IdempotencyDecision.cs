namespace Switchboard.Contracts.Idempotency;

[GenerateSerializer, Immutable, Alias("Switchboard.IdempotencyDecision")]
public sealed record IdempotencyDecision(
    [property: Id(0)] IdempotencyOutcome Outcome,
    [property: Id(1)] StoredResponse? Response,
    [property: Id(2)] DateTimeOffset UsedSince = default);
