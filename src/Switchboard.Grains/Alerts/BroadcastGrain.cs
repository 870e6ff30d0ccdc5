using Microsoft.Extensions.Logging;
using Switchboard.Contracts;
using Switchboard.Contracts.Agents;
using Switchboard.Contracts.Alerts;
using Switchboard.Contracts.Live;
using Switchboard.Contracts.Queues;
using Switchboard.Domain.Alerts;
using Switchboard.Grains.Live;

namespace Switchboard.Grains.Alerts;

/// <summary>
/// One broadcast. Stored with its recipients before any inbox gets it; then each inbox is given it (idempotently) and
/// confirmed here, and what a failure left undelivered is delivered again on the next activation or reminder tick.
/// <c>AlertSent</c> goes out once every inbox has it.
/// </summary>
public sealed class BroadcastGrain(
    [PersistentState("broadcast", StorageNames.Default)] IPersistentState<BroadcastGrainState> state,
    [FromKeyedServices(SwitchboardClock.ServiceKey)] TimeProvider time,
    ILogger<BroadcastGrain> logger) : Grain, IBroadcastGrain, IRemindable
{
    private const string ReminderName = "broadcast-delivery";

    /// <summary>Inboxes given the broadcast at once.</summary>
    private const int DeliveryBatch = 100;

    /// <summary>Roster page size when resolving "all agents" or a group.</summary>
    private const int RosterPage = 500;

    private string tenantId = "";
    private string broadcastId = "";

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var parts = GrainKeys.Split(this.GetPrimaryKeyString());
        (tenantId, broadcastId) = (parts[0], parts[1]);
        if (state.State is { Alert: not null } s && !(s.Indexed && s.Published))
        {
            // After a failure part-way: deliver to the inboxes that have not confirmed, then announce it.
            await Finish();
        }
    }

    public async Task<SendBroadcastResult> Send(SendBroadcast request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (state.State.Alert is not null)
        {
            return new SendBroadcastResult(SendBroadcastOutcome.AlreadyExists, View(), $"Broadcast '{broadcastId}' exists already.");
        }

        var now = time.GetUtcNow();
        if (request.ExpiresAt is { } expires && expires <= now)
        {
            return new SendBroadcastResult(SendBroadcastOutcome.Expired, null, "expiresAt must be in the future.");
        }

        var recipients = await ResolveRecipients(request.Audience, cancellationToken);
        if (recipients is null)
        {
            return new SendBroadcastResult(SendBroadcastOutcome.QueueNotFound, null, $"Queue '{request.Audience.QueueId}' does not exist.");
        }

        if (recipients.Count > BroadcastRules.MaxRecipients)
        {
            return new SendBroadcastResult(SendBroadcastOutcome.TooManyRecipients, null,
                $"The audience has {recipients.Count} agents; a broadcast reaches at most {BroadcastRules.MaxRecipients}. Send it to groups or queues.");
        }

        // The reminder first: should the silo fail after the write, it wakes the broadcast to finish delivering.
        await this.RegisterOrUpdateReminder(ReminderName, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        var alert = new AlertView(broadcastId, request.Text, request.Audience, request.SentBy, now, request.ExpiresAt);
        await state.WriteAsync(this, s =>
        {
            s.Alert = alert;
            s.Recipients = recipients;
            s.Undelivered = new HashSet<string>(recipients, StringComparer.Ordinal);
        });

        AlertLog.Sent(logger, tenantId, broadcastId, recipients.Count);
        await Finish();
        return new SendBroadcastResult(SendBroadcastOutcome.Sent, View(), null);
    }

    public Task<BroadcastView?> Get(CancellationToken cancellationToken = default) =>
        Task.FromResult(state.State.Alert is null ? null : View());

    public Task<BroadcastSummary?> GetSummary(CancellationToken cancellationToken = default) =>
        Task.FromResult(state.State.Alert is null ? null : Summary());

    public async Task RecordRead(string agentId, DateTimeOffset readAt)
    {
        if (state.State.Alert is null || state.State.ReadAt.ContainsKey(agentId) || state.State.Recipients.BinarySearch(agentId, StringComparer.Ordinal) < 0)
        {
            return;
        }

        try
        {
            await state.WriteAsync(this, s => s.ReadAt[agentId] = readAt);
        }
        catch (Exception exception)
        {
            // One way: nobody to tell. The agent's inbox keeps the read, and reading it again sends the receipt again.
            AlertLog.ReceiptNotStored(logger, exception, tenantId, broadcastId, agentId);
        }
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => Finish();

    /// <summary>Agent ids of the audience now, ordered; null when the queue named does not exist.</summary>
    private async Task<List<string>?> ResolveRecipients(AlertAudience audience, CancellationToken cancellationToken)
    {
        if (audience.QueueId is { } queueId)
        {
            var members = await GrainFactory.GetGrain<IQueueGrain>(GrainKeys.Queue(tenantId, queueId)).GetMembers(cancellationToken);
            return members?.Select(m => m.AgentId).Order(StringComparer.Ordinal).ToList();
        }

        var roster = GrainFactory.GetGrain<IAgentRosterGrain>(tenantId);
        var ids = new List<string>();
        string? after = null;
        do
        {
            var page = await roster.List(after, RosterPage, cancellationToken);
            ids.AddRange(page.Items.Where(a => audience.All || string.Equals(a.Group, audience.Group, StringComparison.Ordinal)).Select(a => a.Id));
            after = page.NextAfter;
        }
        while (after is not null);

        return ids; // the roster pages by id: already ordered
    }

    /// <summary>Lists, delivers, announces, and lets the reminder go when all is done. Failures are logged and retried later.</summary>
    private async Task Finish()
    {
        if (state.State.Alert is not { } alert)
        {
            await StopReminder();
            return;
        }

        var changed = await EnsureIndexed(alert);
        changed |= await Deliver(alert);
        if (changed && !await TryWrite())
        {
            return;
        }

        if (state.State.Undelivered.Count == 0 && !state.State.Published)
        {
            await this.PublishLive(LiveStreams.Alerts, tenantId, new AlertSent(alert, state.State.Recipients), logger);
            state.State.Published = true;
            if (!await TryWrite())
            {
                return;
            }
        }

        if (state.State.Indexed && state.State.Published)
        {
            await StopReminder();
        }
    }

    private async Task<bool> EnsureIndexed(AlertView alert)
    {
        if (state.State.Indexed)
        {
            return false;
        }

        try
        {
            await GrainFactory.GetGrain<IBroadcastIndexGrain>(tenantId).Add(new IndexedBroadcast(broadcastId, alert.SentAt));
            state.State.Indexed = true;
            return true;
        }
        catch (Exception exception)
        {
            AlertLog.IndexFailed(logger, exception, tenantId, broadcastId);
            return false;
        }
    }

    /// <summary>Gives the broadcast to each inbox not yet confirmed; true when any confirmed.</summary>
    private async Task<bool> Deliver(AlertView alert)
    {
        var delivered = false;
        foreach (var batch in state.State.Undelivered.Order(StringComparer.Ordinal).Chunk(DeliveryBatch).ToList())
        {
            var confirmed = await Task.WhenAll(batch.Select(async agentId =>
            {
                try
                {
                    await GrainFactory.GetGrain<IAlertInboxGrain>(GrainKeys.AlertInbox(tenantId, agentId)).Add(alert);
                    return agentId;
                }
                catch (Exception exception)
                {
                    AlertLog.DeliveryFailed(logger, exception, tenantId, broadcastId, agentId);
                    return null;
                }
            }));
            foreach (var agentId in confirmed.OfType<string>())
            {
                delivered |= state.State.Undelivered.Remove(agentId);
            }
        }

        return delivered;
    }

    /// <summary>
    /// Stores progress. On failure the in-memory progress stays: it is true (inbox adds are idempotent), and the
    /// reminder writes it with its next attempt.
    /// </summary>
    private async Task<bool> TryWrite()
    {
        try
        {
            await state.WriteProgressAsync(this);
            return true;
        }
        catch (Exception exception)
        {
            AlertLog.ProgressNotStored(logger, exception, tenantId, broadcastId);
            return false;
        }
    }

    private async Task StopReminder()
    {
        if (await this.GetReminder(ReminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private BroadcastSummary Summary() => new(
        state.State.Alert!,
        state.State.Recipients.Count,
        state.State.Recipients.Count - state.State.Undelivered.Count,
        state.State.ReadAt.Count);

    private BroadcastView View() => new(
        Summary(),
        [.. state.State.Recipients.Select(id => new BroadcastRecipient(
            id,
            !state.State.Undelivered.Contains(id),
            state.State.ReadAt.TryGetValue(id, out var readAt) ? readAt : null))]);
}
