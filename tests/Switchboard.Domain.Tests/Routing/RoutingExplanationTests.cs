using Switchboard.Domain.Queues;
using Switchboard.Domain.Routing;

namespace Switchboard.Domain.Tests.Routing;

/// <summary>Why an offer went where it went (<see cref="AgentSelector.Explain"/>), for each strategy.</summary>
public sealed class RoutingExplanationTests
{
    private static readonly DateTimeOffset T0 = new(2030, 1, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = T0.AddMinutes(2);

    private static readonly RoutingCandidate[] Eligible =
    [
        new("carla", 3, T0.AddSeconds(30)),
        new("anna", 7, T0.AddSeconds(50), Load: 1),
        new("bruno", 7, T0.AddSeconds(10)),
        new("dario", 1, T0),
    ];

    private static readonly SkippedMember[] Unavailable =
    [
        new("elena", SkipReason.Break),
        new("aldo", SkipReason.AtCapacity),
        new("chiara", SkipReason.BlockedMedium),
    ];

    private static readonly SkippedMember[] UnavailableById =
    [
        new("aldo", SkipReason.AtCapacity),
        new("chiara", SkipReason.BlockedMedium),
        new("elena", SkipReason.Break),
    ];

    [Fact]
    public void Longest_idle_tells_the_agents_idle_time_and_load_and_who_could_not_be_offered_the_work()
    {
        var why = ExplainFirst(RoutingStrategy.LongestIdle, out var chosen);

        Assert.Equal("dario", chosen.AgentId);
        Assert.Equal(new RoutingExplanation(RoutingStrategy.LongestIdle, 4, 120, 1, 0, null, false, why.Skipped, 0), why);
        Assert.Equal(UnavailableById, why.Skipped);
    }

    [Fact]
    public void Skill_level_tells_the_agents_level()
    {
        var why = ExplainFirst(RoutingStrategy.SkillLevel, out var chosen);

        Assert.Equal("bruno", chosen.AgentId);
        Assert.Equal((7, 110, 0, (int?)null, 4), (why.SkillLevel, why.IdleSeconds, why.Load, why.Position, why.Eligible));
        Assert.Equal(UnavailableById, why.Skipped);
    }

    [Fact]
    public void Round_robin_tells_the_agents_place_in_the_rotation_of_all_members()
    {
        var why = ExplainFirst(RoutingStrategy.RoundRobin, out var chosen, lastOffered: "bruno");

        // aldo, anna, bruno, carla: the rotation counts the members who cannot be offered the work now too.
        Assert.Equal("carla", chosen.AgentId);
        Assert.Equal((4, 3, 90, 4), (why.Position, why.SkillLevel, why.IdleSeconds, why.Eligible));
        Assert.Equal(RoutingStrategy.RoundRobin, why.Strategy);
    }

    [Fact]
    public void Members_ranked_first_who_turned_the_offer_down_come_first_in_the_order_they_were_asked()
    {
        var ordered = AgentSelector.Order(RoutingStrategy.LongestIdle, Eligible);
        SkippedMember[] refused = [new("dario", SkipReason.BetterWorkElsewhere), new("bruno", SkipReason.HasOffer)];

        var why = AgentSelector.Explain(RoutingStrategy.LongestIdle, ordered, ordered[2], null, refused, Unavailable, Now);

        Assert.Equal("carla", ordered[2].AgentId);
        Assert.Equal([.. refused, .. UnavailableById], why.Skipped);
        Assert.Equal((4, 90, 3), (why.Eligible, why.IdleSeconds, why.SkillLevel));
    }

    [Theory]
    [InlineData(RoutingStrategy.LongestIdle)]
    [InlineData(RoutingStrategy.RoundRobin)]
    [InlineData(RoutingStrategy.SkillLevel)]
    public void The_agent_who_answered_the_customer_last_is_told_as_preferred(RoutingStrategy strategy)
    {
        var preferred = ExplainFirst(strategy, out var chosen, preferred: "anna");
        var other = ExplainFirst(strategy, out _, preferred: "zeno");

        Assert.Equal("anna", chosen.AgentId);
        Assert.True(preferred.Preferred);
        Assert.Equal((1, 70), (preferred.Load, preferred.IdleSeconds));
        Assert.False(other.Preferred);
    }

    [Fact]
    public void At_most_ten_members_passed_over_are_named_and_the_rest_counted()
    {
        var ordered = AgentSelector.Order(RoutingStrategy.LongestIdle, Eligible);
        SkippedMember[] refused = [new("dario", SkipReason.Unknown), new("bruno", SkipReason.Break)];
        SkippedMember[] many = [.. Enumerable.Range(1, 15).Reverse().Select(i => new SkippedMember($"m{i:00}", SkipReason.Offline))];

        var why = AgentSelector.Explain(RoutingStrategy.LongestIdle, ordered, ordered[2], null, refused, many, Now);

        Assert.Equal(AgentSelector.SkippedListed, why.Skipped.Count);
        Assert.Equal(["dario", "bruno", "m01", "m02", "m03", "m04", "m05", "m06", "m07", "m08"], why.Skipped.Select(s => s.AgentId));
        Assert.Equal(7, why.SkippedMore);
    }

    [Fact]
    public void Nobody_passed_over_is_an_empty_list_and_an_agent_ready_since_later_than_now_idle_for_no_time()
    {
        RoutingCandidate[] one = [new("anna", 5, Now.AddSeconds(3))];

        var why = AgentSelector.Explain(RoutingStrategy.LongestIdle, one, one[0], null, [], [], Now);

        Assert.Equal(new RoutingExplanation(RoutingStrategy.LongestIdle, 1, 0, 5, 0, null, false, why.Skipped, 0), why);
        Assert.Empty(why.Skipped);
    }

    private static RoutingExplanation ExplainFirst(RoutingStrategy strategy, out RoutingCandidate chosen, string? lastOffered = null, string? preferred = null)
    {
        var ordered = AgentSelector.Order(strategy, Eligible, lastOffered, preferred);
        chosen = ordered[0];
        return AgentSelector.Explain(strategy, ordered, chosen, preferred, [], Unavailable, Now);
    }
}
