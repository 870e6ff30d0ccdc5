namespace Switchboard.Contracts.Agents;

/// <summary>One agent: profile, presence state and its audit trail. Keyed by <see cref="GrainKeys.Agent"/>.</summary>
[Alias("Switchboard.IAgentGrain")]
public interface IAgentGrain : IGrainWithStringKey
{
    /// <summary>Creates the agent; a retried create with the same profile is not a conflict.</summary>
    [Alias("Create")]
    Task<CreateAgentResult> Create(AgentProfile profile, CancellationToken cancellationToken = default);

    [Alias("Get"), ReadOnly]
    Task<AgentRecord?> Get(CancellationToken cancellationToken = default);

    /// <summary>Updates the profile; null when the agent does not exist.</summary>
    [Alias("Update")]
    Task<AgentRecord?> Update(AgentProfilePatch patch, CancellationToken cancellationToken = default);

    /// <summary>Deletes the agent (logging it out first). Its audit trail is kept.</summary>
    [Alias("Delete")]
    Task<DeleteAgentOutcome> Delete(string? actorId, CancellationToken cancellationToken = default);

    [Alias("GetState"), ReadOnly]
    Task<AgentStateView?> GetState(CancellationToken cancellationToken = default);

    [Alias("ChangeState")]
    Task<StateChangeResult> ChangeState(StateChangeRequest request, CancellationToken cancellationToken = default);

    /// <summary>Audit entries older than <paramref name="before"/> (a sequence), newest first.</summary>
    [Alias("GetHistory"), ReadOnly]
    Task<StateHistoryPage?> GetHistory(long? before, int limit, CancellationToken cancellationToken = default);

    /// <summary>The agent took a piece of work (system): Busy.</summary>
    [Alias("StartWork")]
    Task<StateChangeResult> StartWork(string workId, CancellationToken cancellationToken = default);

    /// <summary>A piece of work ended (system): WrapUp once no work is left.</summary>
    [Alias("EndWork")]
    Task<StateChangeResult> EndWork(string workId, CancellationToken cancellationToken = default);

    /// <summary>Wrap-up finished (system): the next state, or the state before the work.</summary>
    [Alias("CompleteWrapUp")]
    Task<StateChangeResult> CompleteWrapUp(CancellationToken cancellationToken = default);
}
