using Microsoft.Extensions.Logging;

namespace Switchboard.Grains.Scheduling;

/// <summary>
/// Precise, in-memory deadlines on the business clock (offer timeouts, wrap-up limits, overflow): at the due time it
/// calls the grain that asked. One per silo. Timers are not durable: grains that need a deadline to survive a silo
/// failure also hold an Orleans reminder, which wakes them on another silo, where they schedule again.
/// Tests move the fake business clock and the timers fire; nothing sleeps.
/// </summary>
public sealed partial class DeadlineScheduler(
    IGrainFactory grains,
    [FromKeyedServices(SwitchboardClock.ServiceKey)] TimeProvider time,
    ILogger<DeadlineScheduler> logger) : IDisposable
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, ITimer> timers = new(StringComparer.Ordinal);

    /// <summary>
    /// The longest one timer waits: a timer cannot wait more than about 49 days, so a deadline further ahead wakes after
    /// this long and waits again.
    /// </summary>
    private static readonly TimeSpan LongestWait = TimeSpan.FromDays(30);

    /// <summary>Calls <paramref name="fire"/> at <paramref name="at"/> (at once if it has passed), replacing any deadline under this key.</summary>
    public void Schedule(string key, DateTimeOffset at, Func<IGrainFactory, Task> fire)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(fire);
        if (at - time.GetUtcNow() > LongestWait)
        {
            var (deadline, original) = (at, fire);
            at = time.GetUtcNow() + LongestWait;
            fire = _ =>
            {
                Schedule(key, deadline, original);
                return Task.CompletedTask;
            };
        }

        // Registered before it is started, so that a timer due at once finds itself in the table when it fires.
        ITimer? timer = null;
        timer = time.CreateTimer(_ => Fire(key, timer!, fire), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        lock (gate)
        {
            if (timers.Remove(key, out var previous))
            {
                previous.Dispose();
            }

            timers[key] = timer;
        }

        var due = at - time.GetUtcNow();
        timer.Change(due < TimeSpan.Zero ? TimeSpan.Zero : due, Timeout.InfiniteTimeSpan);
    }

    public void Cancel(string key)
    {
        lock (gate)
        {
            if (timers.Remove(key, out var timer))
            {
                timer.Dispose();
            }
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            foreach (var timer in timers.Values)
            {
                timer.Dispose();
            }

            timers.Clear();
        }
    }

    private void Fire(string key, ITimer timer, Func<IGrainFactory, Task> fire)
    {
        lock (gate)
        {
            if (!timers.TryGetValue(key, out var current) || !ReferenceEquals(current, timer))
            {
                return; // replaced or cancelled meanwhile
            }

            timers.Remove(key);
        }

        timer.Dispose();
        _ = RunAsync(key, fire);
    }

    private async Task RunAsync(string key, Func<IGrainFactory, Task> fire)
    {
        try
        {
            await fire(grains).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            // The grain's reminder tries again later; a deadline is never dropped silently.
            DeadlineFailed(logger, exception, key);
        }
    }

    [LoggerMessage(2201, LogLevel.Warning, "Deadline {Key} could not be delivered; the grain's reminder will retry")]
    private static partial void DeadlineFailed(ILogger logger, Exception exception, string key);
}
