using Microsoft.Extensions.Time.Testing;
using Switchboard.Api.Live;

namespace Switchboard.Api.Tests;

/// <summary>The latest change of each interaction a feed delivered to each route: older ones are refused there, for a window, within a bound.</summary>
public sealed class RecentSequencesTests
{
    [Fact]
    public void An_older_or_the_same_change_is_refused_on_the_route_that_had_a_newer_one_and_only_there()
    {
        var recent = new RecentSequences(new FakeTimeProvider());
        Assert.True(recent.TryAdvance("a1", "c1", 5));
        Assert.False(recent.TryAdvance("a1", "c1", 4));
        Assert.False(recent.TryAdvance("a1", "c1", 5));
        Assert.True(recent.TryAdvance("a2", "c1", 4));
        Assert.True(recent.TryAdvance("a1", "c2", 1));
        Assert.True(recent.TryAdvance("a1", "c1", 6));
        Assert.False(recent.TryAdvance("a1", "c1", 5));
    }

    [Fact]
    public void A_change_is_remembered_for_the_window_and_within_the_capacity()
    {
        var time = new FakeTimeProvider();
        var recent = new RecentSequences(time);
        Assert.True(recent.TryAdvance("a1", "c1", 5));
        time.Advance(RecentEventIds.Window);
        Assert.False(recent.TryAdvance("a1", "c1", 4));
        time.Advance(TimeSpan.FromTicks(1));
        Assert.True(recent.TryAdvance("a1", "c1", 4)); // forgotten: what is that late is let through
        Assert.Equal(1, recent.Count);

        for (var i = 0; i < RecentEventIds.Capacity; i++)
        {
            Assert.True(recent.TryAdvance("a1", "other" + i, 1));
        }

        Assert.Equal(RecentEventIds.Capacity, recent.Count);
        Assert.True(recent.TryAdvance("a1", "c1", 3)); // the oldest entry went first
    }
}
