namespace Switchboard.Domain.Interactions;

/// <summary>Ask the telephony gateway to drop this leg.</summary>
/// <remarks><c>Sequence</c>: the call's timeline length when it was asked (set when stored), so a carrier can order it.</remarks>
public sealed record HangUpLeg(string LegId) : InteractionEffect
{
    public int Sequence { get; init; }
}
