namespace Switchboard.Contracts.Tenancy;

/// <summary>A tenant and its configuration (status codes, transaction codes). Keyed by tenant id.</summary>
[Alias("Switchboard.ITenantGrain")]
public interface ITenantGrain : IGrainWithStringKey
{
    /// <summary>Creates the tenant; returns false when it already exists.</summary>
    [Alias("Create")]
    Task<bool> Create(string name);

    [Alias("Get"), ReadOnly]
    Task<TenantInfo?> Get();

    [Alias("GetStatusCodes"), ReadOnly]
    Task<IReadOnlyList<StatusCodeItem>> GetStatusCodes();

    [Alias("SetStatusCodes")]
    Task SetStatusCodes(IReadOnlyList<StatusCodeItem> items);

    [Alias("GetTransactionCodes"), ReadOnly]
    Task<IReadOnlyList<TransactionCodeItem>> GetTransactionCodes();

    [Alias("SetTransactionCodes")]
    Task SetTransactionCodes(IReadOnlyList<TransactionCodeItem> items);
}
