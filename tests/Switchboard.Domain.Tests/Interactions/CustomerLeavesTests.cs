using Switchboard.Domain.Interactions;
using Switchboard.Domain.Queues;
using static Switchboard.Domain.Tests.Interactions.InteractionScenario;
using Switchboard.Domain.Reports;

namespace Switchboard.Domain.Tests.Interactions;

/// <summary>A web chat's customer leaves: while waiting or offered the chat is abandoned, once taken it ends for wrap-up.</summary>
public sealed class CustomerLeavesTests
{
    [Fact]
    public void A_customer_leaving_a_waiting_chat_abandons_it_and_takes_it_out_of_its_queue()
    {
        var chat = NewChat();

        var left = InteractionMachine.Decide(chat, new CustomerLeaves(), T0.AddSeconds(30));

        Assert.Equal(DecisionKind.Applied, left.Kind);
        Assert.Equal(InteractionState.Abandoned, left.Record.State);
        Assert.Equal(T0.AddSeconds(30), left.Record.EndedAt);
        Assert.Equal([new LeaveQueue("support")], left.Effects);
        var abandoned = InteractionHistory.Of(left.Record, 0).Single(e => e.Type == HistoryTypes.Abandoned);
        Assert.Equal(("support", 30.0), (abandoned.QueueId, abandoned.Seconds));
        Assert.Equal("customer-left", left.Record.Timeline[^2].Type);
        Assert.Equal("customer", left.Record.Timeline[^2].Actor);
        Assert.All(left.Record.Legs, l => Assert.False(l.IsActive));
    }

    [Fact]
    public void A_customer_leaving_an_offered_chat_abandons_it_and_releases_the_offer()
    {
        var offered = Apply(NewChat(), new OfferToAgent("a1", "support", SupportPolicy), T0.AddSeconds(1));

        var left = InteractionMachine.Decide(offered, new CustomerLeaves(), T0.AddSeconds(3));

        Assert.Equal(InteractionState.Abandoned, left.Record.State);
        Assert.Null(left.Record.Offer);
        Assert.Contains(new ReleaseOffer("a1"), left.Effects);
        Assert.Equal("support", InteractionHistory.Of(left.Record, 0).Single(e => e.Type == HistoryTypes.Abandoned).QueueId);
        Assert.DoesNotContain(left.Effects, e => e is LeaveQueue);
    }

    [Fact]
    public void A_customer_leaving_a_chat_in_progress_ends_it_and_sends_the_agent_to_wrap_up()
    {
        var connected = Apply(Apply(NewChat(), new OfferToAgent("a1", "support", SupportPolicy), T0.AddSeconds(1)), new AcceptOffer("a1"), T0.AddSeconds(2));

        var left = InteractionMachine.Decide(connected, new CustomerLeaves(), T0.AddMinutes(4));

        Assert.Equal(InteractionState.Ended, left.Record.State);
        Assert.Equal([new EndAgentWork("a1")], left.Effects);
        Assert.Empty(left.Record.Participants);
        Assert.True(Assert.Single(left.Record.WrapUps).IsOpen);
    }

    [Fact]
    public void Leaving_again_changes_nothing_and_calls_are_left_by_telephony()
    {
        var left = Apply(NewChat(), new CustomerLeaves(), T0.AddSeconds(5));

        var again = InteractionMachine.Decide(left, new CustomerLeaves(), T0.AddSeconds(6));
        Assert.Equal(DecisionKind.Unchanged, again.Kind);
        Assert.Same(left, again.Record);

        var call = InteractionMachine.Create(new NewInteraction("c1", MediaType.Voice, InteractionDirection.Inbound, "support", null, "+390212345678", null, 5, "api"), T0).Record;
        var refused = InteractionMachine.Decide(call, new CustomerLeaves(), T0.AddSeconds(1));
        Assert.Equal(DecisionKind.NotAllowed, refused.Kind);
        Assert.Same(call, refused.Record);
        Assert.Empty(refused.Effects);
    }

    private static InteractionRecord NewChat() =>
        InteractionMachine.Create(new NewInteraction("i1", MediaType.Chat, InteractionDirection.Inbound, "support", null, "maria@example.com", null, 5, "customer", "Maria"), T0).Record;

    private static InteractionRecord Apply(InteractionRecord record, InteractionCommand command, DateTimeOffset at)
    {
        var decision = InteractionMachine.Decide(record, command, at);
        Assert.True(decision.Applied, $"{command.GetType().Name}: {decision.Kind} {decision.Detail}");
        return decision.Record;
    }
}
