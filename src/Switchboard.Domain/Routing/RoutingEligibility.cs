using Switchboard.Domain.Agents;

namespace Switchboard.Domain.Routing;

/// <summary>Who may be offered what: the agent grain asks this before it holds an offer.</summary>
public static class RoutingEligibility
{
    /// <summary>Routed (queue) work goes only to an <c>Available</c> agent holding no other offer.</summary>
    public static bool CanTakeRoutedOffer(AgentState state, bool holdsOffer) => AgentStates.ReceivesRoutedWork(state) && !holdsOffer;

    /// <summary>Direct calls and transfers also reach an <c>Offline</c> agent; never one on break, logged out, busy or in wrap-up.</summary>
    public static bool CanTakeDirectOffer(AgentState state, bool holdsOffer) => AgentStates.ReceivesDirectWork(state) && !holdsOffer;
}
