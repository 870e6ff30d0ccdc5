using Microsoft.Extensions.Logging;
using Switchboard.Contracts.Live;

namespace Switchboard.Grains.Live;

/// <summary>
/// A grain's live events of stored changes that are not yet on their stream, in order. Each is published before any
/// later one, and kept (and stored by its grain) until its stream has taken it, so that a failed publish or a silo lost
/// between storing a change and publishing it delays its event but never loses it. Ids are stable
/// (<see cref="LivePublishing.EventId"/>): an event published twice is kept once by sockets and webhook endpoints.
/// </summary>
internal sealed class LiveOutbox<T>(string kind)
{
    private readonly List<LiveEvent<T>> waiting = [];

    /// <summary>The events not yet published, oldest first.</summary>
    public IReadOnlyList<LiveEvent<T>> Waiting => waiting;

    /// <summary>
    /// Adds an event after those waiting, unless it waits already. Past <see cref="MaxWaiting"/> (a stream down for long)
    /// the oldest is dropped and logged, so that what the grain stores stays bounded and its changes keep being stored.
    /// </summary>
    public void Add(LiveEvent<T> liveEvent, ILogger logger, string tenantId)
    {
        ArgumentNullException.ThrowIfNull(liveEvent);
        if (!waiting.Exists(e => e.Id == liveEvent.Id))
        {
            waiting.Add(liveEvent);
        }

        if (waiting.Count > MaxWaiting)
        {
            LiveLog.UnpublishedDropped(logger, kind, tenantId, waiting[0].Id);
            waiting.RemoveAt(0);
        }
    }

    /// <summary>The most events a grain keeps waiting.</summary>
    public const int MaxWaiting = 20;

    /// <summary>
    /// Publishes the waiting events in order, stopping at the first that fails (logged); whether none waits any more.
    /// After a failure, <paramref name="retry"/> (which should flush again) runs on a timer of the grain's unless
    /// something else flushes first.
    /// </summary>
    public async Task<bool> Flush(Grain grain, string tenantId, ILogger logger, Func<Task> retry)
    {
        ArgumentNullException.ThrowIfNull(grain);
        ArgumentNullException.ThrowIfNull(retry);
        var publisher = LivePublishing.Publisher(grain);
        while (waiting.Count > 0)
        {
            try
            {
                await publisher.Publish(grain, kind, tenantId, waiting[0]);
            }
            catch (Exception exception)
            {
                LiveLog.PublishDelayed(logger, exception, kind, tenantId, waiting.Count);
                // Kept alive by it: an idle grain would otherwise be collected with its events waiting until it is next used.
                retryTimer ??= grain.RegisterGrainTimer(
                    _ =>
                    {
                        retryTimer?.Dispose();
                        retryTimer = null;
                        return retry();
                    },
                    new GrainTimerCreationOptions { DueTime = RetryAfter, Period = Timeout.InfiniteTimeSpan, KeepAlive = true });
                return false;
            }

            waiting.RemoveAt(0);
        }

        return true;
    }

    /// <summary>How long after a failed publish it is tried again when nothing else tries first.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    private IGrainTimer? retryTimer;
}
