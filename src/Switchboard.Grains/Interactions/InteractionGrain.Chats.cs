using Switchboard.Contracts;
using Switchboard.Contracts.Chats;
using Switchboard.Contracts.Interactions;
using Switchboard.Contracts.Live;
using Switchboard.Domain.Interactions;
using Switchboard.Grains.Live;

namespace Switchboard.Grains.Interactions;

/// <summary>
/// A chat's messages: each stored on its transcript page (<see cref="ChatRules.PageSize"/> to a page, so no row grows
/// with the conversation), the timeline noting each page, and the chat's consoles told of every message and of typing.
/// </summary>
public sealed partial class InteractionGrain
{
    /// <summary>Messages in the transcript so far; read from the last page on first use.</summary>
    private long? messageCount;

    public async Task<ChatPostResult> PostMessage(ChatPost post, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(post);
        if (state.State.Record is not { } record)
        {
            return new ChatPostResult(InteractionOutcome.NotFound, null, $"There is no interaction '{interactionId}'.");
        }

        var count = await MessageCount(record, cancellationToken);
        if (ChatRules.RefusePost(record, post.Sender, post.AgentId, count) is { } refusal)
        {
            return new ChatPostResult(refusal.Kind.ToOutcome(), null, refusal.Detail);
        }

        var now = time.GetUtcNow();
        var message = new ChatMessage(count + 1, post.Sender, post.Sender == ChatSender.Agent ? post.AgentId : null, post.Text, now, post.FaqId);
        if (ChatRules.PageOf(message.Sequence) >= ChatRules.NotedPages(record))
        {
            // The page goes in the timeline before its first message is stored: the timeline never misses a page.
            var noted = ChatRules.NotePage(record, message.Sequence, post.Sender, post.AgentId, now);
            if (noted.Applied)
            {
                await Commit(noted);
            }
        }

        await TranscriptPage(ChatRules.PageOf(message.Sequence)).Append(message, cancellationToken);
        messageCount = message.Sequence;
        AddMessage(message, now);
        await PublishWaiting();
        await RecordMessages(message);
        return new ChatPostResult(InteractionOutcome.Applied, message, null);
    }

    public async Task<InteractionResult> CustomerLeaves(CancellationToken cancellationToken = default)
    {
        if (state.State.Record is not { } record)
        {
            return NotFound();
        }

        var decision = InteractionMachine.Decide(record, new Domain.Interactions.CustomerLeaves(), time.GetUtcNow());
        if (decision.Applied)
        {
            await Commit(decision);
        }

        return Result(decision);
    }

    public async Task<ChatPostResult> ShowTyping(ChatSender sender, string? agentId, CancellationToken cancellationToken = default)
    {
        if (state.State.Record is not { } record)
        {
            return new ChatPostResult(InteractionOutcome.NotFound, null, $"There is no interaction '{interactionId}'.");
        }

        if (ChatRules.RefuseTyping(record, sender, agentId) is { } refusal)
        {
            return new ChatPostResult(refusal.Kind.ToOutcome(), null, refusal.Detail);
        }

        // Typing is only worth telling now: not kept for later, and behind nothing that waits.
        await this.PublishLive<InteractionLiveEvent>(
            LiveStreams.Interactions, tenantId, new ChatActivity(interactionId, ChatAgents(record), null, sender, sender == ChatSender.Agent ? agentId : null, time.GetUtcNow()), logger);
        return new ChatPostResult(InteractionOutcome.Applied, null, null);
    }

    public async Task<ChatTranscriptPage?> GetMessages(long after, int limit, CancellationToken cancellationToken = default)
    {
        if (state.State.Record is not { } record)
        {
            return null;
        }

        var count = await MessageCount(record, cancellationToken);
        if (after >= count || limit <= 0)
        {
            return new ChatTranscriptPage([], null);
        }

        var first = Math.Max(after, 0) + 1;
        var last = Math.Min(count, first + limit - 1);
        if (first > last)
        {
            return new ChatTranscriptPage([], null);
        }

        var pages = new List<ChatMessage>();
        for (var page = ChatRules.PageOf(first); page <= ChatRules.PageOf(last); page++)
        {
            pages.AddRange(await TranscriptPage(page).Read(cancellationToken));
        }

        var messages = pages.Where(m => m.Sequence >= first && m.Sequence <= last).ToList();
        return new ChatTranscriptPage(messages, last < count ? last : null);
    }

    public async Task<ChatTranscriptPage?> GetLatestMessages(int limit, CancellationToken cancellationToken = default)
    {
        if (state.State.Record is not { } record)
        {
            return null;
        }

        var count = await MessageCount(record, cancellationToken);
        return await GetMessages(Math.Max(0, count - Math.Max(limit, 0)), limit, cancellationToken);
    }

    /// <summary>
    /// How many messages the transcript holds: the pages the timeline notes, the last one read for its count (it may be
    /// empty when its first message failed to store after the note).
    /// </summary>
    private async ValueTask<long> MessageCount(InteractionRecord record, CancellationToken cancellationToken)
    {
        if (messageCount is { } known)
        {
            return known;
        }

        var pages = ChatRules.NotedPages(record);
        if (pages == 0)
        {
            messageCount = 0;
            return 0;
        }

        var lastPage = await TranscriptPage(pages - 1).Read(cancellationToken);
        messageCount = lastPage.Count == 0 ? (pages - 1) * ChatRules.PageSize : lastPage[^1].Sequence;
        return messageCount.Value;
    }

    /// <summary>The agents in the chat and the one it is offered to (who sees what it is about before accepting).</summary>
    private static IReadOnlyList<string> ChatAgents(InteractionRecord record) =>
        [.. record.Participants.Concat(record.Offer is { } offer ? [offer.AgentId] : []).Distinct(StringComparer.Ordinal)];

    private IChatTranscriptPageGrain TranscriptPage(long page) =>
        GrainFactory.GetGrain<IChatTranscriptPageGrain>(GrainKeys.TranscriptPage(tenantId, interactionId, page));
}
