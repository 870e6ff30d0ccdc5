using Switchboard.Contracts.Interactions;
using Switchboard.Domain.Interactions;

namespace Switchboard.Grains.Interactions;

/// <summary>
/// Deadlines (offer timeouts, wrap-up limits) on the business clock, and the reminder that outlives a silo failure
/// while anything about the interaction is due, pending or waiting.
/// </summary>
public sealed partial class InteractionGrain
{
    private const string ReminderName = "interaction-deadlines";

    /// <summary>Whether this interaction's reminder is registered; null until known (after an activation).</summary>
    private bool? reminderActive;

    public async Task CheckDeadlines(CancellationToken cancellationToken = default)
    {
        if (state.State.Record is not { } record)
        {
            return;
        }

        var decision = InteractionMachine.Tick(record, time.GetUtcNow());
        if (decision.Applied)
        {
            await Commit(decision);
        }
        else
        {
            await KeepTime();
        }
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        reminderActive = true;
        if (Outbox.Waiting.Count > 0)
        {
            await PublishWaiting();
        }

        await RecordHistory();
        await RecordMessages();
        await RunPendingEffects();
        if (state.State.Record is not null)
        {
            await EnsureIndexed(remember: true);
        }

        await CheckDeadlines();
        if (state.State.Record is not null)
        {
            await ConfirmQueued();
        }
    }

    /// <summary>
    /// The next deadline on the business clock, and a reminder while anything is due or pending, so that a silo failure
    /// does not lose it: the reminder wakes the interaction on another silo, which schedules the deadline again.
    /// </summary>
    private async Task KeepTime()
    {
        var record = state.State.Record!;
        if (record.NextDeadline is { } due)
        {
            var key = this.GetPrimaryKeyString();
            deadlines.Schedule(DeadlineKey, due, grains => grains.GetGrain<IInteractionGrain>(key).CheckDeadlines());
        }
        else
        {
            deadlines.Cancel(DeadlineKey);
        }

        // One reminder from creation until the interaction is over and settled: registered once and removed once, rather
        // than for each offer and wrap-up (each is a storage write of the reminder service, on the routing path).
        var needsReminder = !Settled(record) || record.NextDeadline is not null || state.State.PendingEffects.Count > 0 || Outbox.Waiting.Count > 0 || WaitsInQueue(record)
            || HistoryBehind(record) || !state.State.Indexed;
        if (needsReminder && reminderActive != true)
        {
            await this.RegisterOrUpdateReminder(ReminderName, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
            reminderActive = true;
        }
        else if (!needsReminder && reminderActive != false)
        {
            if (await this.GetReminder(ReminderName) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }

            reminderActive = false;
        }
    }

    /// <summary>Over, with every wrap-up done: nothing can happen to it any more.</summary>
    private static bool Settled(InteractionRecord record) =>
        record.State is InteractionState.WrappedUp or InteractionState.Abandoned or InteractionState.Failed && record.WrapUps.All(w => !w.IsOpen);

    private static bool WaitsInQueue(InteractionRecord record) =>
        record.State == InteractionState.Queued || record.Consult is { Target.Kind: TargetKind.Queue, AgentId: null };

    private string DeadlineKey => "interaction/" + this.GetPrimaryKeyString();
}
