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

    /// <summary>Stores entries of this page; storing a sequence again replaces it (a retried copy).</summary>
    [Alias("Append")]
    Task Append(IReadOnlyList<StateHistoryEntry> entries, CancellationToken cancellationToken = default);

    [Alias("GetEntries"), ReadOnly]
    Task<IReadOnlyList<StateHistoryEntry>> GetEntries(CancellationToken cancellationToken = default);
}
