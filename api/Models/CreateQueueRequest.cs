using Switchboard.Domain.Agents;
using Switchboard.Domain.Queues;

namespace Switchboard.Api.Models;

/// <summary>A new queue; every field but <c>id</c> and <c>name</c> has a default.</summary>
/// <param name="Id">Queue id: 1-64 of letters, digits, '.', '_' and '-'.</param>
/// <param name="Name">What consoles show: 1-100 characters.</param>
/// <param name="Media">voice (default), chat, email or voicemail.</param>
/// <param name="Strategy">longest-idle (default), round-robin or skill-level.</param>
/// <param name="OfferTimeoutSeconds">How long an agent has to accept an offer: 5-300, default 15.</param>
/// <param name="TransactionCodes">The tenant's transaction codes that apply to this queue's work: at most 50, no duplicates.</param>
/// <param name="WrapUp">Wrap-up rules; default: no code required, no time limit.</param>
/// <param name="Overflow">Another queue that work moves to after waiting too long; default none.</param>
/// <param name="RejectAgentState">The state an agent that rejects an offer is put in: Available, Offline or Break (default).</param>
public sealed record CreateQueueRequest(
    string? Id,
    string? Name,
    MediaType? Media,
    RoutingStrategy? Strategy,
    int? OfferTimeoutSeconds,
    IReadOnlyList<string?>? TransactionCodes,
    WrapUpRequest? WrapUp,
    OverflowRequest? Overflow,
    AgentState? RejectAgentState);
