using Switchboard.Domain.Interactions;

namespace Switchboard.Grains.Telephony;

/// <summary>
/// Turns dial, bridge and hang-up requests into call legs on a telephony network. There is no media path in Switchboard:
/// the network reports what happens to each leg back to the interaction (answered, ended, failed). Each request is one of
/// the interaction's stored effects, run again until it succeeds, so a gateway must treat a repeat as the same request.
/// </summary>
public interface ITelephonyGateway
{
    /// <summary>Rings <paramref name="address"/> (a number, or an agent's phone) for this leg.</summary>
    Task Dial(string tenantId, string interactionId, string legId, PartyKind party, string address);

    /// <summary>Connects exactly <paramref name="legIds"/> to each other; the call's other live legs are held.</summary>
    Task Bridge(string tenantId, string interactionId, IReadOnlyList<string> legIds, int sequence);

    /// <summary>Drops this leg.</summary>
    Task HangUp(string tenantId, string interactionId, string legId);
}
