using Switchboard.Domain.Routing;

namespace Switchboard.Domain.Tests.Routing;

public sealed class WaitingListTests
{
    private static readonly DateTimeOffset T0 = new(2030, 1, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Work_is_offered_by_priority_then_arrival()
    {
        var list = new WaitingList();
        list.Add("low-old", 2, T0);
        list.Add("high-new", 8, T0.AddSeconds(30));
        list.Add("mid-a", 5, T0.AddSeconds(10));
        list.Add("mid-b", 5, T0.AddSeconds(20));
        list.Add("high-old", 8, T0.AddSeconds(5));

        Assert.Equal(["high-old", "high-new", "mid-a", "mid-b", "low-old"], list.Items.Select(w => w.InteractionId));
        Assert.Equal("high-old", list.Head!.InteractionId);
        Assert.Equal(T0, list.OldestArrival);
    }

    [Fact]
    public void Equal_times_keep_arrival_order_by_sequence()
    {
        var list = new WaitingList();
        foreach (var id in new[] { "c", "a", "b" })
        {
            list.Add(id, 5, T0);
        }

        Assert.Equal(["c", "a", "b"], list.Items.Select(w => w.InteractionId));
        Assert.Equal([1L, 2L, 3L], list.Items.Select(w => w.Sequence));
        Assert.Equal(4, list.NextSequence);
    }

    [Fact]
    public void Adding_an_interaction_twice_keeps_one_entry_where_it_was()
    {
        var list = new WaitingList();
        var first = list.Add("i1", 5, T0);
        list.Add("i2", 5, T0.AddSeconds(1));

        var again = list.Add("i1", 9, T0.AddSeconds(2));

        Assert.Same(first, again);
        Assert.Equal(2, list.Count);
        Assert.Equal(["i1", "i2"], list.Items.Select(w => w.InteractionId));
    }

    [Fact]
    public void Work_put_back_after_an_offer_is_at_the_head_again_ahead_of_later_arrivals()
    {
        var list = new WaitingList();
        list.Add("i1", 5, T0);
        list.Add("i2", 5, T0.AddSeconds(1));
        Assert.True(list.Remove("i1", out var offered));
        list.Add("i3", 5, T0.AddSeconds(2));

        list.Restore(offered!);

        Assert.Equal(["i1", "i2", "i3"], list.Items.Select(w => w.InteractionId));
        Assert.Equal(offered, list.Head);
    }

    [Fact]
    public void Work_put_back_yields_to_higher_priority_that_arrived_meanwhile()
    {
        var list = new WaitingList();
        list.Add("i1", 5, T0);
        list.Remove("i1", out var offered);
        list.Add("urgent", 9, T0.AddSeconds(3));

        list.Restore(offered!);

        Assert.Equal(["urgent", "i1"], list.Items.Select(w => w.InteractionId));
    }

    [Fact]
    public void A_list_rebuilt_from_its_items_orders_and_numbers_as_before()
    {
        var list = new WaitingList();
        list.Add("a", 3, T0);
        list.Add("b", 7, T0.AddSeconds(1));
        list.Add("c", 3, T0);

        var rebuilt = new WaitingList(list.Items.Reverse(), list.NextSequence);
        rebuilt.Add("d", 3, T0);

        Assert.Equal(["b", "a", "c", "d"], rebuilt.Items.Select(w => w.InteractionId));
        Assert.Equal(4, rebuilt.Find("d")!.Sequence);
    }

    [Fact]
    public void Remove_takes_out_only_what_waits()
    {
        var list = new WaitingList();
        list.Add("a", 5, T0);
        list.Add("b", 5, T0.AddSeconds(1));

        Assert.False(list.Remove("zzz", out _));
        Assert.True(list.Remove("a", out var removed));
        Assert.Equal("a", removed!.InteractionId);
        Assert.False(list.Contains("a"));
        Assert.Equal("b", list.Head!.InteractionId);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(10)]
    public void Priorities_outside_0_to_9_are_refused(int priority) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new WaitingList().Add("i", priority, T0));
}
