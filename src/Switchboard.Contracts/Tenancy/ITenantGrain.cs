namespace Switchboard.Contracts.Tenancy;

/// <summary>A tenant and its configuration (status codes, transaction codes). Keyed by tenant id.</summary>
[Alias("Switchboard.ITenantGrain")]
public interface ITenantGrain : IGrainWithStringKey
{
    /// <summary>Creates the tenant; returns false when it already exists.</summary>
    [Alias("Create")]
    Task<bool> Create(string name, CancellationToken cancellationToken = default);

    [Alias("Get"), ReadOnly]
    Task<TenantInfo?> Get(CancellationToken cancellationToken = default);

    /// <summary>The stored status codes; answered even while a change of them is being written or waited out.</summary>
    [Alias("GetStatusCodes"), AlwaysInterleave]
    Task<IReadOnlyList<StatusCodeItem>> GetStatusCodes(CancellationToken cancellationToken = default);

    /// <summary>The stored status codes with how long a silo may reuse them for its agents' state changes.</summary>
    [Alias("LeaseStatusCodes"), AlwaysInterleave]
    Task<StatusCodeLease> LeaseStatusCodes(CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces the status codes; returns once no silo may still reuse the codes from before, so that every state change
    /// that starts afterwards is checked against the new ones.
    /// </summary>
    [Alias("SetStatusCodes")]
    Task SetStatusCodes(IReadOnlyList<StatusCodeItem> items, CancellationToken cancellationToken = default);

    [Alias("GetTransactionCodes"), ReadOnly]
    Task<IReadOnlyList<TransactionCodeItem>> GetTransactionCodes(CancellationToken cancellationToken = default);

    [Alias("SetTransactionCodes")]
    Task SetTransactionCodes(IReadOnlyList<TransactionCodeItem> items, CancellationToken cancellationToken = default);
}
