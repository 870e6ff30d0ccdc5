namespace Switchboard.Domain.Interactions;

/// <summary>Ask the telephony gateway to drop this leg.</summary>
public sealed record HangUpLeg(string LegId) : InteractionEffect;
