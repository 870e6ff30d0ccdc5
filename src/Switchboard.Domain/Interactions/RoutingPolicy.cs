using Switchboard.Domain.Agents;

namespace Switchboard.Domain.Interactions;

/// <summary>The rules of the queue an interaction was offered from, kept with the interaction for its offer and wrap-up.</summary>
/// <param name="OfferTimeout">How long an agent has to accept.</param>
/// <param name="TransactionCodes">The codes wrap-up may use.</param>
/// <param name="CodeRequired">Wrap-up lasts until a code is saved (or <paramref name="MaxWrapUp"/> passes).</param>
/// <param name="MaxWrapUp">The longest wrap-up; null for no limit.</param>
/// <param name="RejectAgentState">Where an agent who rejects an offer goes.</param>
public sealed record RoutingPolicy(
    TimeSpan OfferTimeout,
    IReadOnlyList<string> TransactionCodes,
    bool CodeRequired,
    TimeSpan? MaxWrapUp,
    AgentState RejectAgentState)
{
    /// <summary>For work that never passed through a queue (direct and outbound calls): no codes, no wrap-up limit.</summary>
    public static RoutingPolicy Direct { get; } = new(TimeSpan.FromSeconds(30), [], CodeRequired: false, MaxWrapUp: null, AgentState.Break);
}
