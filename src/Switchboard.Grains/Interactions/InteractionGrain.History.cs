using Switchboard.Contracts.Chats;
using Switchboard.Domain.Interactions;
using Switchboard.Domain.Queues;
using Switchboard.Domain.Reports;

namespace Switchboard.Grains.Interactions;

/// <summary>
/// The interaction's part of the tenant's event history: each timeline entry is appended once its change is stored, and
/// each chat message once it is in the transcript, at least once (appended again, an event has the same id and is kept
/// once). What is known appended is written with the next change, never on its own; the reminder stays while anything
/// is not, so a failed silo's events are appended by the next activation.
/// </summary>
public sealed partial class InteractionGrain
{
    /// <summary>How many timeline entries this activation knows to be in the history.</summary>
    private int recordedThrough;

    /// <summary>How many chat messages this activation knows to be in the history.</summary>
    private long messagesRecorded;

    private async Task RecordHistory()
    {
        if (state.State.Record is not { } record || recordedThrough >= record.Timeline.Count)
        {
            return;
        }

        try
        {
            await history.Append(tenantId, InteractionHistory.Of(record, recordedThrough));
            recordedThrough = record.Timeline.Count;
        }
        catch (Exception exception)
        {
            InteractionLog.EffectFailed(logger, exception, tenantId, interactionId, nameof(RecordHistory));
        }
    }

    /// <summary>
    /// Appends the chat messages of a chat the history may not have (the transcript's length is read once an activation);
    /// <paramref name="latest"/>, just stored, spares reading the transcript in the usual case.
    /// </summary>
    private async Task RecordMessages(ChatMessage? latest = null)
    {
        if (state.State.Record is not { Media: MediaType.Chat } record)
        {
            return;
        }

        try
        {
            var count = await MessageCount(record, CancellationToken.None);
            if (messagesRecorded >= count)
            {
                return;
            }

            var messages = latest is not null && latest.Sequence == count && messagesRecorded == count - 1
                ? [latest]
                : (await GetMessages(messagesRecorded, (int)Math.Min(count - messagesRecorded, int.MaxValue)))?.Messages ?? [];
            await history.Append(tenantId, [.. messages.Select(m => InteractionHistory.Message(record, m.Sequence, m.Sender, m.AgentId, m.At))]);
            messagesRecorded = count;
        }
        catch (Exception exception)
        {
            InteractionLog.EffectFailed(logger, exception, tenantId, interactionId, nameof(RecordMessages));
        }
    }

    /// <summary>Whether this activation knows of history events not yet appended.</summary>
    private bool HistoryBehind(InteractionRecord record) =>
        recordedThrough < record.Timeline.Count || (messageCount is { } count && messagesRecorded < count);

    /// <summary>
    /// On activation: what the last writes did not know appended is appended again, unless the interaction is settled
    /// without its reminder, which it loses only once everything is appended.
    /// </summary>
    private async Task RecordHistoryAfterFailure()
    {
        var record = state.State.Record!;
        recordedThrough = state.State.RecordedThrough;
        messagesRecorded = state.State.MessagesRecorded;
        var chat = record.Media == MediaType.Chat;
        if (recordedThrough >= record.Timeline.Count && !chat)
        {
            return;
        }

        if (await MayBeUntold(record))
        {
            await RecordHistory();
            await RecordMessages(); // a chat's: its transcript's length is read for it
        }
        else
        {
            recordedThrough = record.Timeline.Count;
        }
    }
}
