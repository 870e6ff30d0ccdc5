using Microsoft.Extensions.Diagnostics.HealthChecks;
using Switchboard.Contracts.Tenancy;

namespace Switchboard.Api.Hosting;

/// <summary>Ready when a grain call round-trips through the cluster.</summary>
public sealed class ClusterHealthCheck(IGrainFactory grains) : IHealthCheck
{
    private const string ProbeKey = "_health";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await grains.GetGrain<ITenantGrain>(ProbeKey).Get(cancellationToken).WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
            return HealthCheckResult.Healthy("The cluster answers.");
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("The cluster does not answer.", exception);
        }
    }
}
