using Switchboard.Api.Queues;
using Switchboard.Contracts;
using Switchboard.Contracts.Agents;
using Switchboard.Contracts.Queues;

namespace Switchboard.Api.StatusView;

/// <summary>
/// The status view's queues with their live figures, read from each queue and its router in parallel on every read.
/// For REST and the WebSocket snapshots alike.
/// </summary>
public sealed class QueueDirectory(IGrainFactory grains)
{
    /// <summary>At most <paramref name="limit"/> of the tenant's queues with ids after <paramref name="after"/>, by id.</summary>
    public async Task<DirectoryPage<DirectoryQueue>> ListPageAsync(string tenantId, string? after, int limit, CancellationToken cancellationToken)
    {
        var page = await grains.GetGrain<IQueueRosterGrain>(tenantId).List(after, limit, cancellationToken);
        return new DirectoryPage<DirectoryQueue>(await GetAsync(tenantId, page.Items.Select(q => q.Id), cancellationToken), page.NextAfter);
    }

    /// <summary>
    /// At most <paramref name="limit"/> of the queues <paramref name="agentId"/> is a member of, with ids after
    /// <paramref name="after"/>, by id; null when the agent does not exist.
    /// </summary>
    public async Task<DirectoryPage<DirectoryQueue>?> MemberOfPageAsync(string tenantId, string agentId, string? after, int limit, CancellationToken cancellationToken)
    {
        var memberships = await grains.GetGrain<IAgentGrain>(GrainKeys.Agent(tenantId, agentId)).GetQueues(cancellationToken);
        if (memberships is null)
        {
            return null;
        }

        var ids = memberships.Select(m => m.QueueId).Where(id => after is null || string.CompareOrdinal(id, after) > 0).Take(limit + 1).ToList();
        var more = ids.Count > limit;
        if (more)
        {
            ids.RemoveAt(ids.Count - 1);
        }

        return new DirectoryPage<DirectoryQueue>(await GetAsync(tenantId, ids, cancellationToken), more ? ids[^1] : null);
    }

    /// <summary>These queues with their figures, in the order given; queues that do not exist are left out.</summary>
    public async Task<IReadOnlyList<DirectoryQueue>> GetAsync(string tenantId, IEnumerable<string> queueIds, CancellationToken cancellationToken)
    {
        var queues = await Task.WhenAll(queueIds.Select(id => GetOneAsync(tenantId, id, cancellationToken)));
        return [.. queues.OfType<DirectoryQueue>()];
    }

    private async Task<DirectoryQueue?> GetOneAsync(string tenantId, string queueId, CancellationToken cancellationToken)
    {
        var key = GrainKeys.Queue(tenantId, queueId);
        var record = grains.GetGrain<IQueueGrain>(key).Get(cancellationToken);
        var stats = grains.GetGrain<IQueueRouterGrain>(key).GetStats(cancellationToken);
        await Task.WhenAll(record, stats);
        return await record is { } queue && await stats is { } figures
            ? new DirectoryQueue(queueId, queue.Config.Name, queue.Config.Media, QueueStatsResponse.From(figures))
            : null;
    }
}
