using Switchboard.Domain.Routing;

namespace Switchboard.Domain.Tests.Routing;

public sealed class WorkPreferenceTests
{
    private static readonly DateTimeOffset T0 = new(2030, 1, 1, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(true, 2, true)]
    [InlineData(true, 5, true)]
    [InlineData(true, 1, false)]
    [InlineData(true, 0, false)]
    [InlineData(false, 2, false)]
    [InlineData(false, 1, false)]
    public void Only_routed_work_to_an_agent_in_several_queues_is_weighed_against_its_other_queues(bool routed, int queueCount, bool looks)
    {
        Assert.Equal(looks, WorkPreference.LooksElsewhere("i1", routed, queueCount, null, T0));
    }

    [Fact]
    public void Work_declined_once_is_taken_when_it_comes_back_after_the_window_and_not_before()
    {
        var declined = new DeclinedOffer("i1", T0);

        Assert.True(WorkPreference.LooksElsewhere("i1", true, 2, declined, T0));
        Assert.True(WorkPreference.LooksElsewhere("i1", true, 2, declined, T0 + WorkPreference.Window - TimeSpan.FromTicks(1)));
        Assert.False(WorkPreference.LooksElsewhere("i1", true, 2, declined, T0 + WorkPreference.Window));
        Assert.False(WorkPreference.LooksElsewhere("i1", true, 2, declined, T0 + TimeSpan.FromMinutes(5)));

        // Other work is weighed as usual, however long ago the agent declined something.
        Assert.True(WorkPreference.LooksElsewhere("i2", true, 2, declined, T0 + TimeSpan.FromMinutes(5)));
        Assert.Equal(TimeSpan.FromSeconds(2), WorkPreference.Window);
    }

    [Fact]
    public void Higher_priority_or_older_work_in_another_queue_is_preferred_to_the_offer()
    {
        var offered = new QueueHead("sales", "s1", 5, T0);

        Assert.Equal("p1", WorkPreference.BetterElsewhere(offered, [new QueueHead("support", "p1", 6, T0.AddMinutes(5))])?.InteractionId);
        Assert.Equal("p1", WorkPreference.BetterElsewhere(offered, [new QueueHead("support", "p1", 5, T0.AddSeconds(-1))])?.InteractionId);

        // Of several better heads, the best of them.
        QueueHead?[] heads = [null, new("billing", "b1", 6, T0), new("support", "p1", 7, T0.AddMinutes(1)), new("zeta", "z1", 7, T0.AddMinutes(2))];
        Assert.Equal(new QueueHead("support", "p1", 7, T0.AddMinutes(1)), WorkPreference.BetterElsewhere(offered, heads));
    }

    [Fact]
    public void The_offer_is_taken_when_nothing_elsewhere_is_better()
    {
        var offered = new QueueHead("sales", "s1", 5, T0);

        Assert.Null(WorkPreference.BetterElsewhere(offered, []));
        Assert.Null(WorkPreference.BetterElsewhere(offered, [null, null]));
        Assert.Null(WorkPreference.BetterElsewhere(offered, [new QueueHead("support", "p1", 4, T0.AddMinutes(-10))]));
        Assert.Null(WorkPreference.BetterElsewhere(offered, [new QueueHead("support", "p1", 5, T0.AddSeconds(1))]));

        // Equal work: the queue first by id wins, as every agent decides.
        Assert.Null(WorkPreference.BetterElsewhere(offered, [new QueueHead("support", "p1", 5, T0)]));
        Assert.Equal("a1", WorkPreference.BetterElsewhere(offered, [new QueueHead("billing", "a1", 5, T0)])?.InteractionId);
    }

    [Fact]
    public void Declining_the_same_work_again_keeps_the_time_it_was_first_declined()
    {
        var first = WorkPreference.Decline(null, "i1", T0);
        Assert.Equal(new DeclinedOffer("i1", T0), first);

        var again = WorkPreference.Decline(first, "i1", T0.AddSeconds(1));
        Assert.Equal(new DeclinedOffer("i1", T0), again);

        var other = WorkPreference.Decline(again, "i2", T0.AddSeconds(1.5));
        Assert.Equal(new DeclinedOffer("i2", T0.AddSeconds(1.5)), other);
    }

    [Fact]
    public void An_agent_turns_the_same_worse_work_away_only_until_the_window_has_passed_since_it_first_did()
    {
        var offered = new QueueHead("sales", "s1", 5, T0);
        QueueHead?[] others = [new QueueHead("support", "p1", 9, T0)];
        DeclinedOffer? declined = null;
        var declines = 0;

        // The same offer every half second; the better work stays where it is (its queue never offers it).
        for (var at = T0; at <= T0.AddSeconds(10); at = at.AddSeconds(0.5))
        {
            if (WorkPreference.LooksElsewhere(offered.InteractionId, true, 2, declined, at) && WorkPreference.BetterElsewhere(offered, others) is not null)
            {
                declined = WorkPreference.Decline(declined, offered.InteractionId, at);
                declines++;
                continue;
            }

            Assert.Equal(T0 + WorkPreference.Window, at);
            Assert.Equal(4, declines);
            return;
        }

        Assert.Fail("The offer was never taken.");
    }
}
