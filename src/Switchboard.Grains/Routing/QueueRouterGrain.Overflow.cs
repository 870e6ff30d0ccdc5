using Switchboard.Contracts;
using Switchboard.Contracts.Queues;
using Switchboard.Domain.Routing;

namespace Switchboard.Grains.Routing;

/// <summary>
/// Overflow: work that waits longer than the queue's limit moves to its overflow queue, on the business clock, with a
/// reminder that outlives a silo failure while work waits.
/// </summary>
public sealed partial class QueueRouterGrain
{
    private const string ReminderName = "queue-overflow";

    /// <summary>Waiting work that would not move to the overflow queue (a consult, or the target is gone): it stays.</summary>
    private readonly HashSet<string> overflowRefused = new(StringComparer.Ordinal);

    private bool reminderActive;

    public async Task CheckDeadlines(CancellationToken cancellationToken = default)
    {
        if (config?.Overflow is not { } overflow)
        {
            await KeepTime();
            return;
        }

        var now = time.GetUtcNow();
        var due = waiting.Items.Where(w => OverflowAt(w, overflow) is { } at && at <= now).ToList();
        var target = due.Count > 0 ? await GrainFactory.GetGrain<IQueueRouterGrain>(GrainKeys.Queue(tenantId, overflow.QueueId)).GetPolicy(cancellationToken) : null;
        if (due.Count > 0 && (target is null || target.Media != config.Media))
        {
            // The overflow queue is gone, or carries another medium now: the work stays here rather than go where
            // nobody can take it (a chat among calls would be refused by every agent and hold the queue up).
            RouterLog.OverflowTargetMissing(logger, tenantId, queueId, overflow.QueueId);
            overflowRefused.UnionWith(due.Select(w => w.InteractionId));
            due.Clear();
        }

        foreach (var work in due)
        {
            // Handed on first; it leaves this queue only once the interaction took the move (a consult waiting here,
            // or work no longer waiting, does not move: a consult stays, and stale work is dropped by the next offer).
            if (await Interaction(work.InteractionId).MoveToQueue(queueId, overflow.QueueId, cancellationToken))
            {
                Forget(work.InteractionId);
                await Save();
            }
            else
            {
                overflowRefused.Add(work.InteractionId);
                RouterLog.OverflowSkipped(logger, tenantId, queueId, work.InteractionId);
            }
        }

        await KeepTime();
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        reminderActive = true;
        await CheckDeadlines();
        SelfDispatch();
        if (config?.Overflow is null || waiting.Count == 0)
        {
            if (await this.GetReminder(ReminderName) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }

            reminderActive = false;
        }
    }

    /// <summary>The next overflow on the business clock, and a reminder while work waits, so that overflow survives a silo failure.</summary>
    private async Task KeepTime()
    {
        var next = config?.Overflow is { } overflow ? waiting.Items.Select(w => OverflowAt(w, overflow)).Where(at => at is not null).Min() : null;
        if (next is { } due)
        {
            var key = this.GetPrimaryKeyString();
            deadlines.Schedule(DeadlineKey, due, grains => grains.GetGrain<IQueueRouterGrain>(key).CheckDeadlines());
        }
        else
        {
            deadlines.Cancel(DeadlineKey);
        }

        // Only overflow needs the router woken after a silo failure (queued interactions re-confirm themselves, and
        // agents' notices wake it for offers). Registered when work waits in a queue with overflow; removed lazily, by a
        // tick that finds nothing to wait for, so that a queue emptying and filling does not write the reminder each time.
        if (next is not null && !reminderActive)
        {
            await this.RegisterOrUpdateReminder(ReminderName, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
            reminderActive = true;
        }
    }

    /// <summary>When waiting work overflows: its wait limit counted from its arrival in this queue; null if it does not.</summary>
    private DateTimeOffset? OverflowAt(WaitingWork work, QueueOverflowConfig overflow) =>
        overflowRefused.Contains(work.InteractionId) ? null : arrivedAt.GetValueOrDefault(work.InteractionId, work.EnqueuedAt).AddSeconds(overflow.AfterSeconds);

    private string DeadlineKey => "queue/" + this.GetPrimaryKeyString();
}
