using Microsoft.Extensions.DependencyInjection;
using Switchboard.Contracts;
using Switchboard.Contracts.Alerts;
using Switchboard.Contracts.Crm;
using Switchboard.Domain.Crm;
using Switchboard.Grains.Scheduling;

namespace Switchboard.Grains.Tests;

/// <summary>
/// A task awaiting its due alert holds a reminder (in the reminder table, so it outlives its silo) as well as a
/// deadline; a silo lost before the task falls due is made up for by the reminder; a failed alert is retried by it;
/// a failed create leaves no task in the lists; once alerted, done or deleted, the reminder is gone.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class CrmTaskGrainTests(ClusterFixture fixture)
{
    private const string ReminderName = "task-due";

    private readonly IClusterClient client = fixture.Client;

    [Fact]
    public async Task A_task_whose_silo_lost_its_deadline_is_alerted_when_its_reminder_wakes_it()
    {
        var (tenant, taskId) = (TestIds.Tenant(), "tk_lost");
        var task = Task(tenant, taskId);
        var due = fixture.Time.GetUtcNow().AddHours(2);
        await task.Create(Draft(due));
        Assert.Equal([ReminderName], await RemindersAsync(task));

        // The silo holding the deadline goes: the activation and every in-memory deadline with it.
        await fixture.DeactivateAllAsync(task);
        CancelDeadlines(tenant, taskId);
        fixture.Time.Advance(TimeSpan.FromHours(2));
        Assert.Empty(await Inbox(tenant).GetCurrent());

        // Its reminder (durable) wakes it on a silo that is up.
        await task.AsReference<IRemindable>().ReceiveReminder(ReminderName, default);
        var alert = Assert.Single(await Inbox(tenant).GetCurrent()).Alert;
        Assert.Equal((TaskRules.AlertId(taskId, due), taskId, "a1"), (alert.Id, alert.TaskId, alert.Audience.AgentId));
        Assert.Equal(due, (await task.Get())!.AlertedFor);
        Assert.Empty(await RemindersAsync(task));
    }

    [Fact]
    public async Task An_alert_that_cannot_be_delivered_is_delivered_by_the_reminder_and_the_task_stays_created()
    {
        var (tenant, taskId) = (TestIds.Tenant(), "tk_inbox");
        var task = Task(tenant, taskId);
        using (fixture.Faults.FailWrites(GrainKeys.AlertInbox(tenant, "a1"), "inbox"))
        {
            // Due already: the alert is tried at once (and by the deadline), and cannot be stored while the fault lasts.
            var created = await task.Create(Draft(fixture.Time.GetUtcNow().AddMinutes(-1)));
            Assert.Equal((CrmTaskWriteOutcome.Created, null), (created.Outcome, created.Task!.AlertedFor));
            Assert.Empty(await Inbox(tenant).GetCurrent());
            Assert.Equal([ReminderName], await RemindersAsync(task));
        }

        await task.AsReference<IRemindable>().ReceiveReminder(ReminderName, default);
        Assert.Equal([taskId], (await Inbox(tenant).GetCurrent()).Select(a => a.Alert.TaskId));
        Assert.Empty(await RemindersAsync(task));
    }

    [Fact]
    public async Task A_create_that_cannot_be_stored_leaves_no_task_listed_and_its_reminder_goes_at_its_first_tick()
    {
        var (tenant, taskId) = (TestIds.Tenant(), "tk_failed");
        var task = Task(tenant, taskId);
        using (fixture.Faults.FailWrites(GrainKeys.CrmTask(tenant, taskId), "task", count: 1))
        {
            await Assert.ThrowsAsync<InjectedStorageFaultException>(() => task.Create(Draft(fixture.Time.GetUtcNow().AddHours(1))));
        }

        Assert.Null(await task.Get());
        Assert.Empty(await Shard(tenant, taskId).List(null, 10, new CrmTaskFilter(null, null, null, null, null)));
        await task.AsReference<IRemindable>().ReceiveReminder(ReminderName, default);
        Assert.Empty(await RemindersAsync(task));
    }

    [Fact]
    public async Task A_task_done_or_deleted_before_it_falls_due_lets_its_reminder_go_and_alerts_nobody()
    {
        var tenant = TestIds.Tenant();
        var due = fixture.Time.GetUtcNow().AddHours(1);
        var done = Task(tenant, "tk_done");
        var deleted = Task(tenant, "tk_deleted");
        await done.Create(Draft(due));
        await deleted.Create(Draft(due));
        Assert.Equal([ReminderName], await RemindersAsync(done));

        // Another agent's key cannot change or delete it, even if it passed the API's check before a reassignment.
        var patch = new CrmTaskPatch(null, null, null, null, false, null, false, CrmTaskStatus.Done);
        Assert.Equal(CrmTaskWriteOutcome.NotAssignee, (await done.Update(patch, assignee: "a2")).Outcome);
        Assert.Equal(CrmTaskWriteOutcome.NotAssignee, (await deleted.Delete(assignee: "a2")).Outcome);
        Assert.Equal(CrmTaskStatus.Open, (await done.Get())!.Status);
        await done.Update(patch, assignee: "a1");
        Assert.Equal(CrmTaskWriteOutcome.Deleted, (await deleted.Delete()).Outcome);
        Assert.Empty(await RemindersAsync(done));
        Assert.Empty(await RemindersAsync(deleted));
        Assert.DoesNotContain(await Shard(tenant, "tk_deleted").List(null, 10, new CrmTaskFilter(null, null, null, null, null)), e => e.Id == "tk_deleted");

        fixture.Time.Advance(TimeSpan.FromHours(1));
        await done.CheckDue();
        Assert.Empty(await Inbox(tenant).GetCurrent());
    }

    [Fact]
    public async Task A_task_due_months_ahead_waits_in_steps_and_alerts_on_time()
    {
        var (tenant, taskId) = (TestIds.Tenant(), "tk_far");
        var task = Task(tenant, taskId);
        var due = fixture.Time.GetUtcNow().AddDays(100); // beyond what one timer can wait
        Assert.Equal(CrmTaskWriteOutcome.Created, (await task.Create(Draft(due))).Outcome);

        fixture.Time.Advance(TimeSpan.FromDays(99));
        Assert.Empty(await Inbox(tenant).GetCurrent());
        fixture.Time.Advance(TimeSpan.FromDays(1));
        await Until(async () => (await Inbox(tenant).GetCurrent()).Count == 1);
        Assert.Equal(due, (await task.Get())!.AlertedFor);
    }

    [Fact]
    public void A_deadline_beyond_what_a_timer_holds_is_accepted_on_the_real_clock()
    {
        using var scheduler = new DeadlineScheduler(client, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<DeadlineScheduler>.Instance);
        scheduler.Schedule("far", DateTimeOffset.UtcNow.AddDays(365 * 5), _ => System.Threading.Tasks.Task.CompletedTask);
        scheduler.Cancel("far");
    }

    private static async Task Until(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 200 && !await condition(); i++)
        {
            await System.Threading.Tasks.Task.Delay(10, TestContext.Current.CancellationToken);
        }

        Assert.True(await condition(), "the condition did not hold in time");
    }

    private static CrmTaskDraft Draft(DateTimeOffset due) => new("Richiamare Maria", due, "a1", null, null, CrmTaskStatus.Open, "api:k1");

    private ICrmTaskGrain Task(string tenant, string taskId) => client.GetGrain<ICrmTaskGrain>(GrainKeys.CrmTask(tenant, taskId));

    private IAlertInboxGrain Inbox(string tenant) => client.GetGrain<IAlertInboxGrain>(GrainKeys.AlertInbox(tenant, "a1"));

    private ICrmTaskDirectoryShardGrain Shard(string tenant, string taskId) =>
        client.GetGrain<ICrmTaskDirectoryShardGrain>(GrainKeys.CrmTaskDirectoryShard(tenant, TaskDirectory.ShardOf(taskId)));

    /// <summary>The names of the grain's reminders in the reminder table (what a silo that starts reads).</summary>
    private async Task<List<string>> RemindersAsync(ICrmTaskGrain task)
    {
        var table = fixture.Cluster.Silos[0].ServiceProvider.GetRequiredService<IReminderTable>();
        return [.. (await table.ReadRows(task.GetGrainId())).Reminders.Select(r => r.ReminderName)];
    }

    private void CancelDeadlines(string tenant, string taskId)
    {
        foreach (var silo in fixture.Cluster.Silos)
        {
            silo.ServiceProvider.GetRequiredService<DeadlineScheduler>().Cancel("task/" + GrainKeys.CrmTask(tenant, taskId));
        }
    }
}
