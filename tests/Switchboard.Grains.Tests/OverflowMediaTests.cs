using Switchboard.Contracts;
using Switchboard.Contracts.Queues;
using Switchboard.Domain.Queues;

namespace Switchboard.Grains.Tests;

/// <summary>Overflow moves work only into a queue of its own medium: a call among chats would be refused by every agent.</summary>
[Collection(ClusterCollection.Name)]
public sealed class OverflowMediaTests(ClusterFixture fixture)
{
    private readonly IClusterClient client = fixture.Client;

    [Fact]
    public async Task Work_past_the_overflow_limit_stays_when_the_overflow_queue_carries_another_medium()
    {
        var tenant = TestIds.Tenant();
        await client.AvailableAgent(tenant, "b1");
        await client.CreateQueue(tenant, "backup", ChatTestHelpers.ChatQueue(), ("b1", 5));
        await client.CreateQueue(tenant, "support", RoutingTestHelpers.Queue(overflow: new QueueOverflowConfig("backup", 60)));
        var call = await client.InboundCall(tenant, "i1", "support");
        var support = client.GetGrain<IQueueRouterGrain>(GrainKeys.Queue(tenant, "support"));
        await support.WaitingExactly("i1");

        fixture.Time.Advance(TimeSpan.FromSeconds(60));
        await support.CheckDeadlines();

        await support.WaitingExactly("i1");
        await client.GetGrain<IQueueRouterGrain>(GrainKeys.Queue(tenant, "backup")).WaitingExactly();
        var view = (await call.Get())!;
        Assert.Equal("support", view.QueueId);
        Assert.DoesNotContain("overflowed", view.Timeline.Select(e => e.Type));
        Assert.Equal(MediaType.Voice, view.Media);
    }
}
