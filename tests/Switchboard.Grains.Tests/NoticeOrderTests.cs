using Switchboard.Contracts;
using Switchboard.Contracts.Agents;
using Switchboard.Contracts.Queues;
using Switchboard.Domain.Queues;

namespace Switchboard.Grains.Tests;

/// <summary>
/// Agents' notices to their queues are one way and may arrive out of order: an older "cannot take work" overtaken by
/// a newer "ready" must not leave the queue thinking the agent busy for ever, and a newer one must still count. The
/// notices here carry versions far above the agent's own, so that its real notices (older) change nothing meanwhile.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class NoticeOrderTests(ClusterFixture fixture)
{
    private const long Far = 1_000_000;

    private readonly IClusterClient client = fixture.Client;

    [Fact]
    public async Task An_older_unavailable_notice_arriving_late_changes_nothing_and_work_still_goes_to_the_agent()
    {
        var (tenant, router, ready) = await AgentInAChatAsync();
        var version = new NoticeVersion(Far, 7, 5);
        await router.MemberReady("a1", ready with { Version = version });
        await router.MemberNotReady("a1", version with { Step = 4 });
        await router.MemberNotReady("a1", new NoticeVersion(Far - 1, 7, 9));
        await router.CheckDeadlines(); // a call that waits its turn: the one-way notices above were handled first

        var c2 = await client.InboundChat(tenant, "c2", "chat");
        await c2.OfferedTo("a1");
    }

    [Fact]
    public async Task A_newer_unavailable_notice_counts_until_a_newer_ready_one()
    {
        var (tenant, router, ready) = await AgentInAChatAsync();
        await router.MemberReady("a1", ready with { Version = new NoticeVersion(Far, 7, 1) });
        await router.MemberNotReady("a1", new NoticeVersion(Far, 7, 2));
        await router.CheckDeadlines(); // a call that waits its turn: the one-way notices above were handled first
        var c2 = await client.InboundChat(tenant, "c2", "chat");
        await router.WaitingExactly("c2");

        // The agent's own notices are older than these: only a newer one (here, of another activation) readies it.
        await client.GetGrain<IAgentGrain>(GrainKeys.Agent(tenant, "a1")).RenotifyQueues();
        await router.WaitingExactly("c2");
        await router.MemberReady("a1", ready with { Version = new NoticeVersion(Far, 8, 1) });
        await c2.OfferedTo("a1");
    }

    /// <summary>Agent a1 in a chat of queue "chat", with room for more; what it tells its queues now.</summary>
    private async Task<(string Tenant, IQueueRouterGrain Router, RoutingReadiness Ready)> AgentInAChatAsync()
    {
        var tenant = TestIds.Tenant();
        var a1 = await client.AvailableAgent(tenant, "a1");
        await client.CreateQueue(tenant, "chat", ChatTestHelpers.ChatQueue(), ("a1", 5));
        await client.AcceptedChat(tenant, "c1", "chat", "a1");
        var ready = await a1.GetRoutingReadiness();
        Assert.NotNull(ready);
        Assert.Contains(MediaType.Chat, ready.Media);
        return (tenant, client.GetGrain<IQueueRouterGrain>(GrainKeys.Queue(tenant, "chat")), ready);
    }
}
