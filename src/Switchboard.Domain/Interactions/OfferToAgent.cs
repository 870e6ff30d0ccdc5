namespace Switchboard.Domain.Interactions;

/// <summary>Routing or a direct call offers the interaction (or its pending consult) to an agent who has agreed to hold it.</summary>
public sealed record OfferToAgent(string AgentId, string? QueueId, RoutingPolicy? Policy, string Actor = "system") : InteractionCommand(Actor);
