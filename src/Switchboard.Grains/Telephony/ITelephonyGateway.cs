using Switchboard.Domain.Interactions;

namespace Switchboard.Grains.Telephony;

/// <summary>
/// Turns dial and hang-up requests into call legs on a telephony network. There is no media path in Switchboard: the
/// network reports what happens to each leg back to the interaction (answered, ended, failed).
/// </summary>
public interface ITelephonyGateway
{
    /// <summary>Rings <paramref name="address"/> (a number, or an agent's phone) for this leg.</summary>
    void Dial(string tenantId, string interactionId, string legId, PartyKind party, string address);

    /// <summary>Drops this leg.</summary>
    void HangUp(string tenantId, string interactionId, string legId);
}
