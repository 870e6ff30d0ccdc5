using Switchboard.Domain.Interactions;

namespace Switchboard.Contracts.Chats;

/// <summary>One message of a chat's transcript.</summary>
/// <param name="Sequence">1, 2, … in the order the chat received them.</param>
/// <param name="Sender">The customer or an agent.</param>
/// <param name="AgentId">The agent who wrote it; null for the customer.</param>
/// <param name="Text">Plain text.</param>
/// <param name="At">When the chat received it.</param>
/// <param name="FaqId">The knowledge-base article it inserts, if it is one.</param>
[GenerateSerializer, Immutable, Alias("Switchboard.ChatMessage")]
public sealed record ChatMessage(
    [property: Id(0)] long Sequence,
    [property: Id(1)] ChatSender Sender,
    [property: Id(2)] string? AgentId,
    [property: Id(3)] string Text,
    [property: Id(4)] DateTimeOffset At,
    [property: Id(5)] string? FaqId);

/// <summary>A message to add to a chat (the chat numbers and dates it).</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.ChatPost")]
public sealed record ChatPost(
    [property: Id(0)] ChatSender Sender,
    [property: Id(1)] string? AgentId,
    [property: Id(2)] string Text,
    [property: Id(3)] string? FaqId);

/// <summary>What posting a message (or showing typing) did: <c>Applied</c> with the message, or why not.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.ChatPostResult")]
public sealed record ChatPostResult(
    [property: Id(0)] Interactions.InteractionOutcome Outcome,
    [property: Id(1)] ChatMessage? Message,
    [property: Id(2)] string? Detail);

/// <summary>Messages in order, oldest first; <see cref="NextAfter"/> is the sequence to read on from (null: that was the last).</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.ChatTranscriptPage")]
public sealed record ChatTranscriptPage(
    [property: Id(0)] IReadOnlyList<ChatMessage> Messages,
    [property: Id(1)] long? NextAfter);
