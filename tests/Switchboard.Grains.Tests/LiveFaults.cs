using Microsoft.Extensions.DependencyInjection;
using Orleans.Streams;
using Switchboard.Contracts;
using Switchboard.Contracts.Live;
using Switchboard.Grains.Live;

namespace Switchboard.Grains.Tests;

/// <summary>
/// Publish failures the tests want, shared by every silo: the next publishes on one tenant's stream of one kind throw,
/// as a stream whose queue cannot be reached does. Tests scope them with their own fresh tenant id.
/// </summary>
public sealed class LiveFaults
{
    private readonly Lock gate = new();
    private readonly Dictionary<(string Kind, string TenantId), int> failing = [];

    /// <summary>Fails the next <paramref name="count"/> publishes on stream <paramref name="kind"/> of <paramref name="tenantId"/>.</summary>
    public void Fail(string kind, string tenantId, int count = int.MaxValue)
    {
        lock (gate)
        {
            failing[(kind, tenantId)] = count;
        }
    }

    /// <summary>Lets publishing on that stream work again.</summary>
    public void Heal(string kind, string tenantId)
    {
        lock (gate)
        {
            failing.Remove((kind, tenantId));
        }
    }

    /// <summary>How many publishes were failed on that stream.</summary>
    public int Failed(string kind, string tenantId)
    {
        lock (gate)
        {
            return failed.GetValueOrDefault((kind, tenantId));
        }
    }

    private readonly Dictionary<(string Kind, string TenantId), int> failed = [];

    internal void ThrowIfFails(string kind, string tenantId)
    {
        lock (gate)
        {
            if (failing.TryGetValue((kind, tenantId), out var left) && left > 0)
            {
                failing[(kind, tenantId)] = left - 1;
                failed[(kind, tenantId)] = failed.GetValueOrDefault((kind, tenantId)) + 1;
                throw new InjectedStorageFaultException($"Injected publish failure on {kind}/{tenantId}.");
            }
        }
    }
}

/// <summary>The silo's live publisher, which fails the publishes <see cref="LiveFaults"/> asks for.</summary>
internal sealed class FaultInjectingLivePublisher(IServiceProvider services, LiveFaults faults) : ILivePublisher
{
    public Task Publish<T>(Grain source, string kind, string tenantId, LiveEvent<T> liveEvent)
    {
        faults.ThrowIfFails(kind, tenantId);
        return new StreamLivePublisher(services, services.GetRequiredService<LiveHostPush>()).Publish(source, kind, tenantId, liveEvent);
    }
}
