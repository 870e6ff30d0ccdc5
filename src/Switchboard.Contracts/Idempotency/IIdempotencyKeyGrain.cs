namespace Switchboard.Contracts.Idempotency;

/// <summary>
/// One Idempotency-Key of one tenant (keyed <c>{tenant}/{sha256 of the key}</c>): remembers which request used it and
/// the response it got, for a day.
/// </summary>
[Alias("Switchboard.IIdempotencyKeyGrain")]
public interface IIdempotencyKeyGrain : IGrainWithStringKey
{
    /// <summary>Claims the key for a request with this fingerprint (a hash of method, path and body).</summary>
    [Alias("Begin")]
    Task<IdempotencyDecision> Begin(string fingerprint, CancellationToken cancellationToken = default);

    /// <summary>Stores the response of the request that claimed the key.</summary>
    [Alias("Complete")]
    Task Complete(string fingerprint, StoredResponse response, CancellationToken cancellationToken = default);

    /// <summary>Releases the claim without a response (the request failed), so a retry runs it again.</summary>
    [Alias("Abandon")]
    Task Abandon(string fingerprint, CancellationToken cancellationToken = default);
}
