using Switchboard.Domain.Queues;

namespace Switchboard.Domain.Interactions;

/// <summary>
/// What only the agent who has a piece of work does with it (answer an email, call back a voicemail): the work must be
/// of that medium, connected (accepted, not ended), and in that agent's hands.
/// </summary>
public static class HandledWork
{
    /// <summary>Why <paramref name="agentId"/> may not <paramref name="action"/> now, or null when it may.</summary>
    public static (DecisionKind Kind, string Detail)? Refusal(
        string interactionId, MediaType media, InteractionState state, string? handler, MediaType expected, string agentId, string action)
    {
        if (media != expected)
        {
            return (DecisionKind.NotAllowed, $"Interaction '{interactionId}' is {WireNames.Of(media)}: only {WireNames.Of(expected)} can {action}.");
        }

        if (state != InteractionState.Connected)
        {
            return (DecisionKind.NotAllowed, $"Interaction '{interactionId}' is {state}: the agent who has it (accepted, not ended) can {action}.");
        }

        return handler == agentId
            ? null
            : (DecisionKind.NotParticipant, $"Agent '{agentId}' does not have interaction '{interactionId}' (agent '{handler}' does).");
    }
}
