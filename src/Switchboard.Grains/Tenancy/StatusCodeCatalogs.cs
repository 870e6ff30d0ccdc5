using System.Collections.Concurrent;
using System.Diagnostics;
using Switchboard.Contracts.Tenancy;
using Switchboard.Domain.Agents;
using Switchboard.Domain.Tenancy;

namespace Switchboard.Grains.Tenancy;

/// <summary>
/// Each tenant's status codes as this silo's agents check them on every state change, leased from the tenant
/// (<see cref="ITenantGrain.LeaseStatusCodes"/>) instead of read on every change. A copy is used only for as long as the
/// tenant allows, counted from the moment its read began; the tenant waits that long before it acknowledges a change of
/// its codes (<see cref="TenantGrain.SetStatusCodes"/>), so a state change that starts after the acknowledgement never
/// uses the codes from before it.
/// </summary>
public sealed class StatusCodeCatalogs(IGrainFactory grains)
{
    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);

    public async ValueTask<StatusCodeCatalog> GetAsync(string tenantId, CancellationToken cancellationToken)
    {
        var readStarted = Stopwatch.GetTimestamp();
        if (entries.TryGetValue(tenantId, out var entry) && readStarted < entry.TrustedUntil)
        {
            return entry.Catalog;
        }

        var lease = await grains.GetGrain<ITenantGrain>(tenantId).LeaseStatusCodes(cancellationToken);
        var catalog = new StatusCodeCatalog(lease.Items.Select(c => new StatusCodeDefinition(c.Code, c.Label, c.States)));
        if (lease.TrustFor > TimeSpan.Zero)
        {
            entries[tenantId] = new Entry(catalog, readStarted + (long)(lease.TrustFor.TotalSeconds * Stopwatch.Frequency));
        }

        return catalog;
    }

    private sealed record Entry(StatusCodeCatalog Catalog, long TrustedUntil);
}
