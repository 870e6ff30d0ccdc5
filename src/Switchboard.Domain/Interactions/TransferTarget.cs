namespace Switchboard.Domain.Interactions;

/// <summary>Where a transfer or consult goes: an agent id, a queue id or an external number.</summary>
public sealed record TransferTarget(TargetKind Kind, string Id);
