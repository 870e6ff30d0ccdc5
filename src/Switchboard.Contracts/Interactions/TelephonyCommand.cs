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

/// <summary>
/// What Switchboard asks a carrier to do with a call, delivered as a <c>telephony.*</c> webhook event: the carrier's
/// adapter carries it out and reports each leg's fate to <c>POST /v1/telephony/events</c> with the same leg id.
/// </summary>
/// <remarks><c>LegId</c>, <c>Party</c>, <c>Address</c>: the leg dialled or dropped (dial and hang-up).</remarks>
/// <remarks><c>LegIds</c>: the legs to connect (bridge).</remarks>
[GenerateSerializer, Immutable, Alias("Switchboard.TelephonyCommand")]
public sealed record TelephonyCommand(
    [property: Id(0)] TelephonyCommandKind Kind,
    [property: Id(1)] string InteractionId,
    [property: Id(2)] string? LegId = null,
    [property: Id(3)] PartyKind? Party = null,
    [property: Id(4)] string? Address = null,
    [property: Id(5)] IReadOnlyList<string>? LegIds = null);
