namespace Switchboard.Domain.Interactions;

/// <summary>The customer joined the session with its code (the code's single use is the code grain's to keep).</summary>
public sealed record JoinCobrowse(string SessionId) : InteractionCommand("customer");
