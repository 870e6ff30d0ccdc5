namespace Switchboard.Contracts.Alerts;

/// <summary>
/// One supervisor broadcast: its text, audience and the recipients resolved when it was sent, which inboxes have it,
/// and read receipts. Keyed by <see cref="GrainKeys.Broadcast"/>.
/// </summary>
/// <remarks>
/// Call direction: the broadcast calls the roster, the queue and agents' inboxes; inboxes answer only one way
/// (<see cref="RecordRead"/>), so the two never wait on each other.
/// </remarks>
[Alias("Switchboard.IBroadcastGrain")]
public interface IBroadcastGrain : IGrainWithStringKey
{
    /// <summary>
    /// Resolves the recipients, stores the broadcast, delivers it to every recipient's inbox and then publishes
    /// <c>AlertSent</c> once. Inboxes that could not be reached are retried on reactivation and by a reminder.
    /// </summary>
    [Alias("Send")]
    Task<SendBroadcastResult> Send(SendBroadcast request, CancellationToken cancellationToken = default);

    /// <summary>The broadcast with each recipient; null when it does not exist.</summary>
    [Alias("Get"), ReadOnly]
    Task<BroadcastView?> Get(CancellationToken cancellationToken = default);

    /// <summary>The broadcast with its counts only (for lists); null when it does not exist.</summary>
    [Alias("GetSummary"), ReadOnly]
    Task<BroadcastSummary?> GetSummary(CancellationToken cancellationToken = default);

    /// <summary>An agent read it (from its inbox; idempotent, the first time counts).</summary>
    [Alias("RecordRead"), OneWay]
    Task RecordRead(string agentId, DateTimeOffset readAt);
}
