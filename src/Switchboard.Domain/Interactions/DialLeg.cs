namespace Switchboard.Domain.Interactions;

/// <summary>Ask the telephony gateway to call this leg.</summary>
public sealed record DialLeg(string LegId, PartyKind Party, string Address) : InteractionEffect;
