using Switchboard.Domain.Crm;

namespace Switchboard.Domain.Tests.Crm;

/// <summary>When a task's assignee is still to be alerted, the alert's id, how far a due time may be, and the directory's shards.</summary>
public sealed class TaskRulesTests
{
    private static readonly DateTimeOffset Due = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_open_task_awaits_its_alert_until_alerted_for_its_due_time_and_again_for_a_new_one()
    {
        Assert.True(TaskRules.AwaitsAlert(CrmTaskStatus.Open, Due, null));
        Assert.False(TaskRules.AwaitsAlert(CrmTaskStatus.Open, Due, Due));
        Assert.True(TaskRules.AwaitsAlert(CrmTaskStatus.Open, Due.AddHours(1), Due));
        Assert.False(TaskRules.AwaitsAlert(CrmTaskStatus.Done, Due, null));

        // The same instant in another offset is the same due time.
        Assert.False(TaskRules.AwaitsAlert(CrmTaskStatus.Open, Due.ToOffset(TimeSpan.FromHours(1)), Due));
    }

    [Fact]
    public void The_alert_id_is_the_same_for_one_due_time_and_new_for_another()
    {
        Assert.Equal(TaskRules.AlertId("tk_1", Due), TaskRules.AlertId("tk_1", Due.ToOffset(TimeSpan.FromHours(2))));
        Assert.NotEqual(TaskRules.AlertId("tk_1", Due), TaskRules.AlertId("tk_1", Due.AddTicks(1)));
        Assert.NotEqual(TaskRules.AlertId("tk_1", Due), TaskRules.AlertId("tk_2", Due));
        Assert.Equal("task.tk_1.639000000000000000".Length, TaskRules.AlertId("tk_1", Due).Length);
    }

    [Fact]
    public void A_due_time_is_at_most_five_years_away_either_way()
    {
        Assert.True(TaskRules.IsValidDueAt(Due.AddDays(5 * 366), Due));
        Assert.True(TaskRules.IsValidDueAt(Due.AddDays(-5 * 366), Due));
        Assert.False(TaskRules.IsValidDueAt(Due.AddDays(5 * 366).AddSeconds(1), Due));
        Assert.False(TaskRules.IsValidDueAt(Due.AddDays(-5 * 366).AddSeconds(-1), Due));
    }

    [Fact]
    public void A_task_always_falls_in_the_same_shard_and_tasks_spread_over_all_of_them()
    {
        // Pinned: a hash that changed between processes would lose every stored entry.
        Assert.Equal(101, TaskDirectory.ShardOf("maria"));
        var shards = Enumerable.Range(0, 10_000).Select(i => TaskDirectory.ShardOf($"tk_{i:x24}")).ToList();
        Assert.All(shards, s => Assert.InRange(s, 0, TaskDirectory.Shards - 1));
        Assert.Equal(TaskDirectory.Shards, shards.Distinct().Count());
        Assert.True(shards.GroupBy(s => s).Max(g => g.Count()) < 2 * 10_000 / TaskDirectory.Shards);
    }
}
