namespace Switchboard.Contracts.Agents;

/// <summary>A tenant's list of agents, for paging through them. Keyed by tenant id.</summary>
[Alias("Switchboard.IAgentRosterGrain")]
public interface IAgentRosterGrain : IGrainWithStringKey
{
    [Alias("Upsert")]
    Task Upsert(AgentProfile profile, CancellationToken cancellationToken = default);

    [Alias("Remove")]
    Task Remove(string agentId, CancellationToken cancellationToken = default);

    /// <summary>Agents with ids after <paramref name="after"/> (ordinal), at most <paramref name="limit"/>.</summary>
    [Alias("List"), ReadOnly]
    Task<AgentRosterPage> List(string? after, int limit, CancellationToken cancellationToken = default);

    /// <summary>Like <see cref="List"/>, only the agents of <paramref name="group"/> (null: the agents without a group).</summary>
    [Alias("ListGroup"), ReadOnly]
    Task<AgentRosterPage> ListGroup(string? group, string? after, int limit, CancellationToken cancellationToken = default);
}
