namespace Switchboard.Contracts.Live;

/// <summary>
/// An API host as the silos push live events to it (an observer the host registers with
/// <see cref="ILiveHostRegistryGrain"/>): pushed, an event reaches the host's sockets at once instead of when the stream's
/// queue is next polled. Best effort: the stream still carries every event, and the host keeps whichever copy comes first.
/// </summary>
[Alias("Switchboard.ILiveHost")]
public interface ILiveHost : IGrainObserver
{
    /// <summary>An event of tenant <paramref name="tenantId"/>'s interactions stream (<see cref="LiveStreams.Interactions"/>).</summary>
    [OneWay, Alias("OnInteractionEvent")]
    Task OnInteractionEvent(string tenantId, LiveEvent<InteractionLiveEvent> liveEvent);
}

/// <summary>
/// The cluster's list of API hosts that take pushed live events, and the tenants each follows. Kept in memory: a host
/// renews its entry within <see cref="LiveHostRegistration.Expiry"/> (an entry not renewed is dropped, as is everything
/// when the grain's silo is lost), so a host that died stops being pushed to and a registry that moved fills again.
/// </summary>
[Alias("Switchboard.ILiveHostRegistryGrain")]
public interface ILiveHostRegistryGrain : IGrainWithStringKey
{
    /// <summary>Adds or renews a host's entry, with the tenants whose interaction events it wants pushed now.</summary>
    [Alias("Register")]
    Task Register(LiveHostRegistration registration);

    [Alias("Unregister")]
    Task Unregister(Guid hostId);

    /// <summary>The hosts registered and not expired.</summary>
    [Alias("GetHosts")]
    Task<IReadOnlyList<LiveHostRegistration>> GetHosts();
}

/// <summary>One API host's entry: its observer and the tenants whose interaction events it wants pushed.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.LiveHostRegistration")]
public sealed record LiveHostRegistration(
    [property: Id(0)] Guid HostId,
    [property: Id(1)] ILiveHost Host,
    [property: Id(2)] IReadOnlyList<string> TenantIds)
{
    /// <summary>How long an entry lives without being renewed; hosts renew at a third of it.</summary>
    public static readonly TimeSpan Expiry = TimeSpan.FromSeconds(30);

    /// <summary>The registry's one key.</summary>
    public const string RegistryKey = "live-hosts";
}
