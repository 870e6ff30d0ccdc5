namespace Switchboard.Contracts.Chats;

/// <summary>A tenant's web chat entry points (at most <c>ChatEntryPointRules.MaxEntryPoints</c>). Keyed by tenant id.</summary>
[Alias("Switchboard.IChatEntryPointsGrain")]
public interface IChatEntryPointsGrain : IGrainWithStringKey
{
    /// <summary>Creates it; the same again is <c>AlreadyExists</c>, another with the same id a <c>Conflict</c>.</summary>
    [Alias("Create")]
    Task<ChatEntryPointWrite> Create(string id, string queueId, IReadOnlyList<string> allowedOrigins, string? welcome, CancellationToken cancellationToken = default);

    /// <summary>Replaces its queue, origins and welcome; <c>NotFound</c> when there is none.</summary>
    [Alias("Replace")]
    Task<ChatEntryPointWrite> Replace(string id, string queueId, IReadOnlyList<string> allowedOrigins, string? welcome, CancellationToken cancellationToken = default);

    [Alias("Get"), ReadOnly]
    Task<ChatEntryPoint?> Get(string id, CancellationToken cancellationToken = default);

    /// <summary>All of them, by id.</summary>
    [Alias("List"), ReadOnly]
    Task<IReadOnlyList<ChatEntryPoint>> List(CancellationToken cancellationToken = default);

    /// <summary>Deletes it; false when there was none. Chats opened through it go on.</summary>
    [Alias("Delete")]
    Task<bool> Delete(string id, CancellationToken cancellationToken = default);
}
