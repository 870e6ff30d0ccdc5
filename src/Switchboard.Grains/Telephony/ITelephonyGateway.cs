using Switchboard.Contracts.Interactions;

namespace Switchboard.Grains.Telephony;

/// <summary>
/// Turns dial, bridge and hang-up requests into call legs on a telephony network. There is no media path in Switchboard:
/// the network reports what happens to each leg back to the interaction (answered, ended, failed). Each request is one of
/// the interaction's stored effects, run again until it succeeds, so a gateway must treat a repeat as the same request.
/// <c>sequence</c> is the call's timeline length when the request was asked: it never decreases along a call.
/// </summary>
public interface ITelephonyGateway
{
    /// <summary>Rings the leg's address (a number, or an agent's phone).</summary>
    Task Dial(string tenantId, string interactionId, TelephonyLeg leg, int sequence);

    /// <summary>Connects exactly <paramref name="legs"/> to each other; the call's other live legs are held.</summary>
    Task Bridge(string tenantId, string interactionId, IReadOnlyList<TelephonyLeg> legs, int sequence);

    /// <summary>Drops this leg.</summary>
    Task HangUp(string tenantId, string interactionId, string legId, int sequence);
}
