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

    [Alias("GetStatusCodes"), ReadOnly]
    Task<IReadOnlyList<StatusCodeItem>> GetStatusCodes(CancellationToken cancellationToken = default);

    [Alias("SetStatusCodes")]
    Task SetStatusCodes(IReadOnlyList<StatusCodeItem> items, CancellationToken cancellationToken = default);

    [Alias("GetTransactionCodes"), ReadOnly]
    Task<IReadOnlyList<TransactionCodeItem>> GetTransactionCodes(CancellationToken cancellationToken = default);

    [Alias("SetTransactionCodes")]
    Task SetTransactionCodes(IReadOnlyList<TransactionCodeItem> items, CancellationToken cancellationToken = default);
}
