using Switchboard.Contracts;
using Switchboard.Contracts.Crm;
using Switchboard.Domain.Crm;

namespace Switchboard.Grains.Crm;

/// <summary>One shard of a tenant's task directory: at most <see cref="TaskDirectory.MaxPerShard"/> entries, listed soonest due first.</summary>
public sealed class CrmTaskDirectoryShardGrain(
    [PersistentState("tasks", StorageNames.Default)] IPersistentState<CrmTaskDirectoryShardState> state) : Grain, ICrmTaskDirectoryShardGrain
{
    public async Task<bool> Put(CrmTaskEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var entries = state.State.Entries;
        if (entries.TryGetValue(entry.Id, out var current) && current == entry)
        {
            return true;
        }

        if (current is null && entries.Count >= TaskDirectory.MaxPerShard)
        {
            return false;
        }

        await state.WriteAsync(this, s => s.Entries[entry.Id] = entry);
        return true;
    }

    public async Task Remove(string taskId, CancellationToken cancellationToken = default)
    {
        if (state.State.Entries.ContainsKey(taskId))
        {
            await state.WriteAsync(this, s => s.Entries.Remove(taskId));
        }
    }

    public Task<IReadOnlyList<CrmTaskEntry>> List(CrmTaskPosition? after, int limit, CrmTaskFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var entries = state.State.Entries.Values
            .Where(e => (after is null || CrmTaskPosition.Compare(e, after) > 0)
                && (filter.AssigneeAgentId is null || e.AssigneeAgentId == filter.AssigneeAgentId)
                && (filter.Status is null || e.Status == filter.Status)
                && (filter.CaseNumber is null || e.CaseNumber == filter.CaseNumber)
                && (filter.CustomerId is null || e.CustomerId == filter.CustomerId)
                && (filter.DueBefore is null || e.DueAt < filter.DueBefore))
            .OrderBy(e => e.DueAt)
            .ThenBy(e => e.Id, StringComparer.Ordinal)
            .Take(Math.Max(limit, 0));
        return Task.FromResult<IReadOnlyList<CrmTaskEntry>>([.. entries]);
    }
}

[GenerateSerializer, Alias("Switchboard.Grains.CrmTaskDirectoryShardState")]
public sealed class CrmTaskDirectoryShardState
{
    [Id(0)] public Dictionary<string, CrmTaskEntry> Entries { get; set; } = new(StringComparer.Ordinal);
}
