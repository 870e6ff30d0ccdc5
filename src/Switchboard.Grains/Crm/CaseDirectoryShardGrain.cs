using Switchboard.Contracts;
using Switchboard.Contracts.Crm;
using Switchboard.Domain.Crm;

namespace Switchboard.Grains.Crm;

/// <summary>One shard of a tenant's case directory: at most <see cref="CaseDirectory.MaxPerShard"/> entries, listed newest first.</summary>
public sealed class CaseDirectoryShardGrain(
    [PersistentState("cases", StorageNames.Default)] IPersistentState<CaseDirectoryShardState> state) : Grain, ICaseDirectoryShardGrain
{
    public async Task<bool> Put(CaseEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var entries = state.State.Entries;
        if (entries.TryGetValue(entry.Number, out var current) && current == entry)
        {
            return true;
        }

        if (current is null && entries.Count >= CaseDirectory.MaxPerShard)
        {
            return false;
        }

        await state.WriteAsync(this, s => s.Entries[entry.Number] = entry);
        return true;
    }

    public Task<IReadOnlyList<CaseEntry>> List(long? before, int limit, CaseFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var entries = state.State.Entries.Values
            .Where(e => (before is null || e.Number < before)
                && (filter.CustomerId is null || e.CustomerId == filter.CustomerId)
                && (filter.Status is null || e.Status == filter.Status)
                && (filter.AssigneeAgentId is null || e.AssigneeAgentId == filter.AssigneeAgentId))
            .OrderByDescending(e => e.Number)
            .Take(Math.Max(limit, 0));
        return Task.FromResult<IReadOnlyList<CaseEntry>>([.. entries]);
    }
}

[GenerateSerializer, Alias("Switchboard.Grains.CaseDirectoryShardState")]
public sealed class CaseDirectoryShardState
{
    [Id(0)] public Dictionary<long, CaseEntry> Entries { get; set; } = [];
}
