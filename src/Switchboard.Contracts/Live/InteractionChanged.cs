using Switchboard.Contracts.Interactions;

namespace Switchboard.Contracts.Live;

/// <summary>
/// What travels on an interactions stream (<see cref="LiveStreams.Interactions"/>), in the order it happened: changes of
/// interactions (<see cref="InteractionChanged"/>) and what is said in chats (<see cref="ChatActivity"/>), so that a
/// console sees an agent join a chat before its first message.
/// </summary>
[GenerateSerializer, Immutable, Alias("Switchboard.InteractionLiveEvent")]
public abstract record InteractionLiveEvent;

/// <summary>
/// An interaction changed (published after the change is stored, in order). <see cref="AgentIds"/> are the agents it
/// concerns before and after the change (offered, handling, consulted, wrapping up); <see cref="OfferedTo"/> is the
/// agent a new offer was just made to, if any; <see cref="PreviousState"/> is its state before (null: it was just created).
/// Published for every change, also when it concerns no agent (queued, abandoned), for webhooks. <see cref="Sequence"/>
/// counts the interaction's changes (0: published before it was carried), so a receiver can tell an older change that
/// reaches it late from the newer one it already has.
/// </summary>
[GenerateSerializer, Immutable, Alias("Switchboard.InteractionChanged")]
public sealed record InteractionChanged(
    [property: Id(0)] InteractionView Interaction,
    [property: Id(1)] IReadOnlyList<string> AgentIds,
    [property: Id(2)] string? OfferedTo,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] Domain.Interactions.InteractionState? PreviousState = null,
    [property: Id(5)] long Sequence = 0) : InteractionLiveEvent;
