using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Switchboard.Hosting;

/// <summary>
/// Watches the cluster of an embedded silo, whose grain state and live-event queues are in its own process memory: a
/// silo that joins it could not see them, so grains activated there would start empty and their events would never be
/// delivered. Such a silo is reported at once, as a critical error naming it.
/// </summary>
public sealed partial class SoleSiloGuard(IClusterMembershipService membership, ILocalSiloDetails self, ILogger<SoleSiloGuard> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reported = new HashSet<SiloAddress>();
        try
        {
            await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(stoppingToken))
            {
                foreach (var other in OtherActiveSilos(snapshot, self.SiloAddress).Where(reported.Add))
                {
                    AnotherSiloJoined(logger, other);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    /// <summary>The silos other than <paramref name="self"/> that the snapshot shows active (or joining).</summary>
    public static IEnumerable<SiloAddress> OtherActiveSilos(ClusterMembershipSnapshot snapshot, SiloAddress self)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return snapshot.Members.Values
            .Where(m => !m.SiloAddress.Equals(self) && m.Status is SiloStatus.Active or SiloStatus.Joining or SiloStatus.Created)
            .Select(m => m.SiloAddress);
    }

    [LoggerMessage(9501, LogLevel.Critical,
        "Silo {Silo} joined the cluster of an embedded host, which keeps grain state and live events in its own process memory where other silos cannot see them: state may be lost and events not delivered. Run several silos as separate processes (the silo project) instead.")]
    private static partial void AnotherSiloJoined(ILogger logger, SiloAddress silo);
}
