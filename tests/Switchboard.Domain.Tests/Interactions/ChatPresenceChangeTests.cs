using Switchboard.Domain.Interactions;
using Switchboard.Domain.Queues;
using static Switchboard.Domain.Tests.Interactions.InteractionScenario;

namespace Switchboard.Domain.Tests.Interactions;

/// <summary>What a chat's customer is told: agents joining and leaving, the end, and nothing for work without a customer.</summary>
public sealed class ChatPresenceChangeTests
{
    [Fact]
    public void Accepting_joins_a_transfer_leaves_and_the_end_is_told_once_without_anyone_leaving()
    {
        var queued = Chat();
        var offered = Apply(queued, new OfferToAgent("a1", "support", SupportPolicy));
        Assert.Null(ChatRules.PresenceChange(queued, offered)); // an offer is not the agent joining

        var accepted = Apply(offered, new AcceptOffer("a1"));
        Assert.Equal("joined a1; left ; ended False", Flat(ChatRules.PresenceChange(offered, accepted)));

        var transferred = Apply(accepted, new Transfer("a1", new TransferTarget(TargetKind.Queue, "support")));
        Assert.Equal("joined ; left a1; ended False", Flat(ChatRules.PresenceChange(accepted, transferred)));

        var retaken = Apply(Apply(transferred, new OfferToAgent("a2", "support", SupportPolicy)), new AcceptOffer("a2"));
        var ended = Apply(retaken, new EndCall("a2"));
        Assert.Equal("joined ; left ; ended True", Flat(ChatRules.PresenceChange(retaken, ended)));

        // After the end (a wrap-up saved), nothing more is told.
        var wrapped = Apply(ended, new SaveWrapUp("a2", ["sale"], null));
        Assert.Null(ChatRules.PresenceChange(ended, wrapped));
    }

    [Fact]
    public void A_chat_abandoned_while_waiting_ends_and_calls_or_internal_chats_tell_nobody()
    {
        var queued = Chat();
        Assert.Equal("joined ; left ; ended True", Flat(ChatRules.PresenceChange(queued, Apply(queued, new CustomerLeaves()))));

        var call = Connected();
        Assert.Null(ChatRules.PresenceChange(null, call.Record));
        var internalChat = InteractionMachine.Create(new NewInteraction("n1", MediaType.Chat, InteractionDirection.Internal, null, "a2", "a1", "a2", 5, "agent:a1"), T0).Record;
        var taken = Apply(internalChat, new AcceptOffer("a2"));
        Assert.Null(ChatRules.PresenceChange(internalChat, taken));
    }

    private static InteractionRecord Chat() =>
        InteractionMachine.Create(new NewInteraction("i1", MediaType.Chat, InteractionDirection.Inbound, "support", null, "maria@example.com", null, 5, "customer", "Maria"), T0).Record;

    private static InteractionRecord Apply(InteractionRecord record, InteractionCommand command)
    {
        var decision = InteractionMachine.Decide(record, command, T0.AddSeconds(record.Timeline.Count));
        Assert.True(decision.Applied, $"{command.GetType().Name}: {decision.Kind} {decision.Detail}");
        return decision.Record;
    }

    private static string Flat(ChatPresenceChange? change)
    {
        Assert.NotNull(change);
        return $"joined {string.Join(',', change.Joined)}; left {string.Join(',', change.Left)}; ended {change.Ended}";
    }
}
