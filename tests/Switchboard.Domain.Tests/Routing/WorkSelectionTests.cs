using Switchboard.Domain.Agents;
using Switchboard.Domain.Queues;
using Switchboard.Domain.Routing;

namespace Switchboard.Domain.Tests.Routing;

public sealed class WorkSelectionTests
{
    private static readonly DateTimeOffset T0 = new(2030, 1, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_agent_in_several_queues_takes_the_highest_priority_then_the_oldest_work()
    {
        QueueHead?[] heads =
        [
            new("sales", "s1", 5, T0),
            new("support", "p1", 7, T0.AddMinutes(5)),
            null,
            new("billing", "b1", 7, T0.AddMinutes(1)),
        ];

        Assert.Equal("b1", WorkSelection.Best(heads)!.InteractionId);
    }

    [Fact]
    public void Equal_work_goes_to_the_first_queue_by_id_and_nothing_waiting_means_none()
    {
        Assert.Equal("a", WorkSelection.Best([new QueueHead("b", "x", 5, T0), new QueueHead("a", "y", 5, T0)])!.QueueId);
        Assert.Null(WorkSelection.Best([null, null]));
        Assert.Null(WorkSelection.Best([]));
    }

    [Theory]
    [InlineData(AgentState.Available, false, true, true)]
    [InlineData(AgentState.Available, true, false, false)]
    [InlineData(AgentState.Offline, false, false, true)]
    [InlineData(AgentState.Offline, true, false, false)]
    [InlineData(AgentState.Busy, false, false, false)]
    [InlineData(AgentState.WrapUp, false, false, false)]
    [InlineData(AgentState.Break, false, false, false)]
    [InlineData(AgentState.LoggedOut, false, false, false)]
    public void Routed_offers_reach_only_available_agents_and_direct_ones_offline_agents_too(AgentState state, bool holdsOffer, bool routed, bool direct)
    {
        var status = AgentStatus.Initial(T0) with { State = state };
        Assert.Equal(routed, RoutingEligibility.CanTake(status, [], holdsOffer, MediaType.Voice, routed: true, WorkCapacity.Default, UtilizationRule.Default));
        Assert.Equal(direct, RoutingEligibility.CanTake(status, [], holdsOffer, MediaType.Voice, routed: false, WorkCapacity.Default, UtilizationRule.Default));
    }
}
