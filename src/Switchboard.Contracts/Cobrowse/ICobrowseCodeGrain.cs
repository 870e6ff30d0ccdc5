namespace Switchboard.Contracts.Cobrowse;

/// <summary>
/// One co-browse join code, the way a customer who has only the code reaches its session: keyed by
/// <see cref="GrainKeys.CobrowseCode"/> (no tenant). A code works once, until it expires; afterwards it may be issued again.
/// </summary>
[Alias("Switchboard.ICobrowseCodeGrain")]
public interface ICobrowseCodeGrain : IGrainWithStringKey
{
    /// <summary>Points the code at <paramref name="target"/> and stores it; false when the code is taken by an unexpired session.</summary>
    [Alias("TryIssue")]
    Task<bool> TryIssue(CobrowseCodeTarget target, CancellationToken cancellationToken = default);

    /// <summary>
    /// Uses the code: its session, stored as used before it is answered (so exactly one of concurrent callers gets it);
    /// null for a code that is unknown, used or expired, all alike.
    /// </summary>
    [Alias("Redeem")]
    Task<CobrowseCodeTarget?> Redeem(CancellationToken cancellationToken = default);

    /// <summary>
    /// Makes the code work again after a join that redeemed it failed on Switchboard's side (the customer was never counted
    /// in), if it still points at <paramref name="sessionId"/>; nothing otherwise.
    /// </summary>
    [Alias("Restore")]
    Task Restore(string sessionId, CancellationToken cancellationToken = default);
}

/// <summary>The session a join code opens, and when the code expires.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.CobrowseCodeTarget")]
public sealed record CobrowseCodeTarget(
    [property: Id(0)] string TenantId,
    [property: Id(1)] string InteractionId,
    [property: Id(2)] string SessionId,
    [property: Id(3)] DateTimeOffset ExpiresAt);
