using Switchboard.Contracts.Agents;
using Switchboard.Domain.Queues;

namespace Switchboard.Contracts.Live;

/// <summary>
/// An agent's state or profile changed (published after the change is stored). <see cref="AgentStateView.Version"/>
/// orders the events of one agent; <see cref="Deleted"/> marks an agent that no longer exists.
/// </summary>
[GenerateSerializer, Immutable, Alias("Switchboard.AgentChanged")]
public sealed record AgentChanged(
    [property: Id(0)] string AgentId,
    [property: Id(1)] string DisplayName,
    [property: Id(2)] string? Group,
    [property: Id(3)] AgentStateView State,
    [property: Id(4)] MediaType? WorkMedia,
    [property: Id(5)] bool Deleted,
    [property: Id(6)] DateTimeOffset At);
