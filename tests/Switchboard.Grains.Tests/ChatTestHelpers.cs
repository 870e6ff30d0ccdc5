using Switchboard.Contracts;
using Switchboard.Contracts.Chats;
using Switchboard.Contracts.Interactions;
using Switchboard.Contracts.Queues;
using Switchboard.Domain.Interactions;
using Switchboard.Domain.Queues;

namespace Switchboard.Grains.Tests;

/// <summary>Chat queues, chats and their messages, straight on the grains.</summary>
internal static class ChatTestHelpers
{
    /// <summary>A chat queue; with <paramref name="codeRequired"/> its chats wait for a wrap-up with the code "sale".</summary>
    public static QueueConfig ChatQueue(bool codeRequired = false) =>
        RoutingTestHelpers.Queue(codes: codeRequired ? ["sale"] : null, codeRequired: codeRequired) with { Media = MediaType.Chat };

    /// <summary>A customer starts a chat in <paramref name="queueId"/>.</summary>
    public static async Task<IInteractionGrain> InboundChat(this IGrainFactory grains, string tenantId, string id, string queueId, int priority = 5)
    {
        var chat = grains.Interaction(tenantId, id);
        var result = await chat.Create(new CreateInteraction(MediaType.Chat, InteractionDirection.Inbound, queueId, null, "visitor-" + id, null, priority, "test"));
        Assert.Equal(InteractionOutcome.Applied, result.Outcome);
        Assert.Equal(MediaType.Chat, result.Interaction!.Media);
        return chat;
    }

    /// <summary>A chat in <paramref name="queueId"/>, offered to and accepted by <paramref name="agentId"/>.</summary>
    public static async Task<IInteractionGrain> AcceptedChat(this IGrainFactory grains, string tenantId, string id, string queueId, string agentId)
    {
        var chat = await grains.InboundChat(tenantId, id, queueId);
        await chat.OfferedTo(agentId);
        var accepted = await chat.Act(InteractionActionKind.Accept, agentId);
        Assert.Equal(InteractionState.Connected, accepted.State);
        return chat;
    }

    public static Task<ChatPostResult> Post(this IInteractionGrain chat, ChatSender sender, string? agentId, string text) =>
        chat.PostMessage(new ChatPost(sender, sender == ChatSender.Agent ? agentId : null, text, null));

    /// <summary>Posts and checks that the chat stored the message as number <paramref name="expectedSequence"/>.</summary>
    public static async Task<ChatMessage> Posted(this IInteractionGrain chat, ChatSender sender, string? agentId, string text, long expectedSequence)
    {
        var result = await chat.Post(sender, agentId, text);
        Assert.True(result.Outcome == InteractionOutcome.Applied, $"Posting '{text}': {result.Outcome} {result.Detail}");
        var message = result.Message!;
        Assert.Equal(expectedSequence, message.Sequence);
        Assert.Equal((sender, sender == ChatSender.Agent ? agentId : null, text), (message.Sender, message.AgentId, message.Text));
        return message;
    }

    /// <summary>Message number <paramref name="i"/> of a conversation: the customer writes the odd ones, the agent the even ones.</summary>
    public static (ChatSender Sender, string? AgentId, string Text) Turn(int i, string agentId) =>
        i % 2 == 1 ? (ChatSender.Customer, null, $"customer says {i}") : (ChatSender.Agent, agentId, $"agent says {i}");

    /// <summary>Posts messages <paramref name="from"/> to <paramref name="to"/> of the conversation (<see cref="Turn"/>), one clock second apart.</summary>
    public static async Task<List<ChatMessage>> Converse(this IInteractionGrain chat, Microsoft.Extensions.Time.Testing.FakeTimeProvider time, string agentId, int from, int to)
    {
        var messages = new List<ChatMessage>();
        for (var i = from; i <= to; i++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            var (sender, agent, text) = Turn(i, agentId);
            var message = await chat.Posted(sender, agent, text, i);
            Assert.Equal(time.GetUtcNow(), message.At);
            messages.Add(message);
        }

        return messages;
    }

    /// <summary>Reads the whole transcript <paramref name="limit"/> messages at a time, following <see cref="ChatTranscriptPage.NextAfter"/>.</summary>
    public static async Task<List<ChatMessage>> ReadAll(this IInteractionGrain chat, int limit)
    {
        var all = new List<ChatMessage>();
        long after = 0;
        while (true)
        {
            var page = await chat.GetMessages(after, limit);
            Assert.NotNull(page);
            Assert.True(page.Messages.Count <= limit);
            all.AddRange(page.Messages);
            if (page.NextAfter is not { } next)
            {
                return all;
            }

            Assert.Equal(page.Messages[^1].Sequence, next);
            after = next;
        }
    }

    /// <summary>The timeline's notes of transcript pages, as (page, first sequence).</summary>
    public static List<(string Page, string From)> PageNotes(this InteractionView view) =>
        [.. view.Timeline.Where(e => e.Type == ChatRules.TranscriptPageEvent).Select(e => (e.Details["page"], e.Details["from"]))];

    public static IChatTranscriptPageGrain TranscriptPage(this IGrainFactory grains, string tenantId, string interactionId, long page) =>
        grains.GetGrain<IChatTranscriptPageGrain>(GrainKeys.TranscriptPage(tenantId, interactionId, page));
}
