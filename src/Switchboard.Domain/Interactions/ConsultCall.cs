namespace Switchboard.Domain.Interactions;

/// <summary>The consult call on line 2 while it lasts.</summary>
/// <remarks><c>LegId</c>: The line-2 leg once there is one (at once for agents and numbers; on accept for a queue).</remarks>
/// <remarks><c>AgentId</c>: The consulted agent, once known.</remarks>
public sealed record ConsultCall(TransferTarget Target, string? LegId, string? AgentId, DateTimeOffset StartedAt);
