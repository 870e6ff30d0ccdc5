using Switchboard.Domain.Queues;

namespace Switchboard.Contracts.Agents;

/// <summary>An agent as the status view shows it: who, its state, and the media of the work it is busy with (null: none).</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.AgentPresence")]
public sealed record AgentPresence(
    [property: Id(0)] AgentProfile Profile,
    [property: Id(1)] AgentStateView State,
    [property: Id(2)] MediaType? WorkMedia);
