using Switchboard.Domain.Queues;
using Switchboard.Domain.Routing;

namespace Switchboard.Domain.Tests.Routing;

/// <summary>Blended routing: longest-idle and skill-level offer the least loaded member first; round robin ignores load.</summary>
public sealed class LoadOrderTests
{
    private static readonly DateTimeOffset T0 = new(2030, 1, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_candidate_without_a_load_has_nothing_in_hand() =>
        Assert.Equal(0, new RoutingCandidate("anna", 5, T0).Load);

    [Fact]
    public void Longest_idle_offers_the_least_loaded_agent_first_however_long_the_others_were_idle()
    {
        RoutingCandidate[] members =
        [
            new("anna", 5, T0, Load: 2),
            new("bruno", 5, T0.AddSeconds(50), Load: 0),
            new("carla", 5, T0.AddSeconds(10), Load: 1),
            new("dario", 5, T0.AddSeconds(20), Load: 0),
        ];

        Assert.Equal(["dario", "bruno", "carla", "anna"], Ids(AgentSelector.Order(RoutingStrategy.LongestIdle, members)));
    }

    [Fact]
    public void Longest_idle_orders_agents_of_equal_load_by_idle_time_then_id()
    {
        RoutingCandidate[] members =
        [
            new("erik", 5, T0.AddSeconds(30), Load: 1),
            new("bea", 5, T0.AddSeconds(10), Load: 1),
            new("cleo", 5, T0.AddSeconds(10), Load: 1),
            new("axel", 5, T0, Load: 3),
            new("dora", 5, T0.AddSeconds(40), Load: 0),
        ];

        Assert.Equal(["dora", "bea", "cleo", "erik", "axel"], Ids(AgentSelector.Order(RoutingStrategy.LongestIdle, members)));
    }

    [Fact]
    public void Skill_level_still_comes_first_then_the_least_loaded_agent_of_that_level()
    {
        RoutingCandidate[] members =
        [
            new("anna", 9, T0.AddSeconds(50), Load: 4),
            new("bruno", 7, T0.AddSeconds(40), Load: 0),
            new("carla", 7, T0, Load: 1),
            new("dario", 3, T0, Load: 0),
            new("elsa", 9, T0.AddSeconds(30), Load: 2),
        ];

        Assert.Equal(["elsa", "anna", "bruno", "carla", "dario"], Ids(AgentSelector.Order(RoutingStrategy.SkillLevel, members)));
    }

    [Fact]
    public void Skill_level_orders_equal_level_and_load_by_idle_time_then_id()
    {
        RoutingCandidate[] members =
        [
            new("c", 6, T0.AddSeconds(5), Load: 1),
            new("b", 6, T0, Load: 1),
            new("a", 6, T0.AddSeconds(5), Load: 1),
            new("d", 6, T0.AddSeconds(9), Load: 0),
        ];

        Assert.Equal(["d", "b", "a", "c"], Ids(AgentSelector.Order(RoutingStrategy.SkillLevel, members)));
    }

    [Theory]
    [InlineData(null, "anna,bruno,carla,dario")]
    [InlineData("anna", "bruno,carla,dario,anna")]
    [InlineData("carla", "dario,anna,bruno,carla")]
    [InlineData("dario", "anna,bruno,carla,dario")]
    public void Round_robin_ignores_load(string? lastOffered, string expected)
    {
        RoutingCandidate[] loaded =
        [
            new("dario", 1, T0.AddSeconds(30), Load: 0),
            new("anna", 9, T0.AddSeconds(20), Load: 5),
            new("carla", 5, T0, Load: 2),
            new("bruno", 3, T0.AddSeconds(10), Load: 0),
        ];
        RoutingCandidate[] unloaded = [.. loaded.Select(c => c with { Load = 0 })];

        Assert.Equal(expected.Split(','), Ids(AgentSelector.Order(RoutingStrategy.RoundRobin, loaded, lastOffered)));
        Assert.Equal(Ids(AgentSelector.Order(RoutingStrategy.RoundRobin, unloaded, lastOffered)), Ids(AgentSelector.Order(RoutingStrategy.RoundRobin, loaded, lastOffered)));
    }

    [Theory]
    [InlineData(RoutingStrategy.LongestIdle)]
    [InlineData(RoutingStrategy.SkillLevel)]
    [InlineData(RoutingStrategy.RoundRobin)]
    public void Complete_ties_end_on_the_agent_id_in_ordinal_order(RoutingStrategy strategy)
    {
        RoutingCandidate[] tied = [new("a9", 5, T0, Load: 1), new("b", 5, T0, Load: 1), new("B", 5, T0, Load: 1), new("a10", 5, T0, Load: 1)];

        Assert.Equal(["B", "a10", "a9", "b"], Ids(AgentSelector.Order(strategy, tied)));
    }

    [Theory]
    [InlineData(RoutingStrategy.LongestIdle)]
    [InlineData(RoutingStrategy.SkillLevel)]
    [InlineData(RoutingStrategy.RoundRobin)]
    public void The_order_does_not_depend_on_the_order_the_candidates_come_in(RoutingStrategy strategy)
    {
        RoutingCandidate[] members =
        [
            new("anna", 7, T0.AddSeconds(10), Load: 1),
            new("bruno", 7, T0, Load: 1),
            new("carla", 4, T0.AddSeconds(5), Load: 0),
            new("dario", 7, T0.AddSeconds(10), Load: 1),
            new("elsa", 4, T0.AddSeconds(5), Load: 2),
        ];

        var forward = Ids(AgentSelector.Order(strategy, members, "bruno"));
        var backward = Ids(AgentSelector.Order(strategy, Enumerable.Reverse(members), "bruno"));

        Assert.Equal(forward, backward);
        Assert.Equal(members.Length, forward.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void An_idle_agent_goes_before_one_already_in_two_chats_even_if_the_busy_one_waited_longer()
    {
        RoutingCandidate[] members =
        [
            new("veteran", 5, T0, Load: 2),
            new("newcomer", 5, T0.AddMinutes(30), Load: 0),
        ];

        Assert.Equal("newcomer", AgentSelector.Order(RoutingStrategy.LongestIdle, members)[0].AgentId);
        Assert.Equal("newcomer", AgentSelector.Order(RoutingStrategy.SkillLevel, members)[0].AgentId);
        Assert.Equal("newcomer", AgentSelector.Order(RoutingStrategy.RoundRobin, members)[0].AgentId); // id order: n before v
        Assert.Equal("veteran", AgentSelector.Order(RoutingStrategy.RoundRobin, members, "newcomer")[0].AgentId);
    }

    [Fact]
    public void The_selector_keeps_every_candidate_as_given()
    {
        var loaded = new RoutingCandidate("anna", 5, T0, Load: 3);

        foreach (var strategy in Enum.GetValues<RoutingStrategy>())
        {
            Assert.Same(loaded, Assert.Single(AgentSelector.Order(strategy, [loaded])));
        }
    }

    [Fact]
    public void An_unknown_strategy_throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => AgentSelector.Order((RoutingStrategy)99, [new RoutingCandidate("anna", 5, T0)]));

    private static string[] Ids(IEnumerable<RoutingCandidate> candidates) => [.. candidates.Select(c => c.AgentId)];
}
