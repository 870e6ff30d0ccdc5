using Switchboard.Domain.Agents;
using Switchboard.Domain.Queues;
using Switchboard.Domain.Routing;

namespace Switchboard.Domain.Tests.Properties;

/// <summary>
/// Not glue: what the agent looked like at the moment it agreed to hold an offer, written down for the invariants
/// ("offered only to an agent who was eligible when the offer was made").
/// </summary>
internal sealed record HoldFact(
    string InteractionId,
    string AgentId,
    bool Routed,
    string? QueueId,
    MediaType Media,
    AgentState State,
    AgentState? ResumeState,
    AgentState? NextState,
    IReadOnlyList<MediaType> ActiveMedia,
    int Capacity,
    UtilizationRule Rule,
    string? HeldAnother,
    DateTimeOffset At,
    int CallsOnHold = 0);
