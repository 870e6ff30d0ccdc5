namespace Switchboard.Domain.Interactions;

/// <summary>
/// An accepted email with no case yet: the case of its conversation is followed, or one is opened for the sender, and
/// the interaction is linked to it (by the agent who accepted it).
/// </summary>
public sealed record FollowEmailCase(string AgentId) : InteractionEffect;
