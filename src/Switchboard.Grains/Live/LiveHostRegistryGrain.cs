using Switchboard.Contracts.Live;

namespace Switchboard.Grains.Live;

/// <summary>
/// The API hosts that take pushed live events (<see cref="ILiveHostRegistryGrain"/>). In memory only: hosts renew their
/// entries, so a registry activated again after its silo was lost is full again within one renewal.
/// </summary>
public sealed class LiveHostRegistryGrain(TimeProvider time) : Grain, ILiveHostRegistryGrain
{
    private readonly LiveHostDirectory directory = new(time);

    public Task Register(LiveHostRegistration registration)
    {
        directory.Register(registration);
        return Task.CompletedTask;
    }

    public Task Unregister(Guid hostId)
    {
        directory.Unregister(hostId);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<LiveHostRegistration>> GetHosts() => Task.FromResult(directory.Current());
}

/// <summary>The registry's entries: each host's latest registration, until it goes <see cref="LiveHostRegistration.Expiry"/> without renewal.</summary>
public sealed class LiveHostDirectory(TimeProvider time)
{
    private readonly Dictionary<Guid, (LiveHostRegistration Registration, long RenewedAt)> hosts = [];

    public void Register(LiveHostRegistration registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        hosts[registration.HostId] = (registration, time.GetTimestamp());
    }

    public void Unregister(Guid hostId) => hosts.Remove(hostId);

    /// <summary>The registrations renewed within <see cref="LiveHostRegistration.Expiry"/>; older ones are dropped.</summary>
    public IReadOnlyList<LiveHostRegistration> Current()
    {
        var now = time.GetTimestamp();
        foreach (var expired in hosts.Where(h => time.GetElapsedTime(h.Value.RenewedAt, now) > LiveHostRegistration.Expiry).Select(h => h.Key).ToList())
        {
            hosts.Remove(expired);
        }

        return [.. hosts.Values.Select(h => h.Registration)];
    }
}
