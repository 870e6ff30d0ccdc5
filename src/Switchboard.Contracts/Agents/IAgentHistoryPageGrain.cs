namespace Switchboard.Contracts.Agents;

/// <summary>
/// One page of an agent's audit trail (entries with sequence in [page*Size+1, (page+1)*Size]).
/// Pages keep each stored row small however long the agent works. Keyed by <see cref="GrainKeys.AgentHistoryPage"/>.
/// </summary>
[Alias("Switchboard.IAgentHistoryPageGrain")]
public interface IAgentHistoryPageGrain : IGrainWithStringKey
{
    /// <summary>Entries per page.</summary>
    public const int Size = 100;

    /// <summary>
    /// Stores entries of this page; storing a sequence again replaces it (a retried copy). The entries are never changed
    /// by either side, so a call within the silo shares them rather than copy them (copying a list typed by its
    /// interface looks its copier up on every call).
    /// </summary>
    [Alias("Append")]
    Task Append([Immutable] IReadOnlyList<StateHistoryEntry> entries, CancellationToken cancellationToken = default);

    [Alias("GetEntries"), ReadOnly]
    Task<IReadOnlyList<StateHistoryEntry>> GetEntries(CancellationToken cancellationToken = default);
}
