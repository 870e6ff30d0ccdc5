
namespace Switchboard.Api.StatusView;

/// <summary>Agents and queues by id with their live status, read together (favorites and recents mix both).</summary>
public sealed record LiveStatus(IReadOnlyDictionary<string, DirectoryAgent> Agents, IReadOnlyDictionary<string, DirectoryQueue> Queues)
{
    /// <summary>Reads the agents and the queues in parallel; ids that no longer exist are missing from the result.</summary>
    public static async Task<LiveStatus> ReadAsync(
        AgentDirectory agents, QueueDirectory queues, string tenantId, IEnumerable<string> agentIds, IEnumerable<string> queueIds, CancellationToken cancellationToken)
    {
        var agentsRead = agents.GetAsync(tenantId, agentIds.Distinct(StringComparer.Ordinal), cancellationToken);
        var queuesRead = queues.GetAsync(tenantId, queueIds.Distinct(StringComparer.Ordinal), cancellationToken);
        await Task.WhenAll(agentsRead, queuesRead);
        return new LiveStatus(
            (await agentsRead).ToDictionary(a => a.AgentId, StringComparer.Ordinal),
            (await queuesRead).ToDictionary(q => q.QueueId, StringComparer.Ordinal));
    }
}
