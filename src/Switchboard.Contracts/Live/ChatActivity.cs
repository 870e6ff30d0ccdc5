using Switchboard.Contracts.Chats;
using Switchboard.Domain.Interactions;

namespace Switchboard.Contracts.Live;

/// <summary>
/// Something said or being typed in a chat, for the consoles of <see cref="AgentIds"/> (and the customer's socket):
/// a stored <see cref="Message"/>, or that <see cref="TypingSender"/> (with <see cref="TypingAgentId"/>) is typing.
/// </summary>
[GenerateSerializer, Immutable, Alias("Switchboard.ChatActivity")]
public sealed record ChatActivity(
    [property: Id(0)] string InteractionId,
    [property: Id(1)] IReadOnlyList<string> AgentIds,
    [property: Id(2)] ChatMessage? Message,
    [property: Id(3)] ChatSender? TypingSender,
    [property: Id(4)] string? TypingAgentId,
    [property: Id(5)] DateTimeOffset At) : InteractionLiveEvent;
