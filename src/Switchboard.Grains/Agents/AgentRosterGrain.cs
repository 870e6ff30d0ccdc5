using Switchboard.Contracts;
using Switchboard.Contracts.Agents;

namespace Switchboard.Grains.Agents;

/// <summary>
/// A tenant's agent list. Only create/update/delete and listing go through it, never state changes,
/// so it is not on any hot path. Agent grains are the source of truth and re-upsert on retried creates.
/// </summary>
public sealed class AgentRosterGrain(
    [PersistentState("roster", StorageNames.Default)] IPersistentState<AgentRosterState> state) : Grain, IAgentRosterGrain
{
    private SortedDictionary<string, AgentProfile>? sorted;

    private SortedDictionary<string, AgentProfile> Sorted => sorted ??= new(state.State.Agents, StringComparer.Ordinal);

    public async Task Upsert(AgentProfile profile, CancellationToken cancellationToken = default)
    {
        if (state.State.Agents.TryGetValue(profile.Id, out var existing) && existing == profile)
        {
            return;
        }

        await Write(s => s.Agents[profile.Id] = profile);
    }

    public async Task Remove(string agentId, CancellationToken cancellationToken = default)
    {
        if (state.State.Agents.ContainsKey(agentId))
        {
            await Write(s => s.Agents.Remove(agentId));
        }
    }

    public Task<AgentRosterPage> List(string? after, int limit, CancellationToken cancellationToken = default) =>
        Task.FromResult(Page(static _ => true, after, limit));

    public Task<AgentRosterPage> ListGroup(string? group, string? after, int limit, CancellationToken cancellationToken = default) =>
        Task.FromResult(Page(a => string.Equals(a.Group, group, StringComparison.Ordinal), after, limit));

    private AgentRosterPage Page(Func<AgentProfile, bool> include, string? after, int limit)
    {
        if (limit <= 0)
        {
            return new AgentRosterPage([], after);
        }

        var items = Sorted.Values
            .Where(a => (after is null || string.CompareOrdinal(a.Id, after) > 0) && include(a))
            .Take(limit + 1)
            .ToList();
        var more = items.Count > limit;
        if (more)
        {
            items.RemoveAt(items.Count - 1);
        }

        return new AgentRosterPage(items, more ? items[^1].Id : null);
    }

    private Task Write(Action<AgentRosterState> change)
    {
        sorted = null;
        return state.WriteAsync(this, change);
    }
}
