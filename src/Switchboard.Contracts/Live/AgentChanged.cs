using Switchboard.Contracts.Agents;
using Switchboard.Domain.Agents;
using Switchboard.Domain.Queues;

namespace Switchboard.Contracts.Live;

/// <summary>
/// An agent's state or profile changed (published after the change is stored). <see cref="AgentStateView.Version"/>
/// orders the events of one agent; <see cref="Deleted"/> marks an agent that no longer exists. <see cref="ChangedBy"/>
/// (with its id and reason) says who made the state change, so a console can tell an agent a supervisor moved it.
/// <see cref="ProfileChanged"/>: name or group changed (the state version stays); <see cref="PreviousGroup"/> is the
/// group before, which the agent left if it is not <see cref="Group"/>. <see cref="ActiveMedia"/> (one entry per piece of
/// work) and <see cref="Capacity"/> say how loaded the agent is, per medium.
/// </summary>
[GenerateSerializer, Immutable, Alias("Switchboard.AgentChanged")]
public sealed record AgentChanged(
    [property: Id(0)] string AgentId,
    [property: Id(1)] string DisplayName,
    [property: Id(2)] string? Group,
    [property: Id(3)] AgentStateView State,
    [property: Id(4)] MediaType? WorkMedia,
    [property: Id(5)] bool Deleted,
    [property: Id(6)] DateTimeOffset At,
    [property: Id(7)] StateActor? ChangedBy,
    [property: Id(8)] string? ChangedById,
    [property: Id(9)] string? Reason,
    [property: Id(10)] bool ProfileChanged = false,
    [property: Id(11)] string? PreviousGroup = null,
    [property: Id(12)] IReadOnlyList<MediaType>? ActiveMedia = null,
    [property: Id(13)] AgentCapacity? Capacity = null);
