using System.Globalization;
using Switchboard.Domain.Tenancy;

namespace Switchboard.Domain.Crm;

/// <summary>Whether a CRM task is still to do.</summary>
public enum CrmTaskStatus
{
    Open = 0,
    Done = 1,
}

/// <summary>What a CRM task may hold, and when its assignee is alerted.</summary>
public static class TaskRules
{
    public const int MaxTitleLength = 300;

    /// <summary>How far ahead a task may fall due, and how far back (tasks entered late are alerted at once).</summary>
    public static readonly TimeSpan MaxDueDistance = TimeSpan.FromDays(5 * 366);

    /// <summary>Tasks one tenant's directory holds.</summary>
    public const int MaxTasks = TaskDirectory.Shards * TaskDirectory.MaxPerShard;

    public static bool IsValidTitle(string? title) => Identifiers.IsValidText(title, MaxTitleLength);

    public static bool IsValidDueAt(DateTimeOffset dueAt, DateTimeOffset now) => (dueAt - now).Duration() <= MaxDueDistance;

    /// <summary>Whether the assignee is still to be alerted for the task as it stands: open, and not alerted for this due time.</summary>
    public static bool AwaitsAlert(CrmTaskStatus status, DateTimeOffset dueAt, DateTimeOffset? alertedFor) =>
        status == CrmTaskStatus.Open && alertedFor != dueAt;

    /// <summary>
    /// The id of the alert for a task falling due at <paramref name="dueAt"/>: the same however often it is delivered
    /// (inboxes keep one per id), a new one when the task is given another due time.
    /// </summary>
    public static string AlertId(string taskId, DateTimeOffset dueAt) =>
        string.Create(CultureInfo.InvariantCulture, $"task.{taskId}.{dueAt.UtcTicks}");
}

/// <summary>How a tenant's tasks are spread over directory shards (by id), so that no one row lists them all.</summary>
public static class TaskDirectory
{
    public const int Shards = 128;

    /// <summary>
    /// Tasks one shard lists. An entry holds at most about 250 bytes (ids of the task, assignee, customer and case, the
    /// due time): 2,000 stay well under the 960 KiB a grain's storage row holds.
    /// </summary>
    public const int MaxPerShard = 2_000;

    public static int ShardOf(string taskId) => (int)(StableHash.Of(taskId) % Shards);
}
