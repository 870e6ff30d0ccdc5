namespace Switchboard.Domain.Interactions;

/// <summary>A telephony leg event (from the gateway or a carrier).</summary>
public sealed record LegEvent(string LegId, LegEventKind Kind, string Actor = "telephony") : InteractionCommand(Actor);
