using Switchboard.Contracts;
using Switchboard.Contracts.Queues;
using Switchboard.Contracts.Reports;
using Switchboard.Contracts.Tenancy;
using Switchboard.Domain.Reports;
using Switchboard.Domain.Tenancy;
using Switchboard.Grains.Routing;

namespace Switchboard.Grains.Reports;

/// <summary>
/// A queue's live figures (see <see cref="IQueueFiguresGrain"/>). Nothing is stored: the history is the record, read
/// again on activation, when the day changes the tenant's time zone or the queue's thresholds change.
/// </summary>
public sealed class QueueFiguresGrain(
    IEventHistoryStore history,
    [FromKeyedServices(SwitchboardClock.ServiceKey)] TimeProvider time) : Grain, IQueueFiguresGrain
{
    /// <summary>The rolling period of the live figures.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(30);

    /// <summary>How long the time zone and thresholds are reused before they are read again.</summary>
    internal static readonly TimeSpan SettingsAge = TimeSpan.FromSeconds(30);

    /// <summary>How far past now a rebuild reads: events of a silo whose clock runs a little ahead.</summary>
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(1);

    private string tenantId = "";
    private string queueId = "";
    private string zoneId = TenantSettings.DefaultTimeZone;
    private TimeZoneInfo zone = TimeZoneInfo.Utc;
    private QueueThresholds thresholds = QueueThresholds.Default;
    private DateTimeOffset settingsReadAt = DateTimeOffset.MinValue;

    private DateTimeOffset dayStart;
    private DateTimeOffset dayEnd;
    private QueueTally today = new(QueueThresholds.Default);

    /// <summary>The events of the rolling window, and the ids of every event kept (today's and the window's).</summary>
    private readonly List<HistoryEvent> recent = [];
    private readonly Dictionary<string, DateTimeOffset> seen = new(StringComparer.Ordinal);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var parts = GrainKeys.Split(this.GetPrimaryKeyString());
        (tenantId, queueId) = (parts[0], parts[1]);
        await ReadSettings(cancellationToken);
        await Rebuild(cancellationToken);
    }

    public Task Observe(IReadOnlyList<HistoryEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        Roll(time.GetUtcNow());
        var changed = false;
        foreach (var e in events)
        {
            changed |= Add(e);
        }

        if (changed)
        {
            GrainFactory.GetGrain<IQueueRouterGrain>(GrainKeys.Queue(tenantId, queueId)).FiguresChanged().Ignore();
        }

        return Task.CompletedTask;
    }

    public async Task<QueueLiveFigures> Get(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        if (now - settingsReadAt >= SettingsAge && await ReadSettings(cancellationToken))
        {
            await Rebuild(cancellationToken);
        }

        Roll(now);
        var windowStart = now - Window;
        recent.RemoveAll(e => e.At < windowStart);
        var window = new QueueTally(thresholds);
        foreach (var e in recent)
        {
            window.Add(e);
        }

        return new QueueLiveFigures(
            thresholds.ServiceLevelSeconds,
            thresholds.AbandonThresholdSeconds,
            QueueFigures.Of(today, dayStart, now),
            QueueFigures.Of(window, windowStart, now),
            zoneId);
    }

    /// <summary>Counts an event not seen before that falls today or in the window; whether it did.</summary>
    private bool Add(HistoryEvent e)
    {
        var windowStart = time.GetUtcNow() - Window;
        if (e.QueueId != queueId || !QueueTally.Counts(e) || (e.At < dayStart && e.At < windowStart) || !seen.TryAdd(e.Id, e.At))
        {
            return false;
        }

        if (e.At >= dayStart && e.At < dayEnd)
        {
            today.Add(e);
        }

        if (e.At >= windowStart)
        {
            recent.Add(e);
        }

        return true;
    }

    /// <summary>At midnight (the tenant's): a new day's figures from zero, and the ids of neither today nor the window forgotten.</summary>
    private void Roll(DateTimeOffset now)
    {
        if (now < dayEnd)
        {
            return;
        }

        StartDay(now);
        var keepFrom = dayStart < now - Window ? dayStart : now - Window;
        foreach (var old in seen.Where(s => s.Value < keepFrom).Select(s => s.Key).ToList())
        {
            seen.Remove(old);
        }

        foreach (var e in recent.Where(e => e.At >= dayStart))
        {
            today.Add(e);
        }
    }

    private void StartDay(DateTimeOffset now)
    {
        dayStart = ReportCalendar.StartOfDay(now, zone);
        dayEnd = ReportCalendar.Periods(dayStart, dayStart.AddTicks(1), ReportInterval.Day, zone)[0].End;
        today = new QueueTally(thresholds);
    }

    /// <summary>Today's and the window's events, read again from the history.</summary>
    private async Task Rebuild(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        StartDay(now);
        recent.Clear();
        seen.Clear();
        var from = dayStart < now - Window ? dayStart : now - Window;
        await foreach (var e in history.Read(tenantId, from, now + ClockSkew, new HistoryFilter(QueueId: queueId), cancellationToken))
        {
            Add(e);
        }
    }

    /// <summary>The tenant's time zone and the queue's thresholds; whether either changed.</summary>
    private async Task<bool> ReadSettings(CancellationToken cancellationToken)
    {
        var settings = await GrainFactory.GetGrain<ITenantGrain>(tenantId).GetSettings(cancellationToken);
        var queue = await GrainFactory.GetGrain<IQueueGrain>(GrainKeys.Queue(tenantId, queueId)).Get(cancellationToken);
        var read = queue is null ? QueueThresholds.Default : QueueThresholds.Of(queue.Config.ToSettings());
        settingsReadAt = time.GetUtcNow();
        var changed = settings.TimeZone != zoneId || read != thresholds;
        zoneId = settings.TimeZone;
        zone = TimeZones.FindOrUtc(zoneId);
        thresholds = read;
        return changed;
    }
}
