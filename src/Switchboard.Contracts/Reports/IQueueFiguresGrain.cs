using Switchboard.Domain.Reports;

namespace Switchboard.Contracts.Reports;

/// <summary>
/// A queue's live figures, counted from the event history: rebuilt from it when activated, then kept up by the events
/// the history writer hands on once they are stored. Keyed like the queue (<c>{tenantId}/{queueId}</c>).
/// </summary>
[Alias("Switchboard.IQueueFiguresGrain")]
public interface IQueueFiguresGrain : IGrainWithStringKey
{
    /// <summary>Events of this queue just stored in the history (an event seen before is kept once).</summary>
    [Alias("Observe"), OneWay]
    Task Observe(IReadOnlyList<HistoryEvent> events);

    [Alias("Get")]
    Task<QueueLiveFigures> Get(CancellationToken cancellationToken = default);

    /// <summary>The tenant's time zone or the queue's thresholds may have changed: read them, and count again if they did.</summary>
    [Alias("SettingsChanged"), OneWay]
    Task SettingsChanged();
}
