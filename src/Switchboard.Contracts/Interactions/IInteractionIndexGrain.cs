namespace Switchboard.Contracts.Interactions;

/// <summary>
/// One shard of the interactions of one tenant created in one UTC hour (key <see cref="GrainKeys.InteractionIndex"/>),
/// for listing. Sixteen shards per hour keep each small (a busy hour of a 100,000-a-day tenant is some 40 KB a shard)
/// and spread the load of new interactions.
/// </summary>
[Alias("Switchboard.IInteractionIndexGrain")]
public interface IInteractionIndexGrain : IGrainWithStringKey
{
    /// <summary>Records a new interaction (idempotent).</summary>
    [Alias("Add")]
    Task Add(IndexedInteraction entry, CancellationToken cancellationToken = default);

    /// <summary>Up to <paramref name="max"/> entries, newest first, strictly older than the position (created at, then id) when given.</summary>
    [Alias("ListBefore"), ReadOnly]
    Task<IReadOnlyList<IndexedInteraction>> ListBefore(IndexedInteraction? position, int max, CancellationToken cancellationToken = default);
}
