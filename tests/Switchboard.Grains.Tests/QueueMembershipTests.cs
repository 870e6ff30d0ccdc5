using Switchboard.Contracts;
using Switchboard.Contracts.Agents;
using Switchboard.Contracts.Queues;
using Switchboard.Domain.Agents;
using Switchboard.Domain.Queues;

namespace Switchboard.Grains.Tests;

/// <summary>
/// Queue members, kept on both sides: the queue lists its agents, each agent its queues. Deleting either side cleans
/// the other, retries repair partial failures, and agent and queue calling each other at once never deadlock.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class QueueMembershipTests(ClusterFixture fixture)
{
    /// <summary>Far below Orleans' 30 s response timeout, which a deadlock between the two grains would run into.</summary>
    private static readonly TimeSpan NoDeadlock = TimeSpan.FromSeconds(10);

    private readonly IClusterClient client = fixture.Client;

    [Fact]
    public async Task Set_member_adds_then_updates_on_both_sides_and_remove_takes_it_out_of_both()
    {
        var tenant = TestIds.Tenant();
        var agent = await client.CreateAgent(tenant, "a1");
        await client.CreateAgent(tenant, "a2");
        var support = await client.CreateQueue(tenant, "support");
        var sales = await client.CreateQueue(tenant, "sales");

        Assert.Equal(new SetMemberResult(SetMemberOutcome.Added, new QueueMember("a1", 3)), await support.SetMember("a1", 3));
        Assert.Equal(new SetMemberResult(SetMemberOutcome.Added, new QueueMember("a2", 1)), await support.SetMember("a2", 1));
        Assert.Equal(new SetMemberResult(SetMemberOutcome.Added, new QueueMember("a1", 10)), await sales.SetMember("a1", 10));
        Assert.Equal(new SetMemberResult(SetMemberOutcome.Updated, new QueueMember("a1", 7)), await support.SetMember("a1", 7));
        Assert.Equal(new SetMemberResult(SetMemberOutcome.Updated, new QueueMember("a1", 7)), await support.SetMember("a1", 7));

        Assert.Equal([new QueueMember("a1", 7), new QueueMember("a2", 1)], await support.GetMembers());
        Assert.Equal([new QueueMembership("sales", 10), new QueueMembership("support", 7)], await agent.GetQueues());

        Assert.Equal(RemoveMemberOutcome.Removed, await support.RemoveMember("a1"));
        Assert.Equal(RemoveMemberOutcome.NotMember, await support.RemoveMember("a1"));
        Assert.Equal([new QueueMember("a2", 1)], await support.GetMembers());
        Assert.Equal([new QueueMembership("sales", 10)], await agent.GetQueues());
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => support.SetMember("a2", 11));
    }

    [Fact]
    public async Task Unknown_queue_or_agent_adds_nothing_anywhere()
    {
        var tenant = TestIds.Tenant();
        var agent = await client.CreateAgent(tenant, "a1");
        var queue = await client.CreateQueue(tenant, "support");

        Assert.Equal(SetMemberOutcome.AgentNotFound, (await queue.SetMember("nobody", 1)).Outcome);
        Assert.Equal(SetMemberOutcome.QueueNotFound, (await client.Queue(tenant, "nothing").SetMember("a1", 1)).Outcome);
        Assert.Equal(RemoveMemberOutcome.QueueNotFound, await client.Queue(tenant, "nothing").RemoveMember("a1"));

        Assert.Empty((await queue.GetMembers())!);
        Assert.Empty((await agent.GetQueues())!);
        Assert.Null(await client.Agent(tenant, "nobody").GetQueues());
    }

    [Fact]
    public async Task Deleting_an_agent_takes_it_out_of_every_queue_and_a_recreated_agent_is_in_none()
    {
        var tenant = TestIds.Tenant();
        var agent = await client.CreateAgent(tenant, "a1");
        await client.CreateAgent(tenant, "a2");
        var queues = new[] { await client.CreateQueue(tenant, "q1"), await client.CreateQueue(tenant, "q2"), await client.CreateQueue(tenant, "q3") };
        foreach (var queue in queues)
        {
            await queue.SetMember("a1", 5);
            await queue.SetMember("a2", 2);
        }

        Assert.Equal(DeleteAgentOutcome.Deleted, await agent.Delete("admin"));

        foreach (var queue in queues)
        {
            Assert.Equal([new QueueMember("a2", 2)], await queue.GetMembers());
        }

        Assert.Null(await agent.GetQueues());
        await agent.Create(new AgentProfile("a1", "Again", null));
        Assert.Empty((await agent.GetQueues())!);
        Assert.Equal(3, (await client.Agent(tenant, "a2").GetQueues())!.Count);
    }

    [Fact]
    public async Task An_agent_handling_work_is_not_deleted_and_stays_in_its_queues()
    {
        var tenant = TestIds.Tenant();
        var agent = await client.CreateAgent(tenant, "a1");
        var queue = await client.CreateQueue(tenant, "q1");
        await queue.SetMember("a1", 4);
        await agent.ChangeState(AgentTestHelpers.Request(AgentState.Available));
        await agent.StartWork("call-1");

        Assert.Equal(DeleteAgentOutcome.HandlingWork, await agent.Delete("admin"));

        Assert.Equal([new QueueMember("a1", 4)], await queue.GetMembers());
        Assert.Equal([new QueueMembership("q1", 4)], await agent.GetQueues());
    }

    [Fact]
    public async Task Deleting_a_queue_takes_it_off_its_agents()
    {
        var tenant = TestIds.Tenant();
        var a1 = await client.CreateAgent(tenant, "a1");
        var a2 = await client.CreateAgent(tenant, "a2");
        var doomed = await client.CreateQueue(tenant, "doomed");
        var kept = await client.CreateQueue(tenant, "kept");
        await doomed.SetMember("a1", 1);
        await doomed.SetMember("a2", 9);
        await kept.SetMember("a2", 3);

        Assert.True(await doomed.Delete());

        Assert.Empty((await a1.GetQueues())!);
        Assert.Equal([new QueueMembership("kept", 3)], await a2.GetQueues());
        Assert.Equal([new QueueMember("a2", 3)], await kept.GetMembers());

        // Created again, the queue has no members.
        await client.CreateQueue(tenant, "doomed");
        Assert.Empty((await doomed.GetMembers())!);
    }

    [Fact]
    public async Task Agent_deletes_racing_member_changes_and_queue_deletes_neither_deadlock_nor_leave_a_side_behind()
    {
        var tenant = TestIds.Tenant();
        var queues = new List<IQueueGrain>();
        for (var q = 0; q < 4; q++)
        {
            queues.Add(await client.CreateQueue(tenant, $"q{q}"));
        }

        for (var round = 0; round < 10; round++)
        {
            var agentId = $"a{round}";
            var agent = await client.CreateAgent(tenant, agentId);
            await queues[0].SetMember(agentId, 1);
            await queues[1].SetMember(agentId, 1);

            // The queues call the agent while the agent calls them.
            var delete = agent.Delete("admin");
            var joins = queues.Select(q => q.SetMember(agentId, 5)).ToList();
            var leave = queues[1].RemoveMember(agentId);
            await Task.WhenAll([delete, leave, .. joins]).WaitAsync(NoDeadlock, TestContext.Current.CancellationToken);

            Assert.Equal(DeleteAgentOutcome.Deleted, await delete);
            Assert.Null(await agent.GetQueues());
            foreach (var queue in queues)
            {
                Assert.DoesNotContain(agentId, (await queue.GetMembers())!.Select(m => m.AgentId));
            }
        }

        // And a queue deleted while its members' agents are deleted.
        var agents = new List<IAgentGrain>();
        for (var i = 0; i < 5; i++)
        {
            agents.Add(await client.CreateAgent(tenant, $"b{i}"));
            await queues[2].SetMember($"b{i}", 2);
            await queues[3].SetMember($"b{i}", 2);
        }

        var deletes = agents.Select(a => a.Delete("admin")).Append(Task.FromResult(DeleteAgentOutcome.Deleted)).ToList();
        var queueDelete = queues[2].Delete();
        await Task.WhenAll([queueDelete, .. deletes]).WaitAsync(NoDeadlock, TestContext.Current.CancellationToken);

        Assert.True(await queueDelete);
        Assert.Empty((await queues[3].GetMembers())!);
        Assert.All(await Task.WhenAll(agents.Select(a => a.GetQueues())), Assert.Null);
    }

    [Fact]
    public async Task A_queue_write_failing_after_the_agent_joined_is_repaired_by_the_retry()
    {
        var tenant = TestIds.Tenant();
        var agent = await client.CreateAgent(tenant, "ada");
        var queue = await client.CreateQueue(tenant, "support");

        using (var fault = fixture.Faults.FailWrites(GrainKeys.Queue(tenant, "support"), "queue", count: 1))
        {
            await Assert.ThrowsAsync<InjectedStorageFaultException>(() => queue.SetMember("ada", 6));
            Assert.Equal(1, fault.Injected);
        }

        // Half done: the agent has it, the queue does not (nothing unstored is served).
        Assert.Empty((await queue.GetMembers())!);
        Assert.Equal([new QueueMembership("support", 6)], await agent.GetQueues());

        Assert.Equal(SetMemberOutcome.Added, (await queue.SetMember("ada", 6)).Outcome);
        Assert.Equal([new QueueMember("ada", 6)], await queue.GetMembers());

        // Removing: the queue's write fails after the agent left; the retry finishes it.
        using (fixture.Faults.FailWrites(GrainKeys.Queue(tenant, "support"), "queue", count: 1))
        {
            await Assert.ThrowsAsync<InjectedStorageFaultException>(() => queue.RemoveMember("ada"));
        }

        Assert.Equal([new QueueMember("ada", 6)], await queue.GetMembers());
        Assert.Equal(RemoveMemberOutcome.Removed, await queue.RemoveMember("ada"));
        Assert.Empty((await queue.GetMembers())!);
        Assert.Empty((await agent.GetQueues())!);
    }

    [Fact]
    public async Task A_failed_agent_delete_leaves_the_agent_and_the_retry_finishes_leaving_its_queues()
    {
        var tenant = TestIds.Tenant();
        var agent = await client.CreateAgent(tenant, "ada");
        var queue = await client.CreateQueue(tenant, "support");
        await queue.SetMember("ada", 2);

        using (fixture.Faults.FailWrites(GrainKeys.Agent(tenant, "ada"), "agent", count: 1))
        {
            await Assert.ThrowsAsync<InjectedStorageFaultException>(() => agent.Delete("admin"));
        }

        Assert.NotNull(await agent.Get());
        Assert.Equal(DeleteAgentOutcome.Deleted, await agent.Delete("admin"));
        Assert.Empty((await queue.GetMembers())!);
        Assert.Null(await agent.GetQueues());
    }

    [Fact]
    public async Task A_queue_takes_at_most_2000_members_but_existing_members_can_still_change_level()
    {
        var tenant = TestIds.Tenant();
        var queue = await client.CreateQueue(tenant, "big");
        var ids = Enumerable.Range(0, QueueMemberRules.MaxMembers + 1).Select(i => $"a{i:D4}").ToList();
        await Task.WhenAll(ids.Select(id => client.Agent(tenant, id).Create(new AgentProfile(id, id, null))));
        await Task.WhenAll(ids.Take(QueueMemberRules.MaxMembers).Select(id => queue.SetMember(id, 1)));

        Assert.Equal(new SetMemberResult(SetMemberOutcome.QueueFull, null), await queue.SetMember(ids[^1], 1));
        Assert.Empty((await client.Agent(tenant, ids[^1]).GetQueues())!);
        Assert.Equal(SetMemberOutcome.Updated, (await queue.SetMember(ids[0], 9)).Outcome);
        Assert.Equal(QueueMemberRules.MaxMembers, (await queue.GetMembers())!.Count);
    }

    [Fact]
    public async Task Queues_members_and_memberships_read_back_after_deactivation()
    {
        var tenant = TestIds.Tenant();
        var agent = await client.CreateAgent(tenant, "a1");
        var backup = await client.CreateQueue(tenant, "backup");
        var config = new QueueConfig("Support", MediaType.Email, RoutingStrategy.RoundRobin, 300, [], new QueueWrapUpConfig(false, 0),
            new QueueOverflowConfig("backup", 86_400), AgentState.Available);
        var support = await client.CreateQueue(tenant, "support", config);
        await support.SetMember("a1", 8);
        await backup.SetMember("a1", 1);
        var roster = client.GetGrain<IQueueRosterGrain>(tenant);
        var before = await support.Get();
        var listed = await roster.List(null, 10);

        await fixture.DeactivateAllAsync(agent, backup, support, roster);

        Assert.Equal(before, await support.Get());
        Assert.Equal(config, (await support.Get())!.Config);
        Assert.Equal([new QueueMember("a1", 8)], await support.GetMembers());
        Assert.Equal([new QueueMembership("backup", 1), new QueueMembership("support", 8)], await agent.GetQueues());
        Assert.Equal(listed.Items, (await roster.List(null, 10)).Items);

        // Deletions are stored too.
        Assert.True(await backup.Delete());
        Assert.Equal(DeleteAgentOutcome.Deleted, await agent.Delete("admin"));
        await fixture.DeactivateAllAsync(agent, backup, support, roster);
        Assert.Null(await backup.Get());
        Assert.Empty((await support.GetMembers())!);
        Assert.Null(await agent.GetQueues());
        Assert.Equal(["support"], (await roster.List(null, 10)).Items.Select(q => q.Id));
    }
}
