using Switchboard.Domain.Queues;

namespace Switchboard.Domain.Interactions;

/// <summary>What a new interaction starts from. Exactly one of <c>QueueId</c> / <c>AgentId</c> is set (checked by the caller).</summary>
/// <remarks>
/// Inbound with a queue waits there; with an agent it is offered to that agent directly; outbound rings the agent's
/// phone first (<c>AgentId</c>), then the callee (<c>To</c>); internal (agent to agent) has the agent who starts it
/// (<c>From</c>) in it at once and is offered to the colleague (<c>AgentId</c>). <c>Customer</c> is the CRM customer
/// matched by the caller's number or address, if any. <c>RingCaller</c>: for an internal call, ring its caller's own
/// phone (a carrier, or an agent with a verified phone) rather than taking its softphone to be on at once.
/// </remarks>
public sealed record NewInteraction(
    string Id,
    MediaType Media,
    InteractionDirection Direction,
    string? QueueId,
    string? AgentId,
    string? From,
    string? To,
    int Priority,
    string Actor,
    string? CustomerName = null,
    CustomerLink? Customer = null,
    string? PreferredAgentId = null,
    string? RelatedInteractionId = null,
    bool RingCaller = false);
