using System.Collections.Concurrent;
using System.Diagnostics;
using Switchboard.Contracts.Tenancy;
using Switchboard.Domain.Routing;
using Switchboard.Domain.Tenancy;

namespace Switchboard.Grains.Tenancy;

/// <summary>
/// Each tenant's rules as this silo's agents check them (status codes on every state change, the utilization rule on
/// every offer), leased from the tenant (<see cref="ITenantGrain.LeasePolicies"/>) instead of read every time. A copy is
/// used only for as long as the tenant allows, counted from the moment its read began; the tenant waits that long before
/// it acknowledges a change (<see cref="TenantGrain.SetStatusCodes"/>, <see cref="TenantGrain.SetUtilization"/>), so a
/// decision that starts after the acknowledgement never uses the rules from before it.
/// </summary>
public sealed class TenantPolicies(IGrainFactory grains)
{
    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);

    public async ValueTask<TenantPolicy> GetAsync(string tenantId, CancellationToken cancellationToken)
    {
        var readStarted = Stopwatch.GetTimestamp();
        if (entries.TryGetValue(tenantId, out var entry) && readStarted < entry.TrustedUntil)
        {
            return entry.Policy;
        }

        var lease = await grains.GetGrain<ITenantGrain>(tenantId).LeasePolicies(cancellationToken);
        var policy = new TenantPolicy(
            new StatusCodeCatalog(lease.Items.Select(c => new StatusCodeDefinition(c.Code, c.Label, c.States))),
            lease.Utilization.ToDomain());
        if (lease.TrustFor > TimeSpan.Zero)
        {
            entries[tenantId] = new Entry(policy, readStarted + (long)(lease.TrustFor.TotalSeconds * Stopwatch.Frequency));
        }

        return policy;
    }

    private sealed record Entry(TenantPolicy Policy, long TrustedUntil);
}

/// <summary>A tenant's rules for its agents: the status codes and which work blocks which.</summary>
public sealed record TenantPolicy(StatusCodeCatalog StatusCodes, UtilizationRule Utilization);

/// <summary>The wire form of the utilization rule to the domain's; null is the default rule.</summary>
public static class UtilizationMapping
{
    public static UtilizationRule ToDomain(this UtilizationSettings? settings) =>
        settings is null ? UtilizationRule.Default : new UtilizationRule(settings.VoiceBlocksOthers, settings.OthersBlockVoice);
}
