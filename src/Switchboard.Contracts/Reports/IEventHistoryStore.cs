using Switchboard.Domain.Reports;

namespace Switchboard.Contracts.Reports;

/// <summary>
/// A tenant's event history, partitioned by time: appended at least once, read by time range. An event appended again
/// (same id, same time) is stored once, so a read never returns it twice.
/// </summary>
public interface IEventHistoryStore
{
    /// <summary>Stores the events of one tenant; returns once all of them are durable (as durable as the store).</summary>
    Task Append(string tenantId, IReadOnlyList<HistoryEvent> events, CancellationToken cancellationToken = default);

    /// <summary>
    /// The tenant's events with <paramref name="from"/> &lt;= At &lt; <paramref name="to"/>, oldest first; only those of
    /// the queue or agent when given.
    /// </summary>
    IAsyncEnumerable<HistoryEvent> Read(string tenantId, DateTimeOffset from, DateTimeOffset to, HistoryFilter? filter = null, CancellationToken cancellationToken = default);

    /// <summary>Drops every tenant's events older than <paramref name="before"/> (at the store's granularity: whole partitions or tables).</summary>
    Task Prune(DateTimeOffset before, CancellationToken cancellationToken = default);
}

/// <summary>Which events of a range a read wants: one queue's, one agent's.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.HistoryFilter")]
public sealed record HistoryFilter([property: Id(0)] string? QueueId = null, [property: Id(1)] string? AgentId = null)
{
    public bool Matches(HistoryEvent e) =>
        (QueueId is null || e.QueueId == QueueId) && (AgentId is null || e.AgentId == AgentId);
}
