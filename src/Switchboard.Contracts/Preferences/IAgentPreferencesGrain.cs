namespace Switchboard.Contracts.Preferences;

/// <summary>
/// An agent's status-view preferences: its favorites (pinned by the agent) and its recents (recorded by interactions).
/// Keyed like the agent (<see cref="GrainKeys.Agent"/>). Calls no other grain, so anyone may call it without a cycle.
/// </summary>
[Alias("Switchboard.IAgentPreferencesGrain")]
public interface IAgentPreferencesGrain : IGrainWithStringKey
{
    /// <summary>The most favorites an agent may have (a console list, not a phone book).</summary>
    const int MaxFavorites = 100;

    /// <summary>How many recent queues, and how many recent agents, are kept.</summary>
    const int MaxRecents = 20;

    /// <summary>All favorites, newest first.</summary>
    [Alias("GetFavorites"), ReadOnly]
    Task<IReadOnlyList<FavoriteEntry>> GetFavorites(CancellationToken cancellationToken = default);

    /// <summary>Pins <paramref name="id"/>; idempotent (the entry keeps its first time).</summary>
    [Alias("AddFavorite")]
    Task<AddFavoriteResult> AddFavorite(DirectoryKind kind, string id, CancellationToken cancellationToken = default);

    /// <summary>Unpins <paramref name="id"/>; false when it was not a favorite.</summary>
    [Alias("RemoveFavorite")]
    Task<bool> RemoveFavorite(DirectoryKind kind, string id, CancellationToken cancellationToken = default);

    /// <summary>
    /// The agent dealt with <paramref name="id"/> at <paramref name="at"/>: it moves to the front of its list (a report
    /// older than the one kept changes nothing). One way: sent by interactions after a transfer or consult.
    /// </summary>
    [Alias("RecordRecent"), OneWay]
    Task RecordRecent(DirectoryKind kind, string id, DateTimeOffset at);

    [Alias("GetRecents"), ReadOnly]
    Task<RecentsView> GetRecents(CancellationToken cancellationToken = default);
}
