using Switchboard.Domain.Crm;

namespace Switchboard.Contracts.Crm;

/// <summary>
/// A follow-up of the local CRM: something an agent is to do by <see cref="DueAt"/>, perhaps about a case or a customer.
/// When it falls due while open, its assignee gets an alert (<see cref="AlertedFor"/>: the due time it was alerted for).
/// </summary>
[GenerateSerializer, Immutable, Alias("Switchboard.CrmTask")]
public sealed record CrmTask(
    [property: Id(0)] string Id,
    [property: Id(1)] string Title,
    [property: Id(2)] DateTimeOffset DueAt,
    [property: Id(3)] string AssigneeAgentId,
    [property: Id(4)] long? CaseNumber,
    [property: Id(5)] string? CustomerId,
    [property: Id(6)] CrmTaskStatus Status,
    [property: Id(7)] string CreatedBy,
    [property: Id(8)] DateTimeOffset CreatedAt,
    [property: Id(9)] DateTimeOffset UpdatedAt,
    [property: Id(10)] DateTimeOffset? AlertedFor);

/// <summary>A new task; <see cref="CreatedBy"/> is agent:{agentId} or api:{keyId}.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.CrmTaskDraft")]
public sealed record CrmTaskDraft(
    [property: Id(0)] string Title,
    [property: Id(1)] DateTimeOffset DueAt,
    [property: Id(2)] string AssigneeAgentId,
    [property: Id(3)] long? CaseNumber,
    [property: Id(4)] string? CustomerId,
    [property: Id(5)] CrmTaskStatus Status,
    [property: Id(6)] string CreatedBy);

/// <summary>
/// A change to a task: null leaves a field as it is; <see cref="ClearCase"/> and <see cref="ClearCustomer"/> remove the
/// link (a number or id given with them is ignored).
/// </summary>
[GenerateSerializer, Immutable, Alias("Switchboard.CrmTaskPatch")]
public sealed record CrmTaskPatch(
    [property: Id(0)] string? Title,
    [property: Id(1)] DateTimeOffset? DueAt,
    [property: Id(2)] string? AssigneeAgentId,
    [property: Id(3)] long? CaseNumber,
    [property: Id(4)] bool ClearCase,
    [property: Id(5)] string? CustomerId,
    [property: Id(6)] bool ClearCustomer,
    [property: Id(7)] CrmTaskStatus? Status);

/// <summary>A task as its directory shard lists it: what lists filter and sort by.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.CrmTaskEntry")]
public sealed record CrmTaskEntry(
    [property: Id(0)] string Id,
    [property: Id(1)] DateTimeOffset DueAt,
    [property: Id(2)] string AssigneeAgentId,
    [property: Id(3)] CrmTaskStatus Status,
    [property: Id(4)] long? CaseNumber,
    [property: Id(5)] string? CustomerId);

/// <summary>What a list of tasks keeps: null filters nothing; <see cref="DueBefore"/> keeps tasks due strictly before it.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.CrmTaskFilter")]
public sealed record CrmTaskFilter(
    [property: Id(0)] string? AssigneeAgentId,
    [property: Id(1)] CrmTaskStatus? Status,
    [property: Id(2)] long? CaseNumber,
    [property: Id(3)] string? CustomerId,
    [property: Id(4)] DateTimeOffset? DueBefore);

/// <summary>A place in a list of tasks, ordered by due time, then id.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.CrmTaskPosition")]
public sealed record CrmTaskPosition([property: Id(0)] DateTimeOffset DueAt, [property: Id(1)] string Id)
{
    public static int Compare(CrmTaskEntry entry, CrmTaskPosition position)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(position);
        var byTime = entry.DueAt.CompareTo(position.DueAt);
        return byTime != 0 ? byTime : string.CompareOrdinal(entry.Id, position.Id);
    }
}

public enum CrmTaskWriteOutcome
{
    Created = 0,
    Updated = 1,
    Unchanged = 2,
    NotFound = 3,
    AlreadyExists = 4,

    /// <summary>The tenant's task directory has no room for another task.</summary>
    Full = 5,
    Deleted = 6,

    /// <summary>The task is not the given assignee's (an agent key acting on a task reassigned meanwhile).</summary>
    NotAssignee = 7,
}

[GenerateSerializer, Immutable, Alias("Switchboard.CrmTaskWriteResult")]
public sealed record CrmTaskWriteResult([property: Id(0)] CrmTaskWriteOutcome Outcome, [property: Id(1)] CrmTask? Task);

/// <summary>
/// One task of a tenant's local CRM (key: tenant/task id). While it is open and not yet alerted for its due time it
/// holds a deadline and a reminder, so its assignee is alerted when it falls due, even after a silo failure.
/// </summary>
[Alias("Switchboard.ICrmTaskGrain")]
public interface ICrmTaskGrain : IGrainWithStringKey
{
    [Alias("Create")]
    Task<CrmTaskWriteResult> Create(CrmTaskDraft draft, CancellationToken cancellationToken = default);

    /// <summary>Changes it; when <paramref name="assignee"/> is given, only if the task is that agent's (checked in the same turn).</summary>
    [Alias("Update")]
    Task<CrmTaskWriteResult> Update(CrmTaskPatch patch, string? assignee = null, CancellationToken cancellationToken = default);

    /// <summary>Deletes it; when <paramref name="assignee"/> is given, only if the task is that agent's.</summary>
    [Alias("Delete")]
    Task<CrmTaskWriteResult> Delete(string? assignee = null, CancellationToken cancellationToken = default);

    [Alias("Get"), ReadOnly]
    Task<CrmTask?> Get(CancellationToken cancellationToken = default);

    /// <summary>Alerts the assignee if the task is open and due on the business clock and not alerted yet (the deadline's and reminder's call).</summary>
    [Alias("CheckDue")]
    Task CheckDue(CancellationToken cancellationToken = default);
}

/// <summary>One shard of a tenant's task directory (key: tenant/shard).</summary>
[Alias("Switchboard.ICrmTaskDirectoryShardGrain")]
public interface ICrmTaskDirectoryShardGrain : IGrainWithStringKey
{
    /// <summary>Adds or updates an entry; false when a new one does not fit.</summary>
    [Alias("Put")]
    Task<bool> Put(CrmTaskEntry entry, CancellationToken cancellationToken = default);

    [Alias("Remove")]
    Task Remove(string taskId, CancellationToken cancellationToken = default);

    /// <summary>Up to <paramref name="limit"/> entries after <paramref name="after"/> (null: from the start), soonest due first, kept by <paramref name="filter"/>.</summary>
    [Alias("List"), ReadOnly]
    Task<IReadOnlyList<CrmTaskEntry>> List(CrmTaskPosition? after, int limit, CrmTaskFilter filter, CancellationToken cancellationToken = default);
}
