using Switchboard.Contracts;
using Switchboard.Contracts.Chats;

namespace Switchboard.Grains.Chats;

/// <summary>One page of a chat's transcript; written only by its interaction, one message at a time.</summary>
[CollectionAgeLimit(Minutes = 5)]
public sealed class ChatTranscriptPageGrain(
    [PersistentState("transcript", StorageNames.Default)] IPersistentState<ChatTranscriptPageState> state) : Grain, IChatTranscriptPageGrain
{
    public async Task Append(ChatMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var messages = state.State.Messages;
        if (messages.Count == 0 || messages[^1].Sequence < message.Sequence)
        {
            await state.WriteAsync(this, s => s.Messages.Add(message));
            return;
        }

        var index = messages.FindIndex(m => m.Sequence == message.Sequence);
        if (index >= 0 && messages[index] == message)
        {
            return;
        }

        // A retried post after a failure: that sequence is replaced, so the message is there once, in its place.
        await state.WriteAsync(this, s => s.Messages = [.. s.Messages.Where(m => m.Sequence != message.Sequence).Append(message).OrderBy(m => m.Sequence)]);
    }

    public Task<IReadOnlyList<ChatMessage>> Read(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ChatMessage>>(state.State.Messages);
}
