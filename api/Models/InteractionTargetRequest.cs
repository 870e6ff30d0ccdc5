using Switchboard.Domain.Interactions;

namespace Switchboard.Api.Models;

/// <summary>Where a transfer or consult goes.</summary>
/// <param name="Type">agent, queue or external.</param>
/// <param name="Id">The agent or queue id (agent and queue targets).</param>
/// <param name="Number">The number in E.164 (external targets).</param>
public sealed record InteractionTargetRequest(TargetKind? Type, string? Id, string? Number);
