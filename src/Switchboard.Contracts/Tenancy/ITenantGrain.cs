namespace Switchboard.Contracts.Tenancy;

/// <summary>A tenant and its configuration (status codes, transaction codes, utilization rule). Keyed by tenant id.</summary>
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

    /// <summary>The stored status codes and utilization rule, with how long a silo may reuse them for its agents.</summary>
    [Alias("LeasePolicies"), AlwaysInterleave]
    Task<TenantPolicyLease> LeasePolicies(CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces the status codes; returns once no silo may still reuse the codes from before, so that every state change
    /// that starts afterwards is checked against the new ones.
    /// </summary>
    [Alias("SetStatusCodes")]
    Task SetStatusCodes(IReadOnlyList<StatusCodeItem> items, CancellationToken cancellationToken = default);

    /// <summary>Which work blocks which; null until set (the default rule applies).</summary>
    [Alias("GetUtilization"), AlwaysInterleave]
    Task<UtilizationSettings?> GetUtilization(CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces the utilization rule; returns once no silo may still reuse the rule from before, having asked every
    /// agent of the tenant to tell its queues again what it may be offered under the new rule.
    /// </summary>
    [Alias("SetUtilization")]
    Task SetUtilization(UtilizationSettings settings, CancellationToken cancellationToken = default);

    [Alias("GetTransactionCodes"), ReadOnly]
    Task<IReadOnlyList<TransactionCodeItem>> GetTransactionCodes(CancellationToken cancellationToken = default);

    [Alias("SetTransactionCodes")]
    Task SetTransactionCodes(IReadOnlyList<TransactionCodeItem> items, CancellationToken cancellationToken = default);

    /// <summary>The tenant's general settings (its time zone); the defaults until set.</summary>
    [Alias("GetSettings"), ReadOnly]
    Task<TenantSettings> GetSettings(CancellationToken cancellationToken = default);

    [Alias("SetSettings")]
    Task SetSettings(TenantSettings settings, CancellationToken cancellationToken = default);
}
