namespace Switchboard.Domain.Interactions;

/// <summary>The agent no longer holds the offer (accepted, cancelled, or the caller hung up).</summary>
public sealed record ReleaseOffer(string AgentId) : InteractionEffect;
