using Switchboard.Domain.Queues;

namespace Switchboard.Contracts.Agents;

/// <summary>
/// An agent as the status view shows it: who, its state, the media of the work it is busy with (null: none), and the
/// media of each piece of work in hand (oldest first), which with the profile's capacity gives e.g. two chats of three.
/// </summary>
[GenerateSerializer, Immutable, Alias("Switchboard.AgentPresence")]
public sealed record AgentPresence(
    [property: Id(0)] AgentProfile Profile,
    [property: Id(1)] AgentStateView State,
    [property: Id(2)] MediaType? WorkMedia,
    [property: Id(3)] IReadOnlyList<MediaType>? ActiveMedia = null);
