using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Options;
using Switchboard.Contracts.Tenancy;
using Switchboard.Domain.Agents;
using Switchboard.Domain.Tenancy;

namespace Switchboard.Grains.Tenancy;

/// <summary>
/// Each tenant's status codes as this silo's agents check them on every state change, read from the tenant at most once
/// per <see cref="TenancyOptions.StatusCodeCache"/> instead of once per change. A copy is trusted only for that long
/// from the moment its read began, and the tenant acknowledges a change of its codes only once that long has passed
/// (<see cref="TenantGrain.SetStatusCodes"/>): after the acknowledgement no silo still holds the codes from before.
/// </summary>
public sealed class StatusCodeCatalogs(IGrainFactory grains, IOptions<TenancyOptions> options)
{
    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);

    public async ValueTask<StatusCodeCatalog> GetAsync(string tenantId, CancellationToken cancellationToken)
    {
        var readStarted = Stopwatch.GetTimestamp();
        if (entries.TryGetValue(tenantId, out var entry) && readStarted < entry.TrustedUntil)
        {
            return entry.Catalog;
        }

        var codes = await grains.GetGrain<ITenantGrain>(tenantId).GetStatusCodes(cancellationToken);
        var catalog = new StatusCodeCatalog(codes.Select(c => new StatusCodeDefinition(c.Code, c.Label, c.States)));
        var lifetime = options.Value.StatusCodeCache;
        if (lifetime > TimeSpan.Zero)
        {
            entries[tenantId] = new Entry(catalog, readStarted + (long)(lifetime.TotalSeconds * Stopwatch.Frequency));
        }

        return catalog;
    }

    private sealed record Entry(StatusCodeCatalog Catalog, long TrustedUntil);
}
