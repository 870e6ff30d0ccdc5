using Microsoft.Extensions.Logging;
using Switchboard.Contracts;
using Switchboard.Contracts.Reports;
using Switchboard.Domain.Reports;

namespace Switchboard.Grains.Reports;

/// <summary>
/// Appends grains' history events to the store, a silo's worth at a time: what grains hand over while a write is under
/// way goes into the next one (one write per tenant and partition for many changes). Once stored, the events a queue's
/// figures count are handed to its <see cref="IQueueFiguresGrain"/>.
/// </summary>
public sealed partial class EventHistoryWriter(IEventHistoryStore store, IGrainFactory grains, ILogger<EventHistoryWriter> logger)
{
    private readonly Lock gate = new();
    private List<Pending> pending = [];
    private bool writing;

    /// <summary>Completes once the events are stored; fails (the caller keeps them and tries again later) if they are not.</summary>
    public Task Append(string tenantId, IReadOnlyList<HistoryEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            return Task.CompletedTask;
        }

        var item = new Pending(tenantId, events, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        bool start;
        lock (gate)
        {
            pending.Add(item);
            start = !writing;
            writing = true;
        }

        if (start)
        {
            // Off the calling grain's turn: the writes serve every grain of the silo.
            _ = Task.Run(WriteWaiting);
        }

        return item.Stored.Task;
    }

    private async Task WriteWaiting()
    {
        while (true)
        {
            List<Pending> batch;
            lock (gate)
            {
                if (pending.Count == 0)
                {
                    writing = false;
                    return;
                }

                (batch, pending) = (pending, []);
            }

            try
            {
                await Task.WhenAll(batch.GroupBy(p => p.TenantId, StringComparer.Ordinal).Select(Write));
            }
            catch (Exception exception)
            {
                // Never left writing with appenders waiting: whatever failed outside a write fails its appenders.
                foreach (var item in batch)
                {
                    item.Stored.TrySetException(exception);
                }
            }
        }
    }

    private async Task Write(IGrouping<string, Pending> tenant)
    {
        var events = tenant.SelectMany(p => p.Events).ToList();
        try
        {
            await store.Append(tenant.Key, events).WaitAsync(WriteTimeout);
        }
        catch (Exception exception)
        {
            AppendFailed(logger, exception, tenant.Key, events.Count);
            foreach (var item in tenant)
            {
                item.Stored.TrySetException(exception);
            }

            return;
        }

        try
        {
            Notify(tenant.Key, events);
        }
        catch (Exception exception)
        {
            // The figures catch up from the history when next activated; the appends themselves are stored.
            NotifyFailed(logger, exception, tenant.Key);
        }

        foreach (var item in tenant)
        {
            item.Stored.TrySetResult();
        }
    }

    /// <summary>How long one tenant's write may take before its appenders are told it failed (they keep their events).</summary>
    internal static readonly TimeSpan WriteTimeout = TimeSpan.FromSeconds(30);

    private void Notify(string tenantId, List<HistoryEvent> events)
    {
        // Handed on before the appending grains go on: figures read right after a change has been acknowledged hear of it
        // first. One way: should this be lost, the figures catch up from the history when they are next activated.
        foreach (var queue in events.Where(QueueTally.Counts).GroupBy(e => e.QueueId!, StringComparer.Ordinal))
        {
            grains.GetGrain<IQueueFiguresGrain>(GrainKeys.Queue(tenantId, queue.Key)).Observe([.. queue]).Ignore();
        }
    }

    [LoggerMessage(16002, LogLevel.Warning, "History of tenant {TenantId}: its queues' live figures not told of stored events; they read them again when next activated")]
    private static partial void NotifyFailed(ILogger logger, Exception exception, string tenantId);

    private sealed record Pending(string TenantId, IReadOnlyList<HistoryEvent> Events, TaskCompletionSource Stored);

    [LoggerMessage(16001, LogLevel.Warning, "History of tenant {TenantId}: {Count} events not stored; their grains keep them and try again")]
    private static partial void AppendFailed(ILogger logger, Exception exception, string tenantId, int count);
}
