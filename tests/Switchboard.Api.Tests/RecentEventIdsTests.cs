using Microsoft.Extensions.Time.Testing;
using Switchboard.Api.Live;

namespace Switchboard.Api.Tests;

/// <summary>The ids a live feed remembers to drop second deliveries: for a window of time, and never more than a bound.</summary>
public sealed class RecentEventIdsTests
{
    [Fact]
    public void An_id_is_refused_again_within_the_window_and_forgotten_after_it()
    {
        var time = new FakeTimeProvider();
        var recent = new RecentEventIds(time);
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();

        Assert.True(recent.TryAdd(first));
        Assert.False(recent.TryAdd(first));
        time.Advance(RecentEventIds.Window);
        Assert.True(recent.TryAdd(second));
        Assert.False(recent.TryAdd(first)); // exactly the window old: still remembered
        Assert.Equal(2, recent.Count);

        time.Advance(TimeSpan.FromTicks(1));
        Assert.False(recent.TryAdd(second));
        Assert.Equal(1, recent.Count); // the first went with the next call past its window
        Assert.True(recent.TryAdd(first));
    }

    [Fact]
    public void At_most_the_capacity_is_kept_and_the_oldest_goes_first()
    {
        var recent = new RecentEventIds(new FakeTimeProvider());
        var ids = Enumerable.Range(0, RecentEventIds.Capacity + 1).Select(_ => Guid.NewGuid()).ToList();
        foreach (var id in ids)
        {
            Assert.True(recent.TryAdd(id));
        }

        Assert.Equal(RecentEventIds.Capacity, recent.Count);
        Assert.False(recent.TryAdd(ids[^1]));
        Assert.False(recent.TryAdd(ids[1])); // refusing a duplicate forgets nothing
        Assert.True(recent.TryAdd(ids[0]));  // the oldest made room for the last
        Assert.Equal(RecentEventIds.Capacity, recent.Count);
        Assert.True(recent.TryAdd(ids[1]));  // and adding it again pushed out the next oldest
    }
}
