namespace Switchboard.Domain.Interactions;

/// <summary>
/// The customer leaves a chat (ends it from the web chat): waiting, it is abandoned; in progress, it ends and its agents
/// go to wrap-up. For calls the customer's leg ending says the same, from telephony.
/// </summary>
public sealed record CustomerLeaves() : InteractionCommand("customer");
