namespace Switchboard.Contracts.Cobrowse;

/// <summary>
/// A joined co-browse session as its customer reaches it: the tenant and interaction it belongs to and the hash of the
/// customer's token. Keyed by <see cref="GrainKeys.CobrowseSession"/>: the session id alone (random, unguessable).
/// </summary>
[Alias("Switchboard.ICobrowseSessionGrain")]
public interface ICobrowseSessionGrain : IGrainWithStringKey
{
    /// <summary>Records the customer (once: a session is joined once; again is ignored).</summary>
    [Alias("Open")]
    Task Open(CobrowseCustomer customer, CancellationToken cancellationToken = default);

    /// <summary>The customer, or null when nobody joined this session.</summary>
    [Alias("Get"), ReadOnly]
    Task<CobrowseCustomer?> Get(CancellationToken cancellationToken = default);
}

/// <summary>Who joined a co-browse session: its tenant and interaction, and the SHA-256 of the customer's token.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.CobrowseCustomer")]
public sealed record CobrowseCustomer(
    [property: Id(0)] string TenantId,
    [property: Id(1)] string InteractionId,
    [property: Id(2)] byte[] TokenHash);
