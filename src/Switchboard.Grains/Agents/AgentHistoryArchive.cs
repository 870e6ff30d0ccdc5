using Microsoft.Extensions.Logging;
using Switchboard.Contracts;
using Switchboard.Contracts.Agents;
using Switchboard.Domain.Agents;

namespace Switchboard.Grains.Agents;

/// <summary>
/// An agent's audit trail beyond its own row. The row keeps the newest entries (written with the change that made
/// them, so a change and its entry commit together); once <see cref="BatchSize"/> of them are not yet archived they are
/// copied to history pages, and the next write of the row drops them. Reads go newest first across the row and the pages.
/// Not a grain: the agent grain's helper, living as long as its activation.
/// </summary>
internal sealed class AgentHistoryArchive(IGrainFactory grains, string tenantId, string agentId, ILogger logger)
{
    /// <summary>
    /// How many audit entries the agent row holds before they are copied to a history page. Larger batches mean fewer
    /// page writes per change, at the cost of a row that carries up to this many entries.
    /// </summary>
    internal const int BatchSize = 25;

    /// <summary>
    /// Entries up to this sequence are on history pages but still in the stored row: the next write drops them, which
    /// saves a write per batch. Lost with the activation, they are copied again (page appends are idempotent).
    /// </summary>
    private long archivedNotYetDropped;

    /// <summary>Entries older than <paramref name="before"/> (a sequence), newest first, at most <paramref name="limit"/>.</summary>
    public async Task<StateHistoryPage> Read(AgentGrainState current, long? before, int limit, CancellationToken cancellationToken)
    {
        if (limit <= 0)
        {
            return new StateHistoryPage([], before);
        }

        var upper = Math.Min(before ?? long.MaxValue, current.Version + 1); // exclusive
        var items = current.RecentHistory
            .Where(e => e.Sequence < upper && e.Sequence > current.ArchivedThrough)
            .OrderByDescending(e => e.Sequence)
            .Take(limit)
            .ToList();

        var pageUpper = Math.Min(upper, current.ArchivedThrough + 1); // exclusive
        for (var page = (pageUpper - 2) / IAgentHistoryPageGrain.Size; page >= 0 && pageUpper > 1 && items.Count < limit; page--)
        {
            var entries = await Page(page).GetEntries(cancellationToken);
            items.AddRange(entries.Where(e => e.Sequence < pageUpper).OrderByDescending(e => e.Sequence).Take(limit - items.Count));
        }

        var nextBefore = items.Count == limit && items[^1].Sequence > 1 ? items[^1].Sequence : (long?)null;
        return new StateHistoryPage(items, nextBefore);
    }

    /// <summary>After a stored change: copies the row's entries to history pages once a batch of them is waiting.</summary>
    public Task ArchiveIfDue(AgentGrainState current) =>
        current.RecentHistory.Count(e => e.Sequence > archivedNotYetDropped) >= BatchSize ? Archive(current) : Task.CompletedTask;

    /// <summary>Before a write of the row: leaves out the entries already on history pages.</summary>
    public void DropArchived(AgentGrainState s)
    {
        if (archivedNotYetDropped > s.ArchivedThrough)
        {
            s.ArchivedThrough = archivedNotYetDropped;
            // Entries not yet in the event history stay until they are (appended from the row), and so does the last state
            // change appended: the next one says from it how long the state it leaves lasted.
            var lastChange = s.RecentHistory.Where(e => e.Kind == AuditEntryKind.Transition && e.Sequence <= s.RecordedThrough)
                .Select(e => e.Sequence).DefaultIfEmpty(s.RecordedThrough).Max();
            s.RecentHistory = [.. s.RecentHistory.Where(e => e.Sequence > archivedNotYetDropped || e.Sequence >= lastChange)];
        }
    }

    private async Task Archive(AgentGrainState current)
    {
        var archived = Math.Max(current.ArchivedThrough, archivedNotYetDropped);
        var pending = current.RecentHistory
            .Where(e => e.Sequence > archived)
            .OrderBy(e => e.Sequence)
            .ToList();
        if (pending.Count == 0)
        {
            return;
        }

        try
        {
            foreach (var page in pending.GroupBy(e => (e.Sequence - 1) / IAgentHistoryPageGrain.Size))
            {
                await Page(page.Key).Append([.. page]);
            }

            archivedNotYetDropped = pending[^1].Sequence;
        }
        catch (Exception exception)
        {
            // The change itself is committed and its entries are still in the row: the next change retries.
            AgentLog.ArchiveFailed(logger, exception, tenantId, agentId);
        }
    }

    private IAgentHistoryPageGrain Page(long page) =>
        grains.GetGrain<IAgentHistoryPageGrain>(GrainKeys.AgentHistoryPage(tenantId, agentId, page));
}
