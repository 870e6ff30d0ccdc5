using Switchboard.Domain.Queues;
using Switchboard.Domain.Routing;

namespace Switchboard.Domain.Tests.Routing;

public sealed class AgentSelectorTests
{
    private static readonly DateTimeOffset T0 = new(2030, 1, 1, 9, 0, 0, TimeSpan.Zero);

    private static readonly RoutingCandidate[] Members =
    [
        new("carla", 3, T0.AddSeconds(30)),
        new("anna", 7, T0.AddSeconds(50)),
        new("bruno", 7, T0.AddSeconds(10)),
        new("dario", 1, T0),
    ];

    [Fact]
    public void Longest_idle_offers_the_agent_idle_since_the_earliest_time_first() =>
        Assert.Equal(["dario", "bruno", "carla", "anna"], Ids(AgentSelector.Order(RoutingStrategy.LongestIdle, Members)));

    [Fact]
    public void Skill_level_offers_the_highest_level_first_and_breaks_ties_by_idle_time() =>
        Assert.Equal(["bruno", "anna", "carla", "dario"], Ids(AgentSelector.Order(RoutingStrategy.SkillLevel, Members)));

    [Theory]
    [InlineData(null, "anna,bruno,carla,dario")]
    [InlineData("anna", "bruno,carla,dario,anna")]
    [InlineData("bruno", "carla,dario,anna,bruno")]
    [InlineData("dario", "anna,bruno,carla,dario")]
    [InlineData("bz", "carla,dario,anna,bruno")] // the last one offered has since left the queue
    public void Round_robin_starts_after_the_agent_offered_work_last(string? lastOffered, string expected) =>
        Assert.Equal(expected.Split(','), Ids(AgentSelector.Order(RoutingStrategy.RoundRobin, Members, lastOffered)));

    [Theory]
    [InlineData(RoutingStrategy.LongestIdle, "carla", "carla,dario,bruno,anna")]
    [InlineData(RoutingStrategy.SkillLevel, "dario", "dario,bruno,anna,carla")]
    [InlineData(RoutingStrategy.RoundRobin, "anna", "anna,bruno,carla,dario")]
    [InlineData(RoutingStrategy.LongestIdle, "zeno", "dario,bruno,carla,anna")] // not eligible now: the strategy decides
    public void A_preferred_agent_who_is_eligible_comes_first_and_the_rest_keep_the_strategys_order(RoutingStrategy strategy, string preferred, string expected) =>
        Assert.Equal(expected.Split(','), Ids(AgentSelector.Order(strategy, Members, "dario", preferred)));

    [Fact]
    public void Equal_idle_times_end_on_the_agent_id()
    {
        RoutingCandidate[] tied = [new("b", 5, T0), new("a", 5, T0)];

        Assert.Equal(["a", "b"], Ids(AgentSelector.Order(RoutingStrategy.LongestIdle, tied)));
        Assert.Equal(["a", "b"], Ids(AgentSelector.Order(RoutingStrategy.SkillLevel, tied)));
    }

    [Fact]
    public void No_candidates_means_nobody_to_offer()
    {
        foreach (var strategy in Enum.GetValues<RoutingStrategy>())
        {
            Assert.Empty(AgentSelector.Order(strategy, [], "x"));
        }
    }

    private static string[] Ids(IEnumerable<RoutingCandidate> candidates) => [.. candidates.Select(c => c.AgentId)];
}
