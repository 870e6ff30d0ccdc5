using Switchboard.Domain.Interactions;

namespace Switchboard.Contracts.Live;

/// <summary>
/// Who is in a chat changed, or the chat ended, as its customer sees it: the agents who just joined or left (with the
/// name the customer is shown) and the chat's state after the change. Published only for chats; <see cref="Version"/> is
/// the length of the interaction's timeline after the change, which every such change lengthens.
/// </summary>
[GenerateSerializer, Immutable, Alias("Switchboard.ChatPresence")]
public sealed record ChatPresence(
    [property: Id(0)] string InteractionId,
    [property: Id(1)] IReadOnlyList<ChatAgent> Joined,
    [property: Id(2)] IReadOnlyList<ChatAgent> Left,
    [property: Id(3)] InteractionState State,
    [property: Id(4)] bool Ended,
    [property: Id(5)] DateTimeOffset At,
    [property: Id(6)] long Version) : InteractionLiveEvent;

/// <summary>An agent as a chat's customer sees it: its display name (null when it could not be read).</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.ChatAgent")]
public sealed record ChatAgent([property: Id(0)] string AgentId, [property: Id(1)] string? DisplayName);
