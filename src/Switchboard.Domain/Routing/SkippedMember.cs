namespace Switchboard.Domain.Routing;

/// <summary>A queue member passed over for an offer, and why.</summary>
public sealed record SkippedMember(string AgentId, SkipReason Reason);
