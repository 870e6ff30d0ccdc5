namespace Switchboard.Contracts.Crm;

/// <summary>
/// One customer of a tenant's local CRM (key: tenant/customerId). Its phones and emails are each claimed from a contact
/// grain first, so no two customers of a tenant share one; its name and company are listed in a directory shard.
/// </summary>
[Alias("Switchboard.ICustomerGrain")]
public interface ICustomerGrain : IGrainWithStringKey
{
    [Alias("Create")]
    Task<CustomerWriteResult> Create(CustomerDetails details, CancellationToken cancellationToken = default);

    [Alias("Update")]
    Task<CustomerWriteResult> Update(CustomerPatch patch, CancellationToken cancellationToken = default);

    [Alias("Delete")]
    Task<CustomerWriteResult> Delete(CancellationToken cancellationToken = default);

    [Alias("Get"), ReadOnly]
    Task<Customer?> Get(CancellationToken cancellationToken = default);

    /// <summary>The customer with its newest open cases; null when there is no such customer.</summary>
    [Alias("GetCard"), ReadOnly]
    Task<CustomerCard?> GetCard(CancellationToken cancellationToken = default);

    /// <summary>
    /// A case about this customer as it now stands (from the case, on each change): kept while open, dropped once
    /// solved or closed. Idempotent; a customer that does not exist ignores it.
    /// </summary>
    [Alias("NoteCase")]
    Task NoteCase(CaseSummary summary, CancellationToken cancellationToken = default);
}

/// <summary>
/// One phone number or email address of a tenant (key: tenant/kind/hash of the compared form): which customer holds it.
/// Claims are first come, first served; a claim whose customer no longer lists it can be taken over.
/// </summary>
[Alias("Switchboard.ICustomerContactGrain")]
public interface ICustomerContactGrain : IGrainWithStringKey
{
    /// <summary>Claims it for <paramref name="customerId"/> if free; returns who holds it after the call.</summary>
    [Alias("Claim")]
    Task<CustomerContactClaim> Claim(string customerId, CancellationToken cancellationToken = default);

    /// <summary>Gives it to <paramref name="customerId"/> if <paramref name="staleOwner"/> still holds it; false otherwise.</summary>
    [Alias("TakeOver")]
    Task<bool> TakeOver(string staleOwner, string customerId, CancellationToken cancellationToken = default);

    /// <summary>Frees it if <paramref name="customerId"/> holds it.</summary>
    [Alias("Release")]
    Task Release(string customerId, CancellationToken cancellationToken = default);

    [Alias("GetOwner"), ReadOnly]
    Task<CustomerContactClaim?> GetOwner(CancellationToken cancellationToken = default);
}

/// <summary>One shard of a tenant's customer directory (key: tenant/shard): ids with names and companies, by id.</summary>
[Alias("Switchboard.ICustomerDirectoryShardGrain")]
public interface ICustomerDirectoryShardGrain : IGrainWithStringKey
{
    /// <summary>Adds or updates an entry; false when a new one does not fit.</summary>
    [Alias("Put")]
    Task<bool> Put(CustomerEntry entry, CancellationToken cancellationToken = default);

    [Alias("Remove")]
    Task Remove(string customerId, CancellationToken cancellationToken = default);

    /// <summary>Up to <paramref name="limit"/> entries with ids after <paramref name="after"/> (ordinal), matching <paramref name="query"/> when given.</summary>
    [Alias("List"), ReadOnly]
    Task<IReadOnlyList<CustomerEntry>> List(string? after, int limit, string? query, CancellationToken cancellationToken = default);
}
