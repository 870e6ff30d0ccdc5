namespace Switchboard.Contracts.PlatformChanges;

/// <summary>
/// One platform change: its numbered notices and, after the final one, the logout it asks of every agent logged in
/// then, enforced at the deadline. Keyed by <see cref="GrainKeys.PlatformChange"/>.
/// </summary>
/// <remarks>
/// Call direction: the change calls the roster, agents and the tenant's <see cref="IPlatformChangeIndexGrain"/>;
/// none of them calls a change, so there is no wait cycle.
/// </remarks>
[Alias("Switchboard.IPlatformChangeGrain")]
public interface IPlatformChangeGrain : IGrainWithStringKey
{
    /// <summary>Creates the change with its first notice (number 1).</summary>
    [Alias("Create")]
    Task<PlatformChangeResult> Create(NewPlatformNotice notice, CancellationToken cancellationToken = default);

    /// <summary>Sends the next notice; none after the final one.</summary>
    [Alias("AddNotice")]
    Task<PlatformChangeResult> AddNotice(NewPlatformNotice notice, CancellationToken cancellationToken = default);

    /// <summary>The change and its notices; null when it does not exist.</summary>
    [Alias("Get"), ReadOnly]
    Task<PlatformChangeView?> Get(CancellationToken cancellationToken = default);

    /// <summary>
    /// Each agent's compliance with the final notice (ordered by agent id), derived from the agents' audit trails;
    /// null before the final notice or when the change does not exist.
    /// </summary>
    [Alias("GetCompliance")]
    Task<IReadOnlyList<AgentComplianceView>?> GetCompliance(CancellationToken cancellationToken = default);

    /// <summary>At the logout deadline: logs out (system, code <c>platform-change</c>) every agent still logged in.</summary>
    [Alias("CheckDeadline")]
    Task CheckDeadline(CancellationToken cancellationToken = default);
}
