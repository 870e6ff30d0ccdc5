using Switchboard.Contracts;
using Switchboard.Contracts.Crm;
using Switchboard.Domain.Crm;

namespace Switchboard.Grains.Crm;

/// <summary>
/// One shard of a tenant's customer directory: at most <see cref="CustomerDirectory.MaxPerShard"/> entries, kept in
/// id order, listed and searched by name and company.
/// </summary>
public sealed class CustomerDirectoryShardGrain(
    [PersistentState("customers", StorageNames.Default)] IPersistentState<CustomerDirectoryShardState> state) : Grain, ICustomerDirectoryShardGrain
{
    public async Task<bool> Put(CustomerEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var entries = state.State.Entries;
        if (entries.TryGetValue(entry.Id, out var current) && current == entry)
        {
            return true;
        }

        if (current is null && entries.Count >= CustomerDirectory.MaxPerShard)
        {
            return false;
        }

        await state.WriteAsync(this, s => s.Entries[entry.Id] = entry);
        return true;
    }

    public Task Remove(string customerId, CancellationToken cancellationToken = default) =>
        state.State.Entries.ContainsKey(customerId) ? state.WriteAsync(this, s => s.Entries.Remove(customerId)) : Task.CompletedTask;

    public Task<IReadOnlyList<CustomerEntry>> List(string? after, int limit, string? query, CancellationToken cancellationToken = default)
    {
        IEnumerable<CustomerEntry> entries = state.State.Entries.Values.OrderBy(e => e.Id, StringComparer.Ordinal);
        if (after is not null)
        {
            entries = entries.Where(e => string.CompareOrdinal(e.Id, after) > 0);
        }

        if (query is not null)
        {
            entries = entries.Where(e => CustomerRules.Matches(query, e.Name, e.Company));
        }

        return Task.FromResult<IReadOnlyList<CustomerEntry>>([.. entries.Take(Math.Max(limit, 0))]);
    }
}

[GenerateSerializer, Alias("Switchboard.Grains.CustomerDirectoryShardState")]
public sealed class CustomerDirectoryShardState
{
    [Id(0)] public Dictionary<string, CustomerEntry> Entries { get; set; } = [];
}
