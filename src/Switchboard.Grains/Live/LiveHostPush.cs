using System.Collections.Frozen;
using Microsoft.Extensions.Logging;
using Switchboard.Contracts.Live;

namespace Switchboard.Grains.Live;

/// <summary>
/// This silo's view of the API hosts that take pushed live events (<see cref="ILiveHostRegistryGrain"/>), and the push
/// itself: a one-way call to each host following the tenant. The view is read again at most every
/// <see cref="RefreshAfter"/>, in the background, when an event is pushed: a host that just began following a tenant
/// gets its events from the stream until then.
/// </summary>
public sealed class LiveHostPush(IGrainFactory grains, TimeProvider time, ILogger<LiveHostPush> logger)
{
    public static readonly TimeSpan RefreshAfter = TimeSpan.FromSeconds(1);

    private FrozenDictionary<string, ILiveHost[]> byTenant = FrozenDictionary<string, ILiveHost[]>.Empty;
    private long readAt;
    private volatile bool everRead;
    private int refreshing;

    public void Push(string tenantId, LiveEvent<InteractionLiveEvent> liveEvent)
    {
        RefreshWhenDue();
        if (!Volatile.Read(ref byTenant).TryGetValue(tenantId, out var hosts))
        {
            return;
        }

        foreach (var host in hosts)
        {
            try
            {
                // One way: the call returns once the message is on its way; the stream is there should it not arrive.
                host.OnInteractionEvent(tenantId, liveEvent).Ignore();
            }
            catch (Exception exception)
            {
                LiveLog.PushFailed(logger, exception, tenantId);
            }
        }
    }

    private void RefreshWhenDue()
    {
        if ((everRead && time.GetElapsedTime(Volatile.Read(ref readAt)) < RefreshAfter) || Interlocked.Exchange(ref refreshing, 1) == 1)
        {
            return;
        }

        // Off the calling grain's turn: the read must not wait on, or keep alive, the grain that happened to publish.
        _ = Task.Run(Read);
    }

    /// <summary>Reads the registry now (on the next push it would be read only once <see cref="RefreshAfter"/> has passed).</summary>
    public async Task Refresh()
    {
        while (Interlocked.Exchange(ref refreshing, 1) == 1)
        {
            await Task.Yield();
        }

        await Read();
    }

    private async Task Read()
    {
        try
        {
            var hosts = await grains.GetGrain<ILiveHostRegistryGrain>(LiveHostRegistration.RegistryKey).GetHosts();
            Volatile.Write(ref byTenant, hosts
                .SelectMany(h => h.TenantIds.Select(t => (Tenant: t, h.Host)))
                .GroupBy(p => p.Tenant, StringComparer.Ordinal)
                .ToFrozenDictionary(g => g.Key, g => g.Select(p => p.Host).ToArray(), StringComparer.Ordinal));
        }
        catch (Exception exception)
        {
            // Pushed to whom it knew; the stream carries every event meanwhile.
            LiveLog.HostsUnread(logger, exception);
        }
        finally
        {
            Volatile.Write(ref readAt, time.GetTimestamp());
            everRead = true;
            Volatile.Write(ref refreshing, 0);
        }
    }
}
