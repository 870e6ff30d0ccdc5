namespace Switchboard.Contracts.Queues;

/// <summary>A tenant's list of queues, for paging through them and checking overflow targets. Keyed by tenant id.</summary>
/// <remarks>Never calls other grains, so any grain may call it without risking a call cycle.</remarks>
[Alias("Switchboard.IQueueRosterGrain")]
public interface IQueueRosterGrain : IGrainWithStringKey
{
    [Alias("Upsert")]
    Task Upsert(QueueRosterEntry entry, CancellationToken cancellationToken = default);

    [Alias("Remove")]
    Task Remove(string queueId, CancellationToken cancellationToken = default);

    [Alias("Contains"), ReadOnly]
    Task<bool> Contains(string queueId, CancellationToken cancellationToken = default);

    /// <summary>Queues with ids after <paramref name="after"/> (ordinal), at most <paramref name="limit"/>.</summary>
    [Alias("List"), ReadOnly]
    Task<QueueRosterPage> List(string? after, int limit, CancellationToken cancellationToken = default);
}
