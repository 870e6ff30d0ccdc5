namespace Switchboard.Api.Models;

/// <summary>Who a broadcast is for: exactly one member.</summary>
/// <param name="All">true: every agent of the tenant.</param>
/// <param name="Group">The agents of this group.</param>
/// <param name="QueueId">The members of this queue.</param>
public sealed record BroadcastAudienceRequest(bool? All, string? Group, string? QueueId);
