using Switchboard.Contracts;
using Switchboard.Contracts.Alerts;
using Switchboard.Contracts.Live;
using Switchboard.Domain.Alerts;

namespace Switchboard.Grains.Alerts;

/// <summary>One agent's alert inbox: bounded, idempotent adds, read receipts of broadcasts sent one way to the broadcast.</summary>
public sealed class AlertInboxGrain(
    [PersistentState("inbox", StorageNames.Default)] IPersistentState<AlertInboxState> state,
    [FromKeyedServices(SwitchboardClock.ServiceKey)] TimeProvider time) : Grain, IAlertInboxGrain
{
    private string tenantId = "";
    private string agentId = "";

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var parts = GrainKeys.Split(this.GetPrimaryKeyString());
        (tenantId, agentId) = (parts[0], parts[1]);
        return Task.CompletedTask;
    }

    public async Task Add(AlertView alert, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alert);
        if (state.State.Alerts.Any(a => a.Alert.Id == alert.Id))
        {
            return;
        }

        var now = time.GetUtcNow();
        var alerts = new List<InboxAlert>(state.State.Alerts) { new(alert, null) };
        if (alerts.Count > BroadcastRules.InboxSize)
        {
            // Over the limit: expired alerts go first, then the oldest sent (possibly this one, which is then delivered and gone).
            alerts = [.. alerts
                .Select((a, arrival) => (Alert: a, Arrival: arrival))
                .OrderByDescending(a => a.Alert.Alert.ExpiresAt is not { } expires || expires > now)
                .ThenByDescending(a => a.Alert.Alert.SentAt)
                .ThenByDescending(a => a.Arrival)
                .Take(BroadcastRules.InboxSize)
                .OrderBy(a => a.Arrival)
                .Select(a => a.Alert)];
        }

        await state.WriteAsync(this, s => s.Alerts = alerts);
    }

    public Task<IReadOnlyList<InboxAlert>> GetCurrent(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        // Arrival order breaks ties of alerts sent at the same instant.
        return Task.FromResult<IReadOnlyList<InboxAlert>>([.. state.State.Alerts
            .Select((a, arrival) => (Alert: a, Arrival: arrival))
            .Where(a => a.Alert.Alert.ExpiresAt is not { } expires || expires > now)
            .OrderByDescending(a => a.Alert.Alert.SentAt)
            .ThenByDescending(a => a.Arrival)
            .Select(a => a.Alert)]);
    }

    public async Task<InboxAlert?> MarkRead(string alertId, CancellationToken cancellationToken = default)
    {
        var index = state.State.Alerts.FindIndex(a => a.Alert.Id == alertId);
        if (index < 0)
        {
            return null;
        }

        var current = state.State.Alerts[index];
        if (current.ReadAt is null)
        {
            var read = current with { ReadAt = time.GetUtcNow() };
            await state.WriteAsync(this, s => s.Alerts[index] = read);
            current = read;
        }

        // Every time, not only the first: a receipt lost on its way (one way, no answer) is sent again by reading again.
        // A task's alert has no broadcast to tell.
        if (current.Alert.TaskId is not null)
        {
            return current;
        }

        GrainFactory.GetGrain<IBroadcastGrain>(GrainKeys.Broadcast(tenantId, alertId)).RecordRead(agentId, current.ReadAt!.Value).Ignore();
        return current;
    }
}
