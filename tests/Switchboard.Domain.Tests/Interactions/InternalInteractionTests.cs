using Switchboard.Domain.Interactions;
using Switchboard.Domain.Queues;
using static Switchboard.Domain.Tests.Interactions.InteractionScenario;
using Switchboard.Domain.Reports;

namespace Switchboard.Domain.Tests.Interactions;

/// <summary>Agent to agent: the caller is in it at once, the colleague is offered it with no queue, and an unanswered one leaves nobody on a break.</summary>
public sealed class InternalInteractionTests
{
    [Theory]
    [InlineData(MediaType.Voice)]
    [InlineData(MediaType.Chat)]
    public void The_caller_is_in_it_at_once_and_the_colleague_is_offered_it_directly(MediaType media)
    {
        var created = InteractionMachine.Create(New(media), T0);

        var record = created.Record;
        Assert.Equal((InteractionState.Offered, InteractionDirection.Internal), (record.State, record.Direction));
        Assert.Equal(["a1"], record.Participants);
        Assert.Equal("a1", record.Handler);
        Assert.Null(record.QueueId);
        Assert.Equal(("a2", null, OfferPurpose.Main), (record.Offer!.AgentId, record.Offer.QueueId, record.Offer.Purpose));
        Assert.Equal(T0 + RoutingPolicy.Direct.OfferTimeout, record.Offer.ExpiresAt);
        var leg = Assert.Single(record.Legs);
        Assert.Equal((PartyKind.Agent, "a1", LegState.Connected), (leg.Party, leg.Address, leg.State));
        Assert.Equal([new StartAgentWork("a1", media)], created.Effects);

        var accepted = InteractionMachine.Decide(record, new AcceptOffer("a2"), T0.AddSeconds(3));
        Assert.Equal(InteractionState.Connected, accepted.Record.State);
        Assert.Equal(["a1", "a2"], accepted.Record.Participants);
        Assert.Equal(media == MediaType.Voice ? [new StartAgentWork("a2", media), new BridgeLegs(["L1", "L2"], 3)] : [new StartAgentWork("a2", media)], accepted.Effects);
        Assert.Null(InteractionHistory.Of(accepted.Record, 0).Single(e => e.Type == HistoryTypes.Accepted).QueueId); // no queue answered it

        // Either ends it for both; no code is asked of either.
        var ended = InteractionMachine.Decide(accepted.Record, new EndCall("a2"), T0.AddMinutes(2));
        Assert.Equal(InteractionState.WrappedUp, ended.Record.State);
        Assert.Contains(new CompleteAgentWrapUp("a1"), ended.Effects);
        Assert.Contains(new CompleteAgentWrapUp("a2"), ended.Effects);
    }

    [Fact]
    public void An_unanswered_internal_offer_fails_without_sending_the_colleague_on_a_break()
    {
        var record = InteractionMachine.Create(New(MediaType.Voice), T0).Record;

        var expired = InteractionMachine.Tick(record, T0 + RoutingPolicy.Direct.OfferTimeout);

        Assert.Equal(InteractionState.Failed, expired.Record.State);
        Assert.Contains(new MarkRejected("a2", null), expired.Effects);
        Assert.DoesNotContain(expired.Effects, e => e is MarkNoAnswer);
        Assert.Contains(new EndAgentWork("a1"), expired.Effects);

        // A direct call from a customer still does (the queue-less rule for calls).
        var direct = Direct("a2");
        direct.Advance(RoutingPolicy.Direct.OfferTimeout);
        Assert.Contains(new MarkNoAnswer("a2"), InteractionMachine.Tick(direct.Record, direct.Now).Effects);
    }

    [Fact]
    public void A_caller_who_hangs_up_while_it_rings_fails_it_and_frees_the_colleague()
    {
        var record = InteractionMachine.Create(New(MediaType.Voice), T0).Record;

        var hungUp = InteractionMachine.Decide(record, new EndCall("a1"), T0.AddSeconds(5));

        Assert.Equal(InteractionState.Failed, hungUp.Record.State);
        Assert.Null(hungUp.Record.Offer);
        Assert.Contains(new ReleaseOffer("a2"), hungUp.Effects);
        Assert.Contains(new EndAgentWork("a1"), hungUp.Effects);
    }

    [Fact]
    public void An_internal_chat_takes_messages_from_its_agents_and_none_from_a_customer()
    {
        var record = InteractionMachine.Create(New(MediaType.Chat), T0).Record;

        Assert.Null(ChatRules.RefusePost(record, ChatSender.Agent, "a1", 0));
        Assert.Equal(DecisionKind.NotAllowed, ChatRules.RefusePost(record, ChatSender.Customer, null, 0)!.Value.Kind);
        Assert.Equal(DecisionKind.NotAllowed, ChatRules.RefusePost(record, ChatSender.Agent, "a2", 0)!.Value.Kind); // offered: accept first
    }

    [Fact]
    public void Once_a_colleague_hands_it_to_a_queue_the_queues_rules_apply()
    {
        var record = InteractionMachine.Create(New(MediaType.Voice), T0).Record;
        record = InteractionMachine.Decide(record, new AcceptOffer("a2"), T0.AddSeconds(2)).Record;
        record = InteractionMachine.Decide(record, new Transfer("a2", new TransferTarget(TargetKind.Queue, "support")), T0.AddSeconds(10)).Record;
        var offered = InteractionMachine.Decide(record, new OfferToAgent("a3", "support", SupportPolicy), T0.AddSeconds(11));
        Assert.True(offered.Applied, offered.Detail);

        var expired = InteractionMachine.Tick(offered.Record, T0.AddSeconds(11) + SupportPolicy.OfferTimeout);
        Assert.Contains(new MarkNoAnswer("a3"), expired.Effects);

        // The first caller, still on the call, hangs up: the call ends as any call does, not as an unanswered one.
        var again = InteractionMachine.Decide(expired.Record, new OfferToAgent("a3", "support", SupportPolicy), T0.AddSeconds(40)).Record;
        var hungUp = InteractionMachine.Decide(again, new EndCall("a1"), T0.AddSeconds(41));
        Assert.True(hungUp.Applied, hungUp.Detail);
        Assert.Equal(InteractionState.Ended, hungUp.Record.State);
    }

    private static NewInteraction New(MediaType media) => new("n1", media, InteractionDirection.Internal, null, "a2", "a1", "a2", 5, "agent:a1");
}
