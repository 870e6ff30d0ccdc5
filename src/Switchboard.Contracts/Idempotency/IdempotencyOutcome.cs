namespace Switchboard.Contracts.Idempotency;

[GenerateSerializer, Alias("Switchboard.IdempotencyOutcome")]
public enum IdempotencyOutcome
{
    /// <summary>First use of the key: the caller runs the request and then completes or abandons it.</summary>
    Proceed = 0,

    /// <summary>The same request ran before: answer with the stored response.</summary>
    Replay = 1,

    /// <summary>The key was used with a different request. HTTP 422.</summary>
    Mismatch = 2,

    /// <summary>The first request with this key is still running. HTTP 409.</summary>
    InProgress = 3,
}
