using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Switchboard.Contracts.Live;

namespace Switchboard.Grains.Live;

/// <summary>
/// This silo's view of the API hosts that take pushed live events (<see cref="ILiveHostRegistryGrain"/>), and the push
/// itself: a one-way call to each host following the tenant. The view is read again at most every
/// <see cref="RefreshAfter"/>, in the background, when an event is pushed: a host that just began following a tenant
/// gets its events from the stream until then.
/// </summary>
/// <remarks>
/// A pushed event must not overtake the same grain's previous event while that one is still on its way by the stream
/// alone (a console would see the older change last). So a grain's event is pushed to a host only if its previous
/// event was pushed to that host too, or was published more than <see cref="StreamLagBound"/> ago; a host that starts
/// following a tenant gets a busy grain's events by the stream until the grain pauses that long.
/// </remarks>
public sealed class LiveHostPush(IGrainFactory grains, TimeProvider time, ILogger<LiveHostPush> logger)
{
    public static readonly TimeSpan RefreshAfter = TimeSpan.FromSeconds(1);

    /// <summary>How long after its publication an event is taken to have come by its stream (its lag is ~10 ms when well).</summary>
    public TimeSpan StreamLagBound { get; internal set; } = TimeSpan.FromSeconds(2);

    private readonly ConditionalWeakTable<object, LastPush> lastPushes = [];
    private FrozenDictionary<string, ILiveHost[]> byTenant = FrozenDictionary<string, ILiveHost[]>.Empty;
    private long readAt;
    private volatile bool everRead;
    private int refreshing;

    /// <summary>Pushes the event of <paramref name="source"/> (a grain, on its turn) to the hosts following the tenant that may have it now.</summary>
    public void Push(object source, string tenantId, LiveEvent<InteractionLiveEvent> liveEvent)
    {
        ArgumentNullException.ThrowIfNull(source);
        RefreshWhenDue();
        var hosts = Volatile.Read(ref byTenant).GetValueOrDefault(tenantId) ?? [];
        var now = time.GetTimestamp();
        var last = lastPushes.GetValue(source, static _ => new LastPush());
        var eligible = last.Hosts is not { } before || time.GetElapsedTime(last.At, now) > StreamLagBound
            ? hosts
            : [.. hosts.Where(before.Contains)];
        last.Hosts = eligible;
        last.At = now;
        foreach (var host in eligible)
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

    /// <summary>Reads the registry now (on the next push it would be read only once <see cref="RefreshAfter"/> has passed).</summary>
    public async Task Refresh()
    {
        while (Interlocked.Exchange(ref refreshing, 1) == 1)
        {
            await Task.Yield();
        }

        await Read();
    }

    private void RefreshWhenDue()
    {
        if ((everRead && time.GetElapsedTime(Volatile.Read(ref readAt)) < RefreshAfter) || Interlocked.Exchange(ref refreshing, 1) == 1)
        {
            return;
        }

        // Off the calling grain's turn and context: the read must not wait on, keep alive or be traced as part of the
        // grain that happened to publish.
        using (ExecutionContext.SuppressFlow())
        {
            _ = Task.Run(Read);
        }
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

    /// <summary>Where and when a grain's previous event was pushed (null hosts: this activation has not published yet).</summary>
    private sealed class LastPush
    {
        public ILiveHost[]? Hosts { get; set; }

        public long At { get; set; }
    }
}
