namespace Switchboard.Domain.Tests.Properties;

/// <summary>The one offer an agent holds. Mirrors <c>Switchboard.Grains.Agents.HeldOfferRecord</c>.</summary>
internal sealed record HeldOffer(string InteractionId, string? QueueId, bool Routed, DateTimeOffset At);
