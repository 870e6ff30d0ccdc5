using Microsoft.Extensions.Logging;
using Switchboard.Contracts;
using Switchboard.Contracts.Queues;
using Switchboard.Contracts.Reports;
using Switchboard.Contracts.Tenancy;
using Switchboard.Domain.Reports;
using Switchboard.Domain.Tenancy;

namespace Switchboard.Grains.Reports;

/// <summary>
/// A queue's live figures (see <see cref="IQueueFiguresGrain"/>). Nothing is stored: the history is the record, read
/// again on activation and when the tenant's time zone or the queue's thresholds change.
/// </summary>
public sealed partial class QueueFiguresGrain(
    IEventHistoryStore history,
    [FromKeyedServices(SwitchboardClock.ServiceKey)] TimeProvider time,
    ILogger<QueueFiguresGrain> logger) : Grain, IQueueFiguresGrain
{
    /// <summary>The rolling period of the live figures.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(30);

    /// <summary>
    /// How long the time zone and thresholds are reused before they are read again: changes are told at once
    /// (<see cref="SettingsChanged"/>); this catches one whose telling was lost.
    /// </summary>
    internal static readonly TimeSpan SettingsAge = TimeSpan.FromMinutes(5);

    /// <summary>How far past now a rebuild reads: events of a silo whose clock runs a little ahead.</summary>
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(1);

    /// <summary>How soon a read tries again after a refresh failed.</summary>
    internal static readonly TimeSpan RefreshRetry = TimeSpan.FromSeconds(30);

    private string tenantId = "";
    private string queueId = "";
    private string zoneId = TenantSettings.DefaultTimeZone;
    private QueueThresholds thresholds = QueueThresholds.Default;
    private DateTimeOffset settingsReadAt = DateTimeOffset.MinValue;
    private LiveQueueFigures figures = null!;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var parts = GrainKeys.Split(this.GetPrimaryKeyString());
        (tenantId, queueId) = (parts[0], parts[1]);
        await Refresh(force: true, cancellationToken);
    }

    public Task Observe(IReadOnlyList<HistoryEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var now = time.GetUtcNow();
        var changed = false;
        foreach (var e in events)
        {
            changed |= figures.Add(e, now);
        }

        if (changed)
        {
            TellRouter();
        }

        return Task.CompletedTask;
    }

    private IGrainTimer? quiet;
    private bool changedWhileQuiet;

    /// <summary>
    /// Tells the queue (which publishes the figures to consoles at most once a second) that they changed: at once, then
    /// at most once more a second later for whatever changed meanwhile, rather than once per batch of events.
    /// </summary>
    private void TellRouter()
    {
        if (quiet is not null)
        {
            changedWhileQuiet = true;
            return;
        }

        GrainFactory.GetGrain<IQueueRouterGrain>(GrainKeys.Queue(tenantId, queueId)).FiguresChanged().Ignore();
        quiet = this.RegisterGrainTimer(
            () =>
            {
                quiet?.Dispose();
                quiet = null;
                if (changedWhileQuiet)
                {
                    changedWhileQuiet = false;
                    TellRouter();
                }

                return Task.CompletedTask;
            },
            new GrainTimerCreationOptions { DueTime = TellEvery, Period = Timeout.InfiniteTimeSpan });
    }

    /// <summary>How often at most the queue hears that its figures changed: as often as it publishes them.</summary>
    private static readonly TimeSpan TellEvery = TimeSpan.FromSeconds(1);

    public async Task SettingsChanged()
    {
        if (await Refresh(force: false, CancellationToken.None))
        {
            TellRouter();
        }
    }

    public async Task<QueueLiveFigures> Get(CancellationToken cancellationToken = default)
    {
        if (time.GetUtcNow() - settingsReadAt >= SettingsAge)
        {
            try
            {
                await Refresh(force: false, cancellationToken);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                // The figures are still right for the settings they were built with.
                NotRefreshed(logger, exception, tenantId, queueId);
                settingsReadAt = time.GetUtcNow() - SettingsAge + RefreshRetry; // not at every read while the history is down
            }
        }

        var now = time.GetUtcNow();
        var (today, window) = figures.Get(now);
        return new QueueLiveFigures(
            thresholds.ServiceLevelSeconds,
            thresholds.AbandonThresholdSeconds,
            QueueFigures.Of(today, figures.DayStart, now),
            QueueFigures.Of(window, figures.WindowStart(now), now),
            zoneId);
    }

    /// <summary>
    /// Reads the tenant's time zone and the queue's thresholds and, when either changed (or <paramref name="force"/>),
    /// reads today's and the window's events again from the history. Built aside and swapped in whole: a read that
    /// fails leaves the figures and the settings they were built with as they were, to be tried again.
    /// </summary>
    private async Task<bool> Refresh(bool force, CancellationToken cancellationToken)
    {
        var settings = await GrainFactory.GetGrain<ITenantGrain>(tenantId).GetSettings(cancellationToken);
        var queue = await GrainFactory.GetGrain<IQueueGrain>(GrainKeys.Queue(tenantId, queueId)).Get(cancellationToken);
        var limits = queue is null ? QueueThresholds.Default : QueueThresholds.Of(queue.Config.ToSettings());
        var now = time.GetUtcNow();
        if (!force && settings.TimeZone == zoneId && limits == thresholds)
        {
            settingsReadAt = now;
            return false;
        }

        var rebuilt = new LiveQueueFigures(queueId, limits, TimeZones.FindOrUtc(settings.TimeZone), Window);
        await foreach (var e in history.Read(tenantId, rebuilt.ReadFrom(now), now + ClockSkew, new HistoryFilter(QueueId: queueId), cancellationToken))
        {
            rebuilt.Add(e, now);
        }

        (figures, zoneId, thresholds, settingsReadAt) = (rebuilt, settings.TimeZone, limits, now);
        return true;
    }

    [LoggerMessage(16003, LogLevel.Warning, "Queue {TenantId}/{QueueId}: live figures not read again for new settings; the last ones are served and the read is tried again")]
    private static partial void NotRefreshed(ILogger logger, Exception exception, string tenantId, string queueId);
}
