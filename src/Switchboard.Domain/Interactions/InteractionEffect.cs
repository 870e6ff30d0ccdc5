namespace Switchboard.Domain.Interactions;

/// <summary>
/// What the grain must do after persisting a decision. Every effect is idempotent for its interaction, so that the grain
/// may run a batch again after a failure.
/// </summary>
public abstract record InteractionEffect;
