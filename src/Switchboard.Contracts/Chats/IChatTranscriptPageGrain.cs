namespace Switchboard.Contracts.Chats;

/// <summary>
/// One page of a chat's transcript (<c>ChatRules.PageSize</c> messages), keyed by <see cref="GrainKeys.TranscriptPage"/>.
/// Written only by its interaction, one message at a time, in order.
/// </summary>
[Alias("Switchboard.IChatTranscriptPageGrain")]
public interface IChatTranscriptPageGrain : IGrainWithStringKey
{
    /// <summary>Stores the message; again the same sequence (a retry) replaces it, so it is there once.</summary>
    [Alias("Append")]
    Task Append(ChatMessage message, CancellationToken cancellationToken = default);

    /// <summary>The page's messages, oldest first.</summary>
    [Alias("Read"), ReadOnly]
    Task<IReadOnlyList<ChatMessage>> Read(CancellationToken cancellationToken = default);
}
