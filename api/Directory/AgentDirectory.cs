using Switchboard.Contracts;
using Switchboard.Contracts.Agents;

namespace Switchboard.Api.StatusView;

/// <summary>
/// The status view's agents, for REST and the WebSocket <c>directory</c> snapshot alike. The roster says who is in a
/// group; each agent grain, asked in parallel on every read, says its state: nothing is kept here that could go stale.
/// </summary>
public sealed class AgentDirectory(IGrainFactory grains)
{
    /// <summary>The <c>group</c> that means the agents without a group.</summary>
    public const string NoGroup = "";

    /// <summary>How many agents one roster read asks for when reading a whole list.</summary>
    private const int Batch = 200;

    /// <summary>
    /// Every agent of <paramref name="group"/> (null: the whole tenant; <see cref="NoGroup"/>: the agents without a
    /// group), ordered by id, with its live state.
    /// </summary>
    public async Task<IReadOnlyList<DirectoryAgent>> ListAsync(string tenantId, string? group, CancellationToken cancellationToken)
    {
        var all = new List<DirectoryAgent>();
        string? after = null;
        do
        {
            var page = await ListPageAsync(tenantId, group, after, Batch, cancellationToken);
            all.AddRange(page.Items);
            after = page.NextAfter;
        }
        while (after is not null);

        return all;
    }

    /// <summary>At most <paramref name="limit"/> agents of <paramref name="group"/> (as in <see cref="ListAsync"/>) with ids after <paramref name="after"/>.</summary>
    public async Task<DirectoryPage<DirectoryAgent>> ListPageAsync(string tenantId, string? group, string? after, int limit, CancellationToken cancellationToken)
    {
        var roster = grains.GetGrain<IAgentRosterGrain>(tenantId);
        var page = group is null
            ? await roster.List(after, limit, cancellationToken)
            : await roster.ListGroup(group.Length == 0 ? null : group, after, limit, cancellationToken);
        var agents = await GetAsync(tenantId, page.Items.Select(a => a.Id), cancellationToken);

        // The agent's own profile has the last word: a roster that missed a change of group shows nobody in the wrong one.
        return new DirectoryPage<DirectoryAgent>(group is null ? agents : [.. agents.Where(a => (a.Group ?? NoGroup) == group)], page.NextAfter);
    }

    /// <summary>These agents with their live state, in the order given; agents that do not exist are left out.</summary>
    public async Task<IReadOnlyList<DirectoryAgent>> GetAsync(string tenantId, IEnumerable<string> agentIds, CancellationToken cancellationToken)
    {
        var presences = await Task.WhenAll(agentIds.Select(id => grains.GetGrain<IAgentGrain>(GrainKeys.Agent(tenantId, id)).GetPresence(cancellationToken)));
        return [.. presences.OfType<AgentPresence>().Select(DirectoryAgent.From)];
    }
}
