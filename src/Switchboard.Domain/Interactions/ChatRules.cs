using Switchboard.Domain.Queues;
using Switchboard.Domain.Tenancy;

namespace Switchboard.Domain.Interactions;

/// <summary>
/// Chat messages: plain text (never rendered as markup by us) of at most <see cref="MaxMessageLength"/> characters,
/// without hidden characters (line breaks and tabs allowed); at most <see cref="MaxMessages"/> in one chat. The
/// transcript is stored <see cref="PageSize"/> messages to a page, so no row grows with the conversation.
/// </summary>
public static class ChatRules
{
    public const int MaxMessageLength = 2_000;
    public const int MaxMessages = 2_000;
    public const int PageSize = 50;

    public static bool IsValidText(string? text) => Identifiers.IsValidMessage(text, MaxMessageLength);

    /// <summary>The transcript page a message is on (0 for sequences 1 to <see cref="PageSize"/>).</summary>
    public static long PageOf(long sequence)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        return (sequence - 1) / PageSize;
    }

    /// <summary>
    /// Why <paramref name="sender"/> may not write in <paramref name="record"/> now, with <paramref name="messages"/>
    /// written so far, or null when it may: only in a chat that is not over; an agent only while it is in the chat (once
    /// accepted, until it leaves); the customer from the moment the chat exists (while it waits too).
    /// </summary>
    public static (DecisionKind Kind, string Detail)? RefusePost(InteractionRecord record, ChatSender sender, string? agentId, long messages)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Media != MediaType.Chat)
        {
            return (DecisionKind.NotAllowed, $"Messages belong to chats; interaction '{record.Id}' is {WireNames.Of(record.Media)}.");
        }

        if (record.IsOver)
        {
            return (DecisionKind.NotAllowed, $"The chat is {record.State}: no more messages.");
        }

        if (messages >= MaxMessages)
        {
            return (DecisionKind.NotAllowed, $"The chat has reached its limit of {MaxMessages} messages.");
        }

        if (sender == ChatSender.Customer && record.Direction == InteractionDirection.Internal)
        {
            return (DecisionKind.NotAllowed, $"Chat '{record.Id}' is between agents: it has no customer.");
        }

        if (sender == ChatSender.Agent && (agentId is null || !record.Participants.Contains(agentId)))
        {
            return record.Offer?.AgentId == agentId && agentId is not null
                ? (DecisionKind.NotAllowed, $"Agent '{agentId}' is offered this chat: accept it first.")
                : (DecisionKind.NotParticipant, $"Agent '{agentId}' is not in chat '{record.Id}'.");
        }

        return null;
    }

    /// <summary>
    /// The timeline's note that the transcript starts page <see cref="PageOf"/>(<paramref name="firstSequence"/>) with
    /// that message: the timeline lists every part of the conversation while growing by one entry per page, never per
    /// message. Unchanged when the page is noted already (a retry).
    /// </summary>
    public static InteractionDecision NotePage(InteractionRecord record, long firstSequence, ChatSender sender, string? agentId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(record);
        var page = PageOf(firstSequence).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (record.Timeline.Any(e => e.Type == TranscriptPageEvent && e.Details.TryGetValue("page", out var noted) && noted == page))
        {
            return InteractionMachine.Unchanged(record, $"Transcript page {page} is noted already.");
        }

        var draft = new InteractionDraft(record, now, sender == ChatSender.Agent ? $"agent:{agentId}" : "customer");
        draft.Event(TranscriptPageEvent, ("page", page), ("from", firstSequence.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return draft.Applied();
    }

    /// <summary>The timeline event that starts a transcript page.</summary>
    public const string TranscriptPageEvent = "messages";

    /// <summary>The transcript pages the timeline lists (pages 0 to this minus one exist).</summary>
    public static long NotedPages(InteractionRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.Timeline.Count(e => e.Type == TranscriptPageEvent);
    }

    /// <summary>Whether the agent may show it is typing: the same as writing, short of the message limit.</summary>
    public static (DecisionKind Kind, string Detail)? RefuseTyping(InteractionRecord record, ChatSender sender, string? agentId) =>
        RefusePost(record, sender, agentId, 0);

    /// <summary>
    /// What a change means to a web chat's customer: the agents who joined and left, and whether the chat ended (then
    /// nobody is said to leave: everyone did). Null when none of that happened, or for work with no customer to tell
    /// (other media, chats between agents).
    /// </summary>
    public static ChatPresenceChange? PresenceChange(InteractionRecord? before, InteractionRecord after)
    {
        ArgumentNullException.ThrowIfNull(after);
        if (after.Media != MediaType.Chat || after.Direction == InteractionDirection.Internal)
        {
            return null;
        }

        var ended = before is { IsOver: false } && after.IsOver;
        var previous = before?.Participants ?? [];
        var joined = after.Participants.Except(previous, StringComparer.Ordinal).ToList();
        List<string> left = ended ? [] : [.. previous.Except(after.Participants, StringComparer.Ordinal)];
        return ended || joined.Count > 0 || left.Count > 0 ? new ChatPresenceChange(joined, left, ended) : null;
    }
}

/// <summary>Agents who joined and left a chat with one change, and whether it ended with it.</summary>
public sealed record ChatPresenceChange(IReadOnlyList<string> Joined, IReadOnlyList<string> Left, bool Ended);
