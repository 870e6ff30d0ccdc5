using Microsoft.Extensions.Logging;
using Switchboard.Contracts;
using Switchboard.Contracts.Alerts;
using Switchboard.Contracts.Crm;
using Switchboard.Contracts.Live;
using Switchboard.Domain.Crm;
using Switchboard.Grains.Live;
using Switchboard.Grains.Scheduling;

namespace Switchboard.Grains.Crm;

/// <summary>
/// One CRM task. While it awaits its due alert it holds a precise deadline on the business clock and a reminder that
/// outlives a silo failure; when it falls due its assignee's inbox gets the alert (idempotent by id), consoles hear of
/// it, and the task records the due time it alerted for, then lets both go.
/// </summary>
public sealed partial class CrmTaskGrain(
    [PersistentState("task", StorageNames.Default)] IPersistentState<CrmTaskState> state,
    [FromKeyedServices(SwitchboardClock.ServiceKey)] TimeProvider time,
    DeadlineScheduler deadlines,
    ILogger<CrmTaskGrain> logger) : Grain, ICrmTaskGrain, IRemindable
{
    private const string ReminderName = "task-due";

    /// <summary>
    /// The longest a reminder waits before its first tick: a task due months ahead wakes once a day to wait again, so
    /// no reminder's first tick is beyond what a timer can hold.
    /// </summary>
    private static readonly TimeSpan LongestReminderWait = TimeSpan.FromDays(1);

    private string tenantId = "";
    private string taskId = "";

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var parts = GrainKeys.Split(this.GetPrimaryKeyString());
        (tenantId, taskId) = (parts[0], parts[1]);
        if (state.State.Task is { } task && TaskRules.AwaitsAlert(task.Status, task.DueAt, task.AlertedFor))
        {
            // Woken after a silo failure (by its reminder or any call): the deadline it held there is gone.
            ScheduleDeadline(task);
        }

        return Task.CompletedTask;
    }

    public Task<CrmTask?> Get(CancellationToken cancellationToken = default) => Task.FromResult(state.State.Task);

    public async Task<CrmTaskWriteResult> Create(CrmTaskDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (state.State.Task is { } existing)
        {
            return new CrmTaskWriteResult(CrmTaskWriteOutcome.AlreadyExists, existing);
        }

        var now = time.GetUtcNow();
        var created = new CrmTask(taskId, draft.Title, draft.DueAt, draft.AssigneeAgentId, draft.CaseNumber, draft.CustomerId, draft.Status,
            draft.CreatedBy, now, now, null);
        if (!await Shard.Put(Entry(created), cancellationToken))
        {
            return new CrmTaskWriteResult(CrmTaskWriteOutcome.Full, null);
        }

        try
        {
            // The reminder before the task is stored: a task stored without one could miss its alert after a failure;
            // a reminder left by a write that failed finds no task and goes.
            await KeepTime(created);
            await state.WriteAsync(this, s => s.Task = created);
        }
        catch
        {
            await Shard.Remove(taskId, CancellationToken.None);
            throw;
        }

        await AlertIfDue(cancellationToken);
        return new CrmTaskWriteResult(CrmTaskWriteOutcome.Created, state.State.Task);
    }

    public async Task<CrmTaskWriteResult> Update(CrmTaskPatch patch, string? assignee = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(patch);
        if (state.State.Task is not { } current)
        {
            return new CrmTaskWriteResult(CrmTaskWriteOutcome.NotFound, null);
        }

        if (assignee is not null && current.AssigneeAgentId != assignee)
        {
            return new CrmTaskWriteResult(CrmTaskWriteOutcome.NotAssignee, null);
        }

        var updated = current with
        {
            Title = patch.Title ?? current.Title,
            DueAt = patch.DueAt ?? current.DueAt,
            AssigneeAgentId = patch.AssigneeAgentId ?? current.AssigneeAgentId,
            CaseNumber = patch.ClearCase ? null : patch.CaseNumber ?? current.CaseNumber,
            CustomerId = patch.ClearCustomer ? null : patch.CustomerId ?? current.CustomerId,
            Status = patch.Status ?? current.Status,
        };
        if (updated == current)
        {
            return new CrmTaskWriteResult(CrmTaskWriteOutcome.Unchanged, current);
        }

        updated = updated with { UpdatedAt = time.GetUtcNow() };
        try
        {
            await Shard.Put(Entry(updated), cancellationToken);
            await KeepTime(updated);
            await state.WriteAsync(this, s => s.Task = updated);
        }
        catch
        {
            // Lists keep finding it as it is, and its deadline stays the one it had.
            await Shard.Put(Entry(current), CancellationToken.None);
            await KeepTime(current);
            throw;
        }

        await AlertIfDue(cancellationToken);
        return new CrmTaskWriteResult(CrmTaskWriteOutcome.Updated, state.State.Task);
    }

    public async Task<CrmTaskWriteResult> Delete(string? assignee = null, CancellationToken cancellationToken = default)
    {
        if (state.State.Task is not { } current)
        {
            return new CrmTaskWriteResult(CrmTaskWriteOutcome.NotFound, null);
        }

        if (assignee is not null && current.AssigneeAgentId != assignee)
        {
            return new CrmTaskWriteResult(CrmTaskWriteOutcome.NotAssignee, null);
        }

        await state.WriteAsync(this, s => s.Task = null);
        await Shard.Remove(taskId, CancellationToken.None); // the task is gone: its entry goes too, whatever the caller does now
        await KeepTime(null);
        return new CrmTaskWriteResult(CrmTaskWriteOutcome.Deleted, current);
    }

    public async Task CheckDue(CancellationToken cancellationToken = default)
    {
        var task = state.State.Task;
        if (task is null || !TaskRules.AwaitsAlert(task.Status, task.DueAt, task.AlertedFor))
        {
            await KeepTime(task);
            return;
        }

        if (task.DueAt > time.GetUtcNow())
        {
            // A reminder waking early (a task due beyond its longest wait): wait again.
            await KeepTime(task);
            return;
        }

        // The inbox first, then the record: a failure in between alerts again (the same id, which the inbox keeps once).
        var alert = new AlertView(
            TaskRules.AlertId(taskId, task.DueAt), "Task due: " + task.Title, new AlertAudience(false, null, null, task.AssigneeAgentId),
            task.CreatedBy, time.GetUtcNow(), null, taskId);
        await GrainFactory.GetGrain<IAlertInboxGrain>(GrainKeys.AlertInbox(tenantId, task.AssigneeAgentId)).Add(alert, cancellationToken);
        await state.WriteAsync(this, s => s.Task = task with { AlertedFor = task.DueAt });
        TaskDue(logger, tenantId, taskId, task.AssigneeAgentId);
        await this.PublishLive(LiveStreams.Alerts, tenantId, new AlertSent(alert, [task.AssigneeAgentId]), logger);
        await KeepTime(state.State.Task);
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => CheckDue();

    /// <summary>After a write that was acknowledged: a task due already is alerted now, or by its reminder if that fails.</summary>
    private async Task AlertIfDue(CancellationToken cancellationToken)
    {
        if (state.State.Task is not { } task || !TaskRules.AwaitsAlert(task.Status, task.DueAt, task.AlertedFor) || task.DueAt > time.GetUtcNow())
        {
            return;
        }

        try
        {
            await CheckDue(cancellationToken);
        }
        catch (Exception exception)
        {
            AlertDeferred(logger, exception, tenantId, taskId);
        }
    }

    /// <summary>The deadline and reminder <paramref name="task"/> needs: both while it awaits its alert, neither otherwise.</summary>
    private async Task KeepTime(CrmTask? task)
    {
        if (task is not null && TaskRules.AwaitsAlert(task.Status, task.DueAt, task.AlertedFor))
        {
            ScheduleDeadline(task);
            var wait = task.DueAt - time.GetUtcNow();
            var firstTick = wait < TimeSpan.Zero ? TimeSpan.Zero : wait > LongestReminderWait ? LongestReminderWait : wait;
            await this.RegisterOrUpdateReminder(ReminderName, firstTick, TimeSpan.FromMinutes(1));
            return;
        }

        deadlines.Cancel(DeadlineKey);
        if (await this.GetReminder(ReminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private void ScheduleDeadline(CrmTask task)
    {
        var key = this.GetPrimaryKeyString();
        deadlines.Schedule(DeadlineKey, task.DueAt, grains => grains.GetGrain<ICrmTaskGrain>(key).CheckDue());
    }

    private static CrmTaskEntry Entry(CrmTask t) => new(t.Id, t.DueAt, t.AssigneeAgentId, t.Status, t.CaseNumber, t.CustomerId);

    private string DeadlineKey => "task/" + this.GetPrimaryKeyString();

    private ICrmTaskDirectoryShardGrain Shard =>
        GrainFactory.GetGrain<ICrmTaskDirectoryShardGrain>(GrainKeys.CrmTaskDirectoryShard(tenantId, TaskDirectory.ShardOf(taskId)));

    [LoggerMessage(12001, LogLevel.Information, "Task {TenantId}/{TaskId} fell due: its assignee {AgentId} was alerted")]
    private static partial void TaskDue(ILogger logger, string tenantId, string taskId, string agentId);

    [LoggerMessage(12002, LogLevel.Warning, "Task {TenantId}/{TaskId} is due but its alert could not be delivered yet; its reminder will retry")]
    private static partial void AlertDeferred(ILogger logger, Exception exception, string tenantId, string taskId);
}

[GenerateSerializer, Alias("Switchboard.Grains.CrmTaskState")]
public sealed class CrmTaskState
{
    [Id(0)] public CrmTask? Task { get; set; }
}
