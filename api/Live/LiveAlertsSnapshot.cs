using Switchboard.Api.Alerts;

namespace Switchboard.Api.Live;

/// <summary>
/// Snapshot of <c>alerts</c>: for an agent key its current (unexpired) alerts with read receipts; for supervisors the
/// tenant's latest broadcasts with their delivery and read counts; for admin and integration keys those broadcasts and the
/// alerts for admins that hold now (each webhook endpoint Switchboard keeps disabled).
/// </summary>
public sealed record LiveAlertsSnapshot(IReadOnlyList<AlertResponse>? Alerts, IReadOnlyList<BroadcastSummaryResponse>? Broadcasts);
