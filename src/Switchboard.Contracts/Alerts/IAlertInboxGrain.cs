namespace Switchboard.Contracts.Alerts;

/// <summary>
/// One agent's alerts: the newest <c>BroadcastRules.InboxSize</c> broadcasts sent to it, with when it read each.
/// Keyed by <see cref="GrainKeys.AlertInbox"/>. Calls no grain and waits on none (read receipts go one way).
/// </summary>
[Alias("Switchboard.IAlertInboxGrain")]
public interface IAlertInboxGrain : IGrainWithStringKey
{
    /// <summary>Adds an alert; idempotent (an alert already there is left as it is, read or not).</summary>
    [Alias("Add")]
    Task Add(Live.AlertView alert, CancellationToken cancellationToken = default);

    /// <summary>
    /// The alerts not expired on the business clock, newest first, with read receipts: what a console shows (and the
    /// socket's <c>alerts</c> snapshot).
    /// </summary>
    [Alias("GetCurrent"), ReadOnly]
    Task<IReadOnlyList<InboxAlert>> GetCurrent(CancellationToken cancellationToken = default);

    /// <summary>
    /// Marks the alert read (the first time counts; again changes nothing) and tells its broadcast, one way. Null when
    /// the inbox does not hold it.
    /// </summary>
    [Alias("MarkRead")]
    Task<InboxAlert?> MarkRead(string alertId, CancellationToken cancellationToken = default);
}
