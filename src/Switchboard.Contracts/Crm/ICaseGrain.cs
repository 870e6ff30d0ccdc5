namespace Switchboard.Contracts.Crm;

/// <summary>One case of a tenant's local CRM (key: tenant/number). Every change is written in its history, by whom.</summary>
[Alias("Switchboard.ICaseGrain")]
public interface ICaseGrain : IGrainWithStringKey
{
    [Alias("Create")]
    Task<CaseWriteResult> Create(CaseDraft draft, string actor, CancellationToken cancellationToken = default);

    [Alias("Update")]
    Task<CaseWriteResult> Update(CasePatch patch, string actor, CancellationToken cancellationToken = default);

    [Alias("AddNote")]
    Task<CaseWriteResult> AddNote(string text, string actor, CancellationToken cancellationToken = default);

    /// <summary>
    /// Lists an interaction as being about this case (<paramref name="linked"/>), or no longer; each change is in the
    /// history. Idempotent: Unchanged when it is already so.
    /// </summary>
    [Alias("SetInteraction")]
    Task<CaseWriteResult> SetInteraction(string interactionId, bool linked, string actor, CancellationToken cancellationToken = default);

    [Alias("Get"), ReadOnly]
    Task<CrmCase?> Get(CancellationToken cancellationToken = default);

    /// <summary>Entries of the notes or history after <paramref name="after"/>, oldest first; null when there is no such case.</summary>
    [Alias("GetLog"), ReadOnly]
    Task<IReadOnlyList<CaseLogEntry>?> GetLog(CaseLogKind kind, long after, int limit, CancellationToken cancellationToken = default);
}

/// <summary>One page of a case's notes or history (key: tenant/number/kind/page); written only by its case.</summary>
[Alias("Switchboard.ICaseLogPageGrain")]
public interface ICaseLogPageGrain : IGrainWithStringKey
{
    /// <summary>Adds the entry, or replaces the one with its sequence (a write retried after a failure).</summary>
    [Alias("Put")]
    Task Put(CaseLogEntry entry, CancellationToken cancellationToken = default);

    [Alias("Read"), ReadOnly]
    Task<IReadOnlyList<CaseLogEntry>> Read(CancellationToken cancellationToken = default);
}

/// <summary>A tenant's case numbers (key: tenant): 1, 2, 3, … never given twice.</summary>
[Alias("Switchboard.ICaseNumbersGrain")]
public interface ICaseNumbersGrain : IGrainWithStringKey
{
    [Alias("Next")]
    Task<long> Next(CancellationToken cancellationToken = default);
}

/// <summary>One shard of a tenant's case directory (key: tenant/shard): numbers with what lists filter by.</summary>
[Alias("Switchboard.ICaseDirectoryShardGrain")]
public interface ICaseDirectoryShardGrain : IGrainWithStringKey
{
    /// <summary>Adds or updates an entry; false when a new one does not fit.</summary>
    [Alias("Put")]
    Task<bool> Put(CaseEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Up to <paramref name="limit"/> entries numbered below <paramref name="before"/> (null: all), newest first, kept by <paramref name="filter"/>.</summary>
    [Alias("List"), ReadOnly]
    Task<IReadOnlyList<CaseEntry>> List(long? before, int limit, CaseFilter filter, CancellationToken cancellationToken = default);
}
