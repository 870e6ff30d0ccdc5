using Switchboard.Domain.Routing;

namespace Switchboard.Domain.Interactions;

/// <summary>
/// Routing or a direct call offers the interaction (or its pending consult) to an agent who has agreed to hold it;
/// <c>QueueSequence</c> is the work's arrival number in that queue; <c>Routing</c>, why the queue chose the agent.
/// </summary>
public sealed record OfferToAgent(
    string AgentId, string? QueueId, RoutingPolicy? Policy, long? QueueSequence = null, string Actor = "system", RoutingExplanation? Routing = null) : InteractionCommand(Actor);
