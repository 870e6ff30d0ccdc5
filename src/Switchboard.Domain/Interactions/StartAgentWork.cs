using Switchboard.Domain.Queues;

namespace Switchboard.Domain.Interactions;

/// <summary>The agent starts working on it (becomes Busy), on work of this media.</summary>
/// <remarks>Effects are stored as JSON in the interaction's outbox: a row written before the media was added reads as voice.</remarks>
public sealed record StartAgentWork(string AgentId, MediaType Media = MediaType.Voice) : InteractionEffect;
