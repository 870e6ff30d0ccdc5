using Switchboard.Contracts.Idempotency;

namespace Switchboard.Grains.Idempotency;

[GenerateSerializer, Alias("Switchboard.Grains.IdempotencyKeyState")]
public sealed class IdempotencyKeyState
{
    [Id(0)] public string? Fingerprint { get; set; }
    [Id(1)] public DateTimeOffset ClaimedAt { get; set; }
    [Id(2)] public StoredResponse? Response { get; set; }

    /// <summary>When this use of the key began: kept while a failed request is retried, new once the key is reused after its retention.</summary>
    [Id(3)] public DateTimeOffset UsedSince { get; set; }
}
