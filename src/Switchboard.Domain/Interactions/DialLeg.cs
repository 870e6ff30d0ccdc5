namespace Switchboard.Domain.Interactions;

/// <summary>Ask the telephony gateway to call this leg.</summary>
/// <remarks><c>Sequence</c>: the call's timeline length when it was asked (set when stored), so a carrier can order it.</remarks>
public sealed record DialLeg(string LegId, PartyKind Party, string Address) : InteractionEffect
{
    public int Sequence { get; init; }
}
