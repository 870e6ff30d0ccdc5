using Switchboard.Domain.Interactions;

namespace Switchboard.Contracts.Interactions;

public enum TelephonyCommandKind
{
    /// <summary>Ring a party for a leg: an agent's phone, the customer, or an outside number.</summary>
    Dial = 0,

    /// <summary>Connect exactly the listed legs to each other; the call's other live legs are held.</summary>
    Bridge = 1,

    /// <summary>Drop a leg.</summary>
    HangUp = 2,
}

/// <summary>A leg of a call as a carrier needs it: who it is and where it rings.</summary>
/// <remarks>
/// <c>Address</c>: the phone number, or the agent's id for an agent's leg; <c>Device</c>: where an agent's leg rings (the
/// agent's verified phone or SIP address), and <c>Greeting</c>: the path of the agent's greeting recording, when the gateway
/// looked them up. <c>MovedFrom</c>: a party that joined from the agent's other call (merged lines): its leg there, which
/// is this leg from then on.
/// </remarks>
[GenerateSerializer, Immutable, Alias("Switchboard.TelephonyLeg")]
public sealed record TelephonyLeg(
    [property: Id(0)] string LegId,
    [property: Id(1)] PartyKind Party,
    [property: Id(2)] string Address,
    [property: Id(3)] string? Device = null,
    [property: Id(4)] string? Greeting = null,
    [property: Id(5)] TelephonyLegOrigin? MovedFrom = null);

/// <summary>The call and leg a merged party came from.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.TelephonyLegOrigin")]
public sealed record TelephonyLegOrigin([property: Id(0)] string InteractionId, [property: Id(1)] string LegId);

/// <summary>
/// What Switchboard asks a carrier to do with a call, delivered as a <c>telephony.*</c> webhook event: the carrier's
/// adapter carries it out and reports each leg's fate to <c>POST /v1/telephony/events</c> with the same leg id.
/// </summary>
/// <remarks><c>Sequence</c>: the call's timeline length when the command was asked; it never decreases along a call, so
/// a carrier receiving commands out of order can put them back in order.</remarks>
/// <remarks><c>Leg</c>: the leg dialled (dial); <c>LegId</c>: the leg dropped (hang-up); <c>Legs</c>: the legs to connect (bridge).</remarks>
[GenerateSerializer, Immutable, Alias("Switchboard.TelephonyCommand")]
public sealed record TelephonyCommand(
    [property: Id(0)] TelephonyCommandKind Kind,
    [property: Id(1)] string InteractionId,
    [property: Id(2)] int Sequence,
    [property: Id(3)] TelephonyLeg? Leg = null,
    [property: Id(4)] string? LegId = null,
    [property: Id(5)] IReadOnlyList<TelephonyLeg>? Legs = null);
