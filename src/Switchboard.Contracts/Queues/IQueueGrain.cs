namespace Switchboard.Contracts.Queues;

/// <summary>
/// One queue: its settings and its members. Keyed by <see cref="GrainKeys.Queue"/>.
/// </summary>
/// <remarks>
/// Call direction: the queue calls agent grains (join, leave); an agent grain only ever calls
/// <see cref="ForgetMember"/>, which calls nobody and interleaves, so an agent being deleted while the queue waits on
/// that agent cannot deadlock the two.
/// </remarks>
[Alias("Switchboard.IQueueGrain")]
public interface IQueueGrain : IGrainWithStringKey
{
    /// <summary>Creates the queue after checking the rules; a retried create with the same settings is not a conflict.</summary>
    [Alias("Create")]
    Task<CreateQueueResult> Create(QueueConfig config, CancellationToken cancellationToken = default);

    [Alias("Get"), AlwaysInterleave]
    Task<QueueRecord?> Get(CancellationToken cancellationToken = default);

    /// <summary>Merges <paramref name="patch"/> into the settings; the result must follow the same rules as a create.</summary>
    [Alias("Update")]
    Task<UpdateQueueResult> Update(QueueConfigPatch patch, CancellationToken cancellationToken = default);

    /// <summary>Removes every member from its agent's queues, then deletes the queue; false when it did not exist.</summary>
    [Alias("Delete")]
    Task<bool> Delete(CancellationToken cancellationToken = default);

    /// <summary>Adds the agent (or sets its skill level); the agent grain records the membership first.</summary>
    [Alias("SetMember")]
    Task<SetMemberResult> SetMember(string agentId, int skillLevel, CancellationToken cancellationToken = default);

    [Alias("RemoveMember")]
    Task<RemoveMemberOutcome> RemoveMember(string agentId, CancellationToken cancellationToken = default);

    /// <summary>All members ordered by agent id; null when the queue does not exist.</summary>
    [Alias("GetMembers"), AlwaysInterleave]
    Task<IReadOnlyList<QueueMember>?> GetMembers(CancellationToken cancellationToken = default);

    /// <summary>
    /// Drops a member without telling its agent: what a deleted agent calls. Calls no other grain and may run while
    /// another call of this queue waits (on that very agent, for instance).
    /// </summary>
    [Alias("ForgetMember"), AlwaysInterleave]
    Task ForgetMember(string agentId, CancellationToken cancellationToken = default);
}
